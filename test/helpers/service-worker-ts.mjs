// Worker entry for tests: registers tsx inside the worker thread, then runs the TypeScript
// service worker (the app runs the bundled JavaScript instead).
process.env.TSX_DISABLE_CACHE = '1';
const { register } = await import('tsx/esm/api');
register();
await import('../../electron/core/service/service-worker.ts');
