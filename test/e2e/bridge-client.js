// Stands in for the Electron preload in browser tests: the same AppApi, carried over HTTP to the
// real main-process service. Loaded before the app's own script.
(() => {
  const toB64 = (bytes) => {
    let s = '';
    for (let i = 0; i < bytes.length; i += 0x8000)
      s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    return btoa(s);
  };
  const fromB64 = (b64) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  const encode = (v) =>
    JSON.stringify(v, (_k, x) => (x instanceof Uint8Array ? { $bytes: toB64(x) } : x));
  const decode = (t) =>
    JSON.parse(t, (_k, x) => (x && typeof x === 'object' && '$bytes' in x ? fromB64(x.$bytes) : x));
  const call = async (method, args) => {
    const res = await fetch(`/__api/${method}`, { method: 'POST', body: encode(args) });
    return decode(await res.text());
  };
  // The contract's method names, filled in by the test server from shared/ipc.ts.
  const methods = JSON.parse('__API_METHODS__');
  // Progress arrives pushed, as the preload's IPC event does in the app.
  const onProgress = (listener) => {
    const events = new EventSource('/__events');
    events.onmessage = (e) => listener(JSON.parse(e.data));
    return () => events.close();
  };
  window.api = Object.freeze({
    ...Object.fromEntries(methods.map((m) => [m, (...args) => call(m, args)])),
    onProgress,
  });
})();
