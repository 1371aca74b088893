/**
 * The YAML/JSON documents users write (`inputs`, `inputs-file`, a batch, a
 * line of a JSON Lines file), read with every mapping key kept as written:
 * YAML reads the key `001` as the number 1 and `1.50` as 1.5, and neither an
 * item's name nor an input's may change on the way. Hostile documents (alias
 * bombs, deep nesting, huge text, several documents) are refused with the reason.
 */
import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseAllDocuments,
  Scalar,
  visit,
  YAMLSeq,
  type Document,
  type Node,
  type YAMLMap,
} from 'yaml';
import { InputError } from '../core/errors.js';
import type { InputsSource } from '../kinds/target.js';
import { printable } from '../core/text.js';

/** The most text `inputs`, `batch` or their files may hold: prompts are long, but not megabytes. */
const MAX_INPUTS_BYTES = 1024 * 1024;
/** Aliases are convenient in a mapping of prompts; thousands of them are an alias bomb. */
const MAX_ALIAS_COUNT = 100;

/** Where a document's text came from: how errors name it, and (for a line of a JSON Lines file) which line. */
export interface TextOrigin {
  name: string;
  /** The file's line the text is on, for a one-line document (JSON Lines). */
  line?: number;
}

/** One key of the top-level mapping as written, its value as data, and its line. */
export interface MappingEntry {
  key: string;
  value: unknown;
  line: number;
}

/** A document's top level: a mapping (keys as written), a list, or a single value. */
export type YamlRoot =
  { kind: 'mapping'; entries: MappingEntry[] } | { kind: 'list'; items: unknown[] } | { kind: 'value'; value: unknown };

/**
 * One YAML or JSON document as data, or undefined when it is empty (or only
 * `null`, `~` or a comment). Mappings below the top level become Maps with
 * string keys as written; a key written twice in one of them is in `problems`
 * (the top level's keys are the caller's to check: input names, item names).
 * Syntax errors, and the hostile documents above, are thrown as InputErrors.
 */
