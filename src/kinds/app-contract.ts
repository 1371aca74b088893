import { stringify } from 'yaml';
import type { App, AppInput } from '../armox/types.js';
import {
  checkImageUrl,
  checkImageUrls,
  describeValue,
  fold,
  formatTable,
  gatherValues,
  isEmpty,
  scalarText,
  suggestKey,
  type KeyMatcher,
} from './inputs-check.js';
import { printable } from '../core/text.js';
import type { InputsSource } from './target.js';

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
  const values = gatherValues(sources, keyMatcher(app), problems);

  const inputs: RequestInputs = {};
  const missing: string[] = [];
  for (const input of app.inputs) {
    const given = values.get(input.id);
    const checked = given ? checkValue(input, given.value, given.where, problems, warnings) : undefined;
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

/** How the user's keys name this app's inputs; an input is quoted by its label in errors. */
function keyMatcher(app: App): KeyMatcher<AppInput> {
  const labels = app.inputs.map((input) => input.label);
  return {
    match: (key) => matchInput(app, key),
    id: (input) => input.id,
    name: (input) => `"${input.label}"`,
    unknown: (key) => `unknown input "${printable(key)}".${suggestKey(key, labels, ' (or the input ids)')}`,
    ambiguous: (key, matches) =>
      `"${printable(key)}" matches ${matches.length} inputs (${matches
        .map((m) => `${m.label} = ${m.id}`)
        .join(', ')}); use the input's id as the key.`,
  };
}

/** True when `key` names an image input of the app (by id, label or targetHandle). */
export function isImageKey(app: App, key: string): boolean {
  return matchInput(app, key).some((input) => input.type === 'image');
}

/** Exact id first; otherwise label, then targetHandle, both case-insensitive. */
function matchInput(app: App, key: string): AppInput[] {
  const byId = app.inputs.filter((input) => input.id === key);
  if (byId.length > 0) return byId;
  const wanted = fold(key);
  const byLabel = app.inputs.filter((input) => fold(input.label) === wanted);
  if (byLabel.length > 0) return byLabel;
  return app.inputs.filter((input) => input.targetHandle !== undefined && fold(input.targetHandle) === wanted);
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
  // Armox fetches image inputs itself, so they must be public http(s) URLs.
  if (Array.isArray(value)) {
    if (!input.allowMultiple) {
      problems.push(`${where} takes one value, not a list of ${value.length}.`);
      return undefined;
    }
    const items: string[] = [];
    for (const item of value) {
      const text = scalarText(item);
      if (text === undefined) {
        problems.push(`${where}: every list item must be a string, got ${describeValue(item)}.`);
        return undefined;
      }
      if (text.trim() !== '') items.push(text);
    }
    if (items.length === 0) return undefined;
    // Every URL of the list is checked, so all bad ones are named at once.
    const urlsOk = input.type !== 'image' || checkImageUrls(items, where, problems, warnings);
    return urlsOk ? items : undefined;
  }
  const text = scalarText(value);
  if (text === undefined) {
    problems.push(
      `${where} must be ${input.allowMultiple ? 'a string or a list of strings' : 'a string'}, got ${describeValue(value)}.`,
    );
    return undefined;
  }
  if (input.type === 'image' && !checkImageUrl(text, where, problems, warnings)) return undefined;
  return input.allowMultiple ? [text] : text;
}

/** The app's contract as a small text table, for errors and dry runs. */
export function formatContract(app: App): string {
  if (app.inputs.length === 0) return `App "${app.name}" takes no inputs.`;
  const rows = app.inputs.map((input) => [
    input.label,
    input.type + (input.allowMultiple ? ' (list)' : ''),
    input.required ? 'yes' : 'no',
    input.targetHandle ?? '',
    input.id,
  ]);
  return formatTable(`Inputs of "${app.name}":`, ['label', 'type', 'required', 'targetHandle', 'id'], rows);
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
