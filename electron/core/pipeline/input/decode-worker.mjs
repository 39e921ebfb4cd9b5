// The decoding thread's entry when running from source (the CLI through tsx, the tests): teach
// this thread TypeScript, then start it. Built apps and the bundled CLI ship decode-thread.ts
// bundled under this same name instead.
process.env.TSX_DISABLE_CACHE = '1';
const { register } = await import('tsx/esm/api');
register();
await import('./decode-thread.ts');
