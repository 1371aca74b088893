/**
 * What the core needs to talk to the workflow log. `main.ts` backs it with
 * `@actions/core`; tests use a recording logger. Every line goes through
 * `redact`, so the API key never reaches a log even where the runner's
 * masking is absent (local runs, tests).
 */
export interface Logger {
  info(message: string): void;
  warning(message: string): void;
  /** A line the run's page shows as a notice (one-off facts, not problems). */
  notice(message: string): void;
  debug(message: string): void;
  /** Runs `fn` inside a collapsible log group. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
}

export function redactingLogger(inner: Logger, secrets: string[]): Logger {
  const redact = (text: string) => redactSecrets(text, secrets);
  return {
    info: (message) => inner.info(redact(message)),
    warning: (message) => inner.warning(redact(message)),
    notice: (message) => inner.notice(redact(message)),
    debug: (message) => inner.debug(redact(message)),
    group: (title, fn) => inner.group(redact(title), fn),
  };
}

/** Shorter fragments of a secret cut by `printable` are too common to remove without hiding other text. */
const MIN_FRAGMENT = 6;

/** The kind a key or token says it is (`sk_live_`, `ghs_`): not secret, and what a hint names. */
const KIND_PREFIX = /^(sk_(live|test)_|gh[pousr]_|github_pat_)$/;

/**
 * The step's secrets, registered once at start-up (as `core.setSecret` tells
 * the runner), so that every place that cuts outside text (`clip`,
 * `printable`) removes them first: a secret cut in two would no longer be
 * recognised by the redaction of the log, the outputs and the summary.
 */
const registered = new Set<string>();

export function registerSecrets(values: string[]): void {
  for (const value of values) if (value.length >= 4) registered.add(value);
}

/** `text` without any registered secret. */
export function redactRegistered(text: string): string {
  return registered.size === 0 ? text : redactSecrets(text, [...registered]);
}

/**
 * `text` without any secret. A quoted value cut short (`printable`'s `…`) can
 * end inside a secret, so the part of a secret just before a `…` goes too.
 */
export function redactSecrets(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    result = result.split(secret).join('***');
    for (let length = secret.length - 1; length >= MIN_FRAGMENT && result.includes('…'); length--) {
      const fragment = secret.slice(0, length);
      if (!KIND_PREFIX.test(fragment)) result = result.split(`${fragment}…`).join('***…');
    }
  }
  return result;
}

/** A copy of `value` with every secret removed from every string in it (for the job summary). */
export function redactDeep<T>(value: T, secrets: string[]): T {
  return JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
    typeof item === 'string' ? redactSecrets(item, secrets) : item,
  ) as T;
}
