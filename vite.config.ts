import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is plain static files: loaded from the app's own protocol, no dev server at run time.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
