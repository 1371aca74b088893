/**
 * Stands in for `undici` in the bundle (tsconfig.json `paths`). `@actions/core`
 * imports `@actions/http-client`, which imports undici for its proxy agent, so
 * every run evaluated undici at load and compiled its WebAssembly HTTP parser,
 * though the action's own requests go through `node:http`. Here undici is
 * evaluated only when `loadUndici` is awaited: before GitHub's client is made
 * (its fetch goes through undici behind a proxy).
 */
import type * as Undici from 'undici/index.js';

let real: typeof Undici | undefined;

/** Loads the real undici; awaited before anything may use the exports below. */
export async function loadUndici(): Promise<void> {
  real ??= await import('undici/index.js');
}

function undici(): typeof Undici {
  if (!real) throw new Error('undici was used before loadUndici() was awaited');
  return real;
}

/** undici's ProxyAgent, constructed from the real module. */
export const ProxyAgent = function ProxyAgent(options: ConstructorParameters<typeof Undici.ProxyAgent>[0]) {
  return new (undici().ProxyAgent)(options);
} as unknown as typeof Undici.ProxyAgent;

export const fetch: typeof Undici.fetch = (...args) => undici().fetch(...args);
