// @ts-nocheck -- the project's lib has no WebAssembly types; this file only wraps its functions.
// Preloaded with `node --require` by a test: reports every WebAssembly module compiled, on stderr.
for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
  const original = WebAssembly[name];
  WebAssembly[name] = function (...args) {
    process.stderr.write(`[wasm] WebAssembly.${name}\n`);
    return original.apply(this, args);
  };
}
