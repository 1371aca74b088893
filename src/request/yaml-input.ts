import { isMap, isScalar, isSeq, parseAllDocuments, type Document } from 'yaml';
import { InputError } from '../core/errors.js';
import type { InputsSource } from '../target/target.js';
import { printable } from '../core/text.js';

/** The most text `inputs`, `batch` or their files may hold: prompts are long, but not megabytes. */
const MAX_INPUTS_BYTES = 1024 * 1024;
/** Aliases are convenient in a mapping of prompts; thousands of them are an alias bomb. */
const MAX_ALIAS_COUNT = 100;
/** Item names become folder and asset name prefixes. */
const ITEM_NAME = /^[A-Za-z0-9._-]{1,64}$/;

type Entry = InputsSource['entries'][number];

/** One run of a batch: its name and its own input values. */
export interface BatchItem {
  name: string;
  source: InputsSource;
}

/**
 * Parses a YAML or JSON mapping of input names to values (JSON is YAML).
 * Refuses, with line and column, anything that is not a single mapping.
 */
export function parseInputsMapping(name: string, text: string): InputsSource {
  const root = parseDocument(name, text);
  if (root === undefined) return { name, entries: [] };
  return { name, entries: toEntries(name, root, 'a mapping of input names to values (like "Aspect Ratio: 16:9")') };
}

/**
 * Parses `batch` (or a batch file): a list of input mappings (items named 1, 2, …)
 * or a mapping of item name → input mapping. JSON Lines (one mapping a line)
 * when `jsonLines`. Every problem with item names is reported at once.
 */
export function parseBatch(name: string, text: string, jsonLines = false): BatchItem[] {
  const problems: string[] = [];
  const items: BatchItem[] = [];
  const add = (itemName: string, value: unknown) => {
    const where = `${name}: item "${printable(itemName)}"`;
    try {
      items.push({ name: itemName, source: { name: where, entries: toEntries(where, value, 'an input mapping') } });
    } catch (error) {
      problems.push((error as Error).message);
    }
  };
  if (jsonLines) {
    text.split(/\r?\n/).forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        add(String(items.length + problems.length + 1), parseDocument(`${name} line ${index + 1}`, line) ?? new Map());
      } catch (error) {
        problems.push((error as Error).message);
      }
    });
  } else {
    const root = parseDocument(name, text);
    if (Array.isArray(root)) root.forEach((value, index) => add(String(index + 1), value));
    else if (root instanceof Map) for (const [key, value] of root) add(String(key), value);
    else throw new InputError(`${name} must be a list of input mappings or a mapping of item name → input mapping.`);
  }
  problems.push(...checkItemNames(name, items));
  if (items.length === 0 && problems.length === 0) problems.push(`${name} holds no runs: give at least one item.`);
  if (problems.length > 0) {
    throw new InputError(
      problems.length === 1 ? problems[0]! : `${name} has ${problems.length} problems:\n- ${problems.join('\n- ')}`,
    );
  }
  return items;
}

function checkItemNames(name: string, items: BatchItem[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!ITEM_NAME.test(item.name)) {
      problems.push(
        `${name}: item name "${printable(item.name)}" must be 1–64 letters, digits, ".", "_" or "-" (it names a folder and release assets).`,
      );
    } else if (seen.has(item.name)) {
      problems.push(`${name}: item name "${item.name}" is used twice; item names must be unique.`);
    }
    seen.add(item.name);
  }
  return problems;
}

/** A mapping's keys and values, in order; anything else is an InputError saying what was expected. */
function toEntries(name: string, value: unknown, expected: string): Entry[] {
  if (value === null || value === undefined || value === '') return [];
  if (!(value instanceof Map)) {
    const kind = Array.isArray(value) ? 'a list' : 'a single value';
    throw new InputError(`${name} must be ${expected}, not ${kind}.`);
  }
  const entries: Entry[] = [];
  for (const [key, item] of value as Map<unknown, unknown>) {
    if (key === null || typeof key === 'object') {
      throw new InputError(
        `${name} has a key that is not a name (${describeValue(key)}): use the input's label or id as the key.`,
      );
    }
    entries.push([String(key), item]);
  }
  return entries;
}

/**
 * One YAML/JSON document as plain data (mappings as Maps, so keys such as
 * `__proto__` stay data), or undefined when empty. Hostile documents (alias
 * bombs, deep nesting, huge text, several documents) are refused with the reason.
 */
function parseDocument(name: string, text: string): unknown {
  if (Buffer.byteLength(text) > MAX_INPUTS_BYTES) {
    throw new InputError(`${name} is ${Buffer.byteLength(text)} bytes; the limit is ${MAX_INPUTS_BYTES} (1 MiB).`);
  }
  if (text.trim() === '') return undefined;
  let documents: Document.Parsed[];
  try {
    documents = parseAllDocuments(text, { uniqueKeys: true, prettyErrors: true, strict: true }) as Document.Parsed[];
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${name} is nested too deeply to be read.`);
    throw error;
  }
  if (!Array.isArray(documents)) documents = [documents];
  if (documents.length > 1) {
    throw new InputError(`${name} holds ${documents.length} YAML documents (separated by ---); give one.`);
  }
  const document = documents[0];
  if (!document) return undefined;
  const problem = document.errors[0];
  if (problem && /call stack/i.test(problem.message)) throw new InputError(`${name} is nested too deeply to be read.`);
  if (problem) {
    const where = problem.linePos ? ` at line ${problem.linePos[0].line}, column ${problem.linePos[0].col}` : '';
    const reason = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new InputError(`${name} is not valid YAML or JSON${where}: ${reason}`);
  }
  const root = document.contents;
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return undefined;
  if (!isMap(root) && !isSeq(root)) return root.toJSON() as unknown;
  try {
    return document.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/alias/i.test(message)) {
      throw new InputError(
        `${name} uses YAML aliases too heavily (more than ${MAX_ALIAS_COUNT} expansions); write the values out.`,
      );
    }
    if (error instanceof RangeError) throw new InputError(`${name} is nested too deeply to be read.`);
    throw new InputError(`${name} could not be read: ${message.split('\n')[0]}`);
  }
}

/** `a mapping`, `a list`, `null`, `number`: how a value is named in errors. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map || typeof value === 'object') return 'a mapping';
  return typeof value;
}
