/**
 * Checks shared by every target's contract (app inputs, model settings): how
 * keys are compared, what counts as empty, how a near-miss is suggested, how
 * an image URL is checked, how a contract is laid out as a table.
 */
import type { InputsSource } from './target.js';
import { parseHttpUrl, printable } from '../core/text.js';

/** How keys and labels are compared: Unicode-normalised, trimmed, case-insensitive. */
export function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

/**
 * App and model names are compared as keys are (fold), and runs of white space
 * count as one: a name is copied from a listing where doubled spaces do not show.
 * Input keys keep their spaces: a key is checked against labels the action lists,
 * and a near miss gets a "Did you mean" there.
 */
export function foldName(text: string): string {
  return fold(text).replace(/\s+/g, ' ');
}

export function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Strings stay; YAML numbers and booleans become their text. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

// How a value is named in errors lives with the parser that makes the values (mappings are Maps
// there); re-exported so that contracts take all their helpers from here.
export { describeValue } from '../request/yaml-input.js';

/**
 * Armox fetches image inputs itself, so they must be public http(s) URLs.
 * Notes a problem (and returns false) for anything else; warns about private hosts.
 */
export function checkImageUrl(text: string, where: string, problems: string[], warnings: string[]): boolean {
  return checkImageUrls([text], where, problems, warnings);
}

/**
 * `checkImageUrl` for a list: every URL is checked, and those that are not
 * http(s) URLs are named in one problem, so the advice is given once.
 */
export function checkImageUrls(texts: string[], where: string, problems: string[], warnings: string[]): boolean {
  const refused: string[] = [];
  for (const text of texts) {
    const url = parseHttpUrl(text.trim());
    if (!url) refused.push(`"${printable(text)}"`);
    else if (isPrivateHost(url.hostname)) {
      warnings.push(`${where}: ${url.origin} looks private; Armox cannot fetch images from a private network.`);
    }
  }
  if (refused.length === 0) return true;
  const what =
    refused.length === 1
      ? `${refused[0]} is not an http(s) URL`
      : `${refused.slice(0, -1).join(', ')} and ${refused.at(-1)} are not http(s) URLs`;
  problems.push(
    `${where}: ${what}. Image inputs are fetched by Armox, so they must be public URLs: ` +
      'commit the file to a public repository (the action then sends its URL at this commit) ' +
      'or upload it somewhere public first (a release asset, a storage bucket).',
  );
  return false;
}

function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return (
    host === 'localhost' ||
    host === '::1' ||
    /^(127|10)\./.test(host) ||
    /^192\.168\./.test(host) ||
    /^172\.(1[6-9]|2\d|3[01])\./.test(host) ||
    host.endsWith('.local') ||
    host.endsWith('.internal')
  );
}

/**
 * ` Did you mean "…"?` for a near-miss among `candidates` (by default the `names`),
 * a note about look-alike (non-ASCII) characters, then ` Valid keys: "a", "b"` and
 * `validNote` (e.g. ` (or the input ids)`).
 */
export function suggestKey(key: string, names: string[], validNote = '', candidates = names): string {
  const close = closestName(key, candidates);
  const nonAscii = [...key].filter((c) => c.charCodeAt(0) > 126);
  const note = nonAscii.length
    ? ` It contains non-ASCII characters (${nonAscii
        .slice(0, 3)
        .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
        .join(', ')}) that may only look like the label's.`
    : '';
  const valid = ` Valid keys: ${names.map((n) => `"${n}"`).join(', ')}${validNote}.`;
  return close ? ` Did you mean "${close}"?${note}${valid}` : `${note}${valid}`;
}

/** The name within a small edit distance of `key` (scaled to the name's length), if any. */
export function closestName(key: string, names: string[]): string | undefined {
  const wanted = fold(key);
  return names.find((name) => editDistance(fold(name), wanted) <= Math.max(1, Math.floor(name.length / 8)));
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** A plain-text table: a title line, the header, a rule, and the rows, columns padded. */
export function formatTable(title: string, header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [title, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** How a target's keys name its fields (app inputs, model settings), for gatherValues. */
export interface KeyMatcher<F> {
  /** The fields a key names: none, one, or several (ambiguous). */
  match(key: string): F[];
  /** The field's identity: two keys naming the same field in one source are an error. */
  id(field: F): string;
  /** How the field is quoted in errors (`"Aspect Ratio"`, `"aspect_ratio"`). */
  name(field: F): string;
  /** The problem for a key that names nothing, after `<source>: `. */
  unknown(key: string): string;
  /** The problem for a key that names several fields, after `<source>: `. */
  ambiguous(key: string, matches: F[]): string;
}

/** A value given for a field, and where: `where` is `<source>: "<field name>"`, for the value's problems. */
export interface GivenValue<F> {
  field: F;
  value: unknown;
  where: string;
}

/**
 * Maps every key of every source to a field, noting unknown, ambiguous and
 * repeated keys in `problems`. Later sources win where two give the same field
 * (`inputs` over `inputs-file`); within one source a field may be given once.
 */
export function gatherValues<F>(
  sources: InputsSource[],
  matcher: KeyMatcher<F>,
  problems: string[],
): Map<string, GivenValue<F>> {
  const values = new Map<string, GivenValue<F>>();
  for (const source of sources) {
    const seenHere = new Map<string, string>();
    for (const [key, value] of source.entries) {
      const matches = matcher.match(key);
      if (matches.length !== 1) {
        problems.push(
          `${source.name}: ${matches.length === 0 ? matcher.unknown(key) : matcher.ambiguous(key, matches)}`,
        );
        continue;
      }
      const field = matches[0]!;
      const id = matcher.id(field);
      const earlier = seenHere.get(id);
      if (earlier !== undefined) {
        problems.push(
          `${source.name}: ${matcher.name(field)} is given twice (as "${printable(earlier)}" and "${printable(key)}").`,
        );
        continue;
      }
      seenHere.set(id, key);
      values.set(id, { field, value, where: `${source.name}: ${matcher.name(field)}` });
    }
  }
  return values;
}