export function parseYaml(origin: TextOrigin, text: string): { root?: YamlRoot; problems: string[] } {
  const name = describeOrigin(origin);
  refuseHugeText(name, text);
  if (text.trim() === '') return { problems: [] };
  const lines = new LineCounter();
  const document = readDocument(origin, text, lines);
  const top = document?.contents;
  if (!document || !top || (isScalar(top) && (top.value === null || top.value === ''))) return { problems: [] };
  const lineOf = (node: Node) => lines.linePos(node.range?.[0] ?? 0).line + (origin.line ?? 1) - 1;
  let problems: string[];
  try {
    problems = keepKeysAsWritten(document, name, lineOf);
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${name} is nested too deeply to be read.`);
    throw error;
  }
  if (isMap(top)) return { root: mappingRoot(document, top, name, lineOf), problems };
  if (isSeq(top)) return { root: { kind: 'list', items: toData(document, name, top.items as Node[]) }, problems };
  return { root: { kind: 'value', value: toData(document, name, [top])[0] }, problems };
}

/** The top-level mapping: its keys as written (each a name), its values as data. */
function mappingRoot(document: Document.Parsed, map: YAMLMap, name: string, lineOf: (node: Node) => number): YamlRoot {
  const values = toData(
    document,
    name,
    map.items.map((pair) => (pair.value as Node | null) ?? new Scalar(null)),
  );
  const entries = map.items.map(({ key }, index): MappingEntry => {
    const node = key as Node | null;
    const written = node ? keyAsWritten(node) : undefined;
    if (written === undefined) {
      const what = !node ? 'null' : isAlias(node) ? 'an alias' : describeValue(toData(document, name, [node])[0]);
      throw new InputError(
        `${name} has a key that is not a name (${what}): write each key as an input's label or id (in a batch, an item's name).`,
      );
    }
    return { key: written, value: values[index], line: lineOf(node!) };
  });
  return { kind: 'mapping', entries };
}

/** The one document in `text`, its syntax checked; InputErrors say where (the file's line and column) and why. */
function readDocument(origin: TextOrigin, text: string, lineCounter: LineCounter): Document.Parsed | undefined {
  const name = describeOrigin(origin);
  let documents: Document.Parsed[];
  try {
    // Keys written alike are found by keepKeysAsWritten and the callers, comparing them as written (`1` ≠ `01`).
    documents = parseAllDocuments(text, { uniqueKeys: false, prettyErrors: true, strict: true, lineCounter });
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(`${name} is nested too deeply to be read.`);
    throw error;
  }
  if (!Array.isArray(documents)) documents = [documents];
  if (documents.length > 1) {
    throw new InputError(`${name} holds ${documents.length} YAML documents (separated by ---); give one.`);
  }
  const document = documents[0];
  const problem = document?.errors[0];
  if (!problem) return document;
  if (/call stack/i.test(problem.message)) throw new InputError(`${name} is nested too deeply to be read.`);
  const position = problem.linePos?.[0];
  // A line of a JSON Lines file is named by the file's line, once: `at line 2, column 12`.
  const where = position ? ` at line ${position.line + (origin.line ?? 1) - 1}, column ${position.col}` : '';
  const reason = problem.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  throw new InputError(`${origin.name} is not valid YAML or JSON${where}: ${reason}`);
}

/**
 * Rewrites every mapping key to the text it was written as (so the data has
 * `001`, not 1), and lists the keys written twice in one mapping below the top level.
 */
function keepKeysAsWritten(document: Document.Parsed, name: string, lineOf: (node: Node) => number): string[] {
  const problems: string[] = [];
  visit(document, {
    Scalar: (_, node) => keepScalarAsWritten(node),
    Map: (_, map, path) => {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        const key = pair.key as Node | null;
        const written = key ? keyAsWritten(key) : undefined;
        if (written === undefined) continue;
        if (isScalar(key)) key.value = written;
        const first = seen.get(written);
        const atTop = path.length === 1; // [document]
        if (first !== undefined && !atTop) {
          const line = lineOf(key!);
          const where = line === first ? `line ${line}` : `lines ${first} and ${line}`;
          problems.push(`${name} gives the key "${printable(written)}" twice in one mapping (${where}); give it once.`);
        }
        if (first === undefined) seen.set(written, lineOf(key!));
      }
    },
  });
  return problems;
}

/**
 * A plain number or boolean whose text YAML would rewrite (`1.10` read as 1.1,
 * `0x1F` as 31, `True` as true) keeps the text as written: a text input must
 * get what the user typed, and a number setting still reads it as a number.
 */
function keepScalarAsWritten(node: Scalar): void {
  const { value, source } = node;
  if ((typeof value === 'number' || typeof value === 'boolean') && source !== undefined && String(value) !== source)
    node.value = source;
}

/**
 * A key as written (`001` stays `001`), or undefined for a null, a collection
 * or an alias (resolving each alias on its own would cost a walk of the whole
 * document: a mapping of many alias keys would be a way to hang the action).
 */
function keyAsWritten(node: Node): string | undefined {
  if (!isScalar(node) || node.value === null) return undefined;
  return node.source ?? String(node.value);
}

/**
 * Nodes as plain data (mappings as Maps, so keys such as `__proto__` stay
 * data), converted together so that the alias limit counts every alias of the document.
 */
function toData(document: Document.Parsed, name: string, nodes: Node[]): unknown[] {
  const list = new YAMLSeq(document.schema);
  list.items = nodes;
  try {
    return list.toJS(document, { mapAsMap: true, maxAliasCount: MAX_ALIAS_COUNT }) as unknown[];
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

/** Prompts are long, but not megabytes: more is refused before it is parsed. */
export function refuseHugeText(name: string, text: string): void {
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_INPUTS_BYTES)
    throw new InputError(`${name} is ${bytes} bytes; the limit is ${MAX_INPUTS_BYTES} (1 MiB).`);
}

function describeOrigin(origin: TextOrigin): string {
  return origin.line === undefined ? origin.name : `${origin.name} line ${origin.line}`;
}

/**
 * Parses a YAML or JSON mapping of input names to values (JSON is YAML), keys
 * as written. Refuses, with line and column, anything that is not a single
 * mapping, and a key given twice.
 */
export function parseInputsMapping(name: string, text: string): InputsSource {
  const { root, problems } = parseYaml({ name }, text);
  if (problems.length > 0) throw new InputError(problems.join('\n'));
  return inputsSource(name, root, 'a mapping of input names to values (like "Aspect Ratio: 16:9")');
}

/**
 * A document's top level as an inputs source named `name`: empty for nothing,
 * an InputError for anything but a mapping or for an input given twice.
 */
export function inputsSource(name: string, root: YamlRoot | undefined, expected: string): InputsSource {
  if (root?.kind !== 'mapping') return sourceFromData(name, root?.kind === 'list' ? root.items : root?.value, expected);
  const lines = new Map<string, number>();
  for (const { key, line } of root.entries) {
    const first = lines.get(key);
    if (first !== undefined) {
      throw new InputError(
        `${name} gives "${printable(key)}" twice (lines ${first} and ${line}): give each input once.`,
      );
    }
    lines.set(key, line);
  }
  return { name, entries: root.entries.map(({ key, value }) => [key, value]) };
}

/**
 * A mapping read by parseYaml below the top level (a batch item's inputs) as
 * an inputs source named `name`: empty for nothing, an InputError for anything
 * but a mapping of names.
 */
export function sourceFromData(name: string, value: unknown, expected: string): InputsSource {
  if (value === null || value === undefined || value === '') return { name, entries: [] };
  if (!(value instanceof Map)) {
    throw new InputError(`${name} must be ${expected}, not ${Array.isArray(value) ? 'a list' : 'a single value'}.`);
  }
  const entries: InputsSource['entries'] = [];
  for (const [key, item] of value as Map<unknown, unknown>) {
    if (key === null || typeof key === 'object') {
      throw new InputError(
        `${name} has a key that is not a name (${describeValue(key)}): use the input's label or id as the key.`,
      );
    }
    entries.push([String(key), item]);
  }
  return { name, entries };
}

/** `a mapping`, `a list`, `null`, `number`: how a value is named in errors. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value instanceof Map || typeof value === 'object') return 'a mapping';
  return typeof value;
}
