/** Small helpers for text and values from outside: what a user typed, what a server sent. */
import { redactRegistered } from './log.js';

/** Shows control and invisible characters as escapes, and shortens long values, for error messages. */
export function printable(text: string, max = 80): string {
  // Secrets go before the cut: a secret cut in two is no longer recognised.
  const value = redactRegistered(text);
  // eslint-disable-next-line no-control-regex
  const escaped = value.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g, (c) =>
    c === '\n' ? '\\n' : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > max ? `${escaped.slice(0, max)}… (${value.length} characters)` : escaped;
}

/** `text` on one line: each line break (`\r\n`, `\r`, `\n`, U+0085, U+2028, U+2029) shown as `\n`. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u0085\u2028\u2029]/g, '\\n');
}

/** `text` cut to `max` characters, ending in `…` when it was longer. */
export function clip(raw: string, max: number): string {
  // Secrets go before the cut: a secret cut in two is no longer recognised.
  const text = redactRegistered(raw);
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A plain object (not null, not a list): what JSON answers are checked with. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The URL, when `value` is an absolute http(s) URL; undefined for anything else. The one http(s) check. */
export function parseHttpUrl(value: string): URL | undefined {
  if (!/^https?:\/\//i.test(value)) return undefined;
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** True for an absolute http(s) URL that parses. */
export function isHttpUrl(value: string): boolean {
  return parseHttpUrl(value) !== undefined;
}

/** `ECONNRESET: socket hang up` or `ENOSPC: no space left…` rather than a bare stack: network and disk errors alike. */
export function describeSystemError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
  }
  return String(error);
}

/** JSON with object keys sorted (list order kept): two values are the same data when these are equal. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    isObject(item) ? Object.fromEntries(Object.entries(item).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : item,
  );
}
