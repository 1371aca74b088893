import { stringify } from 'yaml';
import type { App, AppInput } from './armox-types.js';
import { printable } from './text.js';
import type { InputsSource } from './target.js';
import { describeValue as describe } from './yaml-input.js';

/** What the API expects in `inputs`, keyed by input id. */
export type RequestInputs = Record<string, string | string[]>;

/**
 * Maps the user's keys (id, label or targetHandle) to the app's inputs and checks
 * every value against the contract. Every problem is collected, each naming its
 * source and key. Sources later in the list win where two give the same input
 * (`inputs` over `inputs-file`, a batch item over both).
 */
export function buildRequestInputs(
  app: App,
  sources: InputsSource[],
): { inputs: RequestInputs; problems: string[]; warnings: string[] } {
  const problems: string[] = [];
  const warnings: string[] = [];
  const values = new Map<string, { value: unknown; source: string; key: string }>();

  for (const source of sources) {
    const seenHere = new Map<string, string>();
    for (const [key, value] of source.entries) {
      const matches = matchInput(app, key);
      if (matches.length === 0) {
        problems.push(`${source.name}: unknown input "${printable(key)}".${suggest(app, key)}`);
        continue;
      }
      if (matches.length > 1) {
        problems.push(
          `${source.name}: "${printable(key)}" matches ${matches.length} inputs (${matches
            .map((m) => `${m.label} = ${m.id}`)
            .join(', ')}); use the input's id as the key.`,
        );
        continue;
      }
      const input = matches[0]!;
      const earlier = seenHere.get(input.id);
      if (earlier !== undefined) {
        problems.push(
          `${source.name}: "${input.label}" is given twice (as "${printable(earlier)}" and "${printable(key)}").`,
        );
        continue;
      }
      seenHere.set(input.id, key);
      values.set(input.id, { value, source: source.name, key });
    }
  }

  const inputs: RequestInputs = {};
  const missing: string[] = [];
  for (const input of app.inputs) {
    const given = values.get(input.id);
    const checked = given
      ? checkValue(input, given.value, `${given.source}: "${input.label}"`, problems, warnings)
      : undefined;
    if (checked === undefined) {
      if (input.required && (!given || isEmpty(given.value))) missing.push(input.label);
      continue;
    }
    inputs[input.id] = checked;
  }
  if (missing.length > 0) {
    problems.push(
      `missing required input${missing.length > 1 ? 's' : ''}: ${missing.map((l) => `"${l}"`).join(', ')}.`,
    );
  }

  return { inputs, problems, warnings };
}

/** Exact id first; otherwise label, then targetHandle, both case-insensitive. */
/** True when `key` names an image input of the app (by id, label or targetHandle). */
export function isImageKey(app: App, key: string): boolean {
  return matchInput(app, key).some((input) => input.type === 'image');
}

function matchInput(app: App, key: string): AppInput[] {
  const byId = app.inputs.filter((input) => input.id === key);
  if (byId.length > 0) return byId;
  const wanted = fold(key);
  const byLabel = app.inputs.filter((input) => fold(input.label) === wanted);
  if (byLabel.length > 0) return byLabel;
  return app.inputs.filter((input) => input.targetHandle !== undefined && fold(input.targetHandle) === wanted);
}

function fold(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

function isEmpty(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

/** Returns the value as the API wants it, or undefined (after noting a problem, unless simply empty). */
function checkValue(
  input: AppInput,
  value: unknown,
  where: string,
  problems: string[],
  warnings: string[],
): string | string[] | undefined {
  if (isEmpty(value)) return undefined;
  if (Array.isArray(value)) {
    if (!input.allowMultiple) {
      problems.push(`${where} takes one value, not a list of ${value.length}.`);
      return undefined;
    }
    const items: string[] = [];
    for (const item of value) {
      const text = scalarText(item);
      if (text === undefined) {
        problems.push(`${where}: every list item must be a string, got ${describe(item)}.`);
        return undefined;
      }
      if (text.trim() !== '') items.push(text);
    }
    if (items.length === 0) return undefined;
    return items.every((item) => checkImage(input, item, where, problems, warnings)) ? items : undefined;
  }
  const text = scalarText(value);
  if (text === undefined) {
    problems.push(
      `${where} must be ${input.allowMultiple ? 'a string or a list of strings' : 'a string'}, got ${describe(value)}.`,
    );
    return undefined;
  }
  if (!checkImage(input, text, where, problems, warnings)) return undefined;
  return input.allowMultiple ? [text] : text;
}

/** Strings stay; YAML numbers and booleans become their text. */
function scalarText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return undefined;
}

/** Armox fetches image inputs itself, so they must be public http(s) URLs. */
function checkImage(input: AppInput, text: string, where: string, problems: string[], warnings: string[]): boolean {
  if (input.type !== 'image') return true;
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    problems.push(
      `${where}: "${printable(text)}" is not an http(s) URL. Image inputs are fetched by Armox, so they must be public URLs; ` +
        'a local file must be uploaded somewhere public first (a release asset, a storage bucket).',
    );
    return false;
  }
  if (isPrivateHost(url.hostname)) {
    warnings.push(`${where}: ${url.origin} looks private; Armox cannot fetch images from a private network.`);
  }
  return true;
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

/** "Did you mean …?" for near-misses and look-alike characters. */
function suggest(app: App, key: string): string {
  const wanted = fold(key);
  const names = app.inputs.map((input) => input.label);
  const close = names.find((name) => editDistance(fold(name), wanted) <= Math.max(1, Math.floor(name.length / 8)));
  const nonAscii = [...key].filter((c) => c.charCodeAt(0) > 126);
  const note = nonAscii.length
    ? ` It contains non-ASCII characters (${nonAscii
        .slice(0, 3)
        .map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`)
        .join(', ')}) that may only look like the label's.`
    : '';
  const valid = ` Valid keys: ${names.map((n) => `"${n}"`).join(', ')} (or the input ids).`;
  return close ? ` Did you mean "${close}"?${note}${valid}` : `${note}${valid}`;
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

/** The app's contract as a small text table, for errors and dry runs. */
export function formatContract(app: App): string {
  const rows = app.inputs.map((input) => [
    input.label,
    input.type + (input.allowMultiple ? ' (list)' : ''),
    input.required ? 'yes' : 'no',
    input.targetHandle ?? '',
    input.id,
  ]);
  const header = ['label', 'type', 'required', 'targetHandle', 'id'];
  if (rows.length === 0) return `App "${app.name}" takes no inputs.`;
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [`Inputs of "${app.name}":`, line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join(
    '\n',
  );
}

/** A ready-to-paste `inputs:` block for the app, required inputs first. */
export function inputsSkeleton(app: App): string {
  const ordered = [...app.inputs].sort((a, b) => Number(b.required) - Number(a.required));
  const lines = ordered.map((input) => {
    const key = stringify(input.label).trim();
    const example = input.type === 'image' ? 'https://example.com/image.jpg' : '';
    const value = input.allowMultiple ? `[${example}]` : example ? example : '""';
    const notes = [
      input.type === 'image' ? 'public image URL' : 'text',
      input.allowMultiple ? 'list' : '',
      input.required ? 'required' : 'optional',
    ]
      .filter(Boolean)
      .join(', ');
    return `  ${key}: ${value}  # ${notes}`;
  });
  return ['inputs: |', ...(lines.length ? lines : ['  {}'])].join('\n');
}
