/**
 * The runs' input documents — `inputs`, `inputs-file`, and the batch (`batch`
 * or `batch-file`) — read before anything is sent. Every problem is collected,
 * each naming its input and item, so that one bad item or one bad document
 * does not hide the others' problems.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { errorMessage, InputError } from '../core/errors.js';
import { Input } from '../config/names.js';
import { printable } from '../core/text.js';
import type { InputsSource } from '../target/target.js';
import { inputsSource, parseInputsMapping, parseYaml, refuseHugeText, sourceFromData } from './yaml-input.js';

/**
 * Item names become folder names (`download-dir/<item>/`) and the prefix of
 * release asset names (`<item>-<file>`), so they must read the same on every
 * runner's file system and on GitHub: letters, digits, `_`, `-`, and dots
 * only between them. A name of dots (`..`) would be a folder outside
 * download-dir; a leading dot hides the folder and GitHub drops it from asset
 * names (`.x` would be `x`); a trailing one vanishes on Windows; GitHub merges
 * `..` into `.` (`x..y` would be `x.y`).
 */
const ITEM_NAME = /^[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*$/;
const MAX_ITEM_NAME_LENGTH = 64;

/** One run of a batch: its name and its own input values. */
export interface BatchItem {
  name: string;
  source: InputsSource;
}

/** The runs' input documents as read, and every problem met reading them. */
export interface RunInputs {
  /** Values every run shares, in the order they apply: inputs-file, then inputs (the later wins). */
  shared: InputsSource[];
  /** The batch's items whose inputs could be read, in order; undefined for a single run. */
  items?: BatchItem[];
  /** Each problem on its own line, naming its input (and item). */
  problems: string[];
  /** The shared inputs that could not be read: every run includes them, so no run can be checked. */
  unreadable: string[];
}

/** The inputs `readRunInputs` reads: absolute paths for the files. */
export interface RunInputsGiven {
  inputs: string;
  inputsFile?: string;
  batch?: string;
  batchFile?: string;
}

/** Reads and parses `inputs`, `inputs-file` and the batch, collecting every problem. */
export function readRunInputs(given: RunInputsGiven, workspace: string): RunInputs {
  const problems: string[] = [];
  const unreadable: string[] = [];
  const shared: InputsSource[] = [];
  const readShared = (label: string, text: () => string) => {
    try {
      shared.push(parseInputsMapping(label, text()));
    } catch (error) {
      problems.push(errorMessage(error));
      unreadable.push(label);
    }
  };
  if (given.inputsFile) {
    const file = given.inputsFile;
    readShared(fileLabel(Input.InputsFile, file, workspace), () => readInputFile(Input.InputsFile, file, workspace));
  }
  readShared(Input.Inputs, () => given.inputs);

  let items: BatchItem[] | undefined;
  if (given.batchFile !== undefined || given.batch !== undefined) {
    const batch = readBatch(given, workspace);
    items = batch.items;
    problems.push(...batch.problems);
  }
  return { shared, items, problems, unreadable };
}

function readBatch(given: RunInputsGiven, workspace: string): { items: BatchItem[]; problems: string[] } {
  if (given.batchFile === undefined) return parseBatch(Input.Batch, given.batch ?? '');
  let text: string;
  try {
    text = readInputFile(Input.BatchFile, given.batchFile, workspace);
  } catch (error) {
    return { items: [], problems: [errorMessage(error)] };
  }
  return parseBatch(fileLabel(Input.BatchFile, given.batchFile, workspace), text, /\.jsonl$/i.test(given.batchFile));
}

/**
 * Parses `batch` (or a batch file): a list of input mappings (items named 1,
 * 2, …) or a mapping of item name → input mapping, the names as written. JSON
 * Lines (one mapping a line) when `jsonLines`. Every problem is returned: with
 * the document, with each item's inputs, and with the item names.
 */
export function parseBatch(name: string, text: string, jsonLines = false): { items: BatchItem[]; problems: string[] } {
  const problems: string[] = [];
  const names: string[] = [];
  const items: BatchItem[] = [];
  const add = (itemName: string, read: (where: string) => InputsSource) => {
    names.push(itemName);
    try {
      items.push({ name: itemName, source: read(`${name}: item "${printable(itemName)}"`) });
    } catch (error) {
      problems.push(errorMessage(error));
    }
  };
  try {
    if (jsonLines) readJsonLines(name, text, add, problems);
    else readBatchDocument(name, text, add, problems);
  } catch (error) {
    problems.push(errorMessage(error));
  }
  problems.push(...checkItemNames(name, names));
  if (names.length === 0 && problems.length === 0) problems.push(`${name} holds no runs: give at least one item.`);
  return { items, problems };
}

type AddItem = (itemName: string, read: (where: string) => InputsSource) => void;

function readBatchDocument(name: string, text: string, add: AddItem, problems: string[]): void {
  const { root, problems: keyProblems } = parseYaml({ name }, text);
  problems.push(...keyProblems);
  if (root === undefined) return;
  const item = (value: unknown) => (where: string) => sourceFromData(where, value, 'an input mapping');
  if (root.kind === 'list') root.items.forEach((value, index) => add(String(index + 1), item(value)));
  else if (root.kind === 'mapping') for (const entry of root.entries) add(entry.key, item(entry.value));
  else throw new InputError(`${name} must be a list of input mappings or a mapping of item name → input mapping.`);
}

/** One mapping a line, items named 1, 2, … (blank lines skipped); a bad line is named by its line. */
function readJsonLines(name: string, text: string, add: AddItem, problems: string[]): void {
  refuseHugeText(name, text);
  let count = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    count += 1;
    try {
      const { root, problems: keyProblems } = parseYaml({ name, line: index + 1 }, line);
      problems.push(...keyProblems);
      add(String(count), (where) => inputsSource(where, root, 'an input mapping'));
    } catch (error) {
      problems.push(errorMessage(error));
    }
  });
}

function checkItemNames(name: string, names: string[]): string[] {
  const problems: string[] = [];
  // Lower-cased: macOS and Windows runners ignore case in folder names.
  const seen = new Map<string, string>();
  for (const itemName of names) {
    if (itemName.length > MAX_ITEM_NAME_LENGTH || !ITEM_NAME.test(itemName)) {
      problems.push(
        `${name}: item name "${printable(itemName)}" must be 1–64 letters, digits, "_", "-" or ".", ` +
          'with each "." between two other characters (like logo-v2.dark): it names the item\'s folder and its release assets.',
      );
      continue;
    }
    const earlier = seen.get(itemName.toLowerCase());
    if (earlier === itemName) {
      problems.push(`${name}: item name "${itemName}" is used twice; item names must be unique.`);
    } else if (earlier !== undefined) {
      problems.push(
        `${name}: item names "${earlier}" and "${itemName}" differ only in case: on macOS and Windows runners they would share a folder; rename one.`,
      );
    } else {
      seen.set(itemName.toLowerCase(), itemName);
    }
  }
  return problems;
}

/** `inputs-file (renders.yml)`: how errors name a file input. */
function fileLabel(name: string, file: string, workspace: string): string {
  return `${name} (${path.relative(workspace, file) || file})`;
}

function readInputFile(name: string, file: string, workspace: string): string {
  const shown = path.relative(workspace, file) || file;
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${name}: cannot read ${shown}${code === 'ENOENT' ? ' (no such file; the path is relative to the workspace)' : ` (${code ?? errorMessage(error)})`}.`,
    );
  }
}
