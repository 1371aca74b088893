// Preloaded with `node --require` by a test: reports every WebAssembly module compiled, on stderr.
/** @type {Record<string, (...args: unknown[]) => unknown>} */
const wasm = /** @type {any} */ (globalThis).WebAssembly;
for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
  const original = wasm[name];
  wasm[name] = (...args) => {
    process.stderr.write(`[wasm] WebAssembly.${name}\n`);
    return original?.(...args);
  };
}
