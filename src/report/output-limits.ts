import { clip } from '../core/text.js';

/**
 * GitHub's limit on an output: "a maximum of 1 MB", the size "approximated
 * based on UTF-16 encoding" (two bytes a code unit, so 500 000 ASCII
 * characters). A larger value breaks the workflow that maps it to a job
 * output, so every output is kept under it: lists keep what fits, `results`
 * first drops what the manifest also holds.
 */
export const OUTPUT_LIMIT_BYTES = 1_000_000;

/** The size GitHub counts for an output value. */
export function outputBytes(text: string): number {
  return utf16Bytes(text.length);
}

/** Two bytes a UTF-16 code unit (a JavaScript string's length counts code units). */
function utf16Bytes(codeUnits: number): number {
  return codeUnits * 2;
}

/** `1.3 MB`, as GitHub states its limit. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** A value fitted under the limit, and what was left out of it (undefined when nothing was). */
export interface Fitted {
  value: string;
  leftOut?: string;
}

/** A JSON array of the longest prefix of `items` that fits; `noun` names them in what was left out. */
export function fitJsonList(items: unknown[], noun: string, limit = OUTPUT_LIMIT_BYTES): Fitted {
  const whole = JSON.stringify(items);
  if (outputBytes(whole) <= limit) return { value: whole };
  const entries = items.map((item) => JSON.stringify(item));
  const kept = prefixWithin(entries, limit, 2, 1);
  return {
    value: `[${entries.slice(0, kept).join(',')}]`,
    leftOut: `it holds the first ${kept} of ${items.length} ${noun} (${megabytes(outputBytes(whole))} in all)`,
  };
}

/** Room kept for the closing `… and N more lines`. */
const MORE_LINE_BYTES = 200;

/** Lines joined by newlines, as many as fit, then a line saying how many more there were. */
export function fitLines(lines: string[], limit = OUTPUT_LIMIT_BYTES): Fitted {
  const whole = lines.join('\n');
  if (outputBytes(whole) <= limit) return { value: whole };
  const kept = prefixWithin(lines, limit - MORE_LINE_BYTES, 0, 1);
  const more = `… and ${lines.length - kept} more lines`;
  return {
    value: [...lines.slice(0, kept), more].join('\n'),
    leftOut: `it holds the first ${kept} of ${lines.length} lines`,
  };
}

/** One `results` entry; the fields a reduction may empty are nullable. */
export interface ResultEntry {
  name: string;
  'output-urls': string[] | null;
  files: string[] | null;
  'error-message': string | null;
  [key: string]: unknown;
}

/** Shorter error messages, the last resort before leaving entries out. */
const CLIPPED_ERROR_CHARS = 200;

/**
 * Ways to make `results` smaller, mildest first: each drops what the
 * manifest also holds (every run's output URLs, files and error message).
 */
const REDUCTIONS: Array<{ what: string; apply: (entry: ResultEntry) => ResultEntry }> = [
  { what: "each item's output-urls is null", apply: (entry) => ({ ...entry, 'output-urls': null }) },
  {
    what: "each item's output-urls and files are null",
    apply: (entry) => ({ ...entry, 'output-urls': null, files: null }),
  },
  {
    what: `each item's output-urls and files are null and its error-message is cut to ${CLIPPED_ERROR_CHARS} characters`,
    apply: (entry) => ({
      ...entry,
      'output-urls': null,
      files: null,
      'error-message': entry['error-message'] && clip(entry['error-message'], CLIPPED_ERROR_CHARS),
    }),
  },
];

/**
 * `results` under the limit: as it is when it fits, else with the mildest
 * reduction that fits, else the entries of the strongest that fit.
 */
export function fitResults(entries: ResultEntry[], limit = OUTPUT_LIMIT_BYTES): Fitted {
  const whole = JSON.stringify(entries);
  if (outputBytes(whole) <= limit) return { value: whole };
  const size = megabytes(outputBytes(whole));
  for (const reduction of REDUCTIONS) {
    const value = JSON.stringify(entries.map(reduction.apply));
    if (outputBytes(value) <= limit) return { value, leftOut: `${reduction.what} (it would be ${size})` };
  }
  const last = REDUCTIONS.at(-1)!;
  const fitted = fitJsonList(entries.map(last.apply), 'items', limit);
  return { value: fitted.value, leftOut: `${last.what}, and ${fitted.leftOut} (it would be ${size})` };
}

/** How many of `parts`, joined by `separator` characters, fit in `limit` with `overhead` characters around them. */
function prefixWithin(parts: string[], limit: number, overhead: number, separator: number): number {
  let used = overhead;
  let kept = 0;
  for (const part of parts) {
    const next = used + part.length + (kept > 0 ? separator : 0);
    if (utf16Bytes(next) > limit) break;
    used = next;
    kept += 1;
  }
  return kept;
}
