/**
 * The runs' input documents — `inputs`, `inputs-file`, and the batch (`batch`
 * or `batch-file`) — read before anything is sent. Every problem is collected,
 * each naming its input and item, so that one bad item or one bad document
 * does not hide the others' problems.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { errorMessage, InputError, type FileProblem } from '../core/errors.js';
import { Input } from '../config/names.js';
import { printable } from '../core/text.js';
import { isWindowsReservedName } from '../deliver/file-names.js';
import type { InputsSource } from '../kinds/target.js';
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
  /** The problems found in `inputs-file` and `batch-file`, with the file and line they point at. */
  annotations: FileProblem[];
  /** The shared inputs that could not be read: every run includes them, so no run can be checked. */
  unreadable: string[];
}

/** A problem of a batch, and the line of the document it is on when known. */
interface LocatedProblem {
  message: string;
  line?: number;
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
  const annotations: FileProblem[] = [];
  const unreadable: string[] = [];
  const shared: InputsSource[] = [];
  const readShared = (label: string, text: () => string, file?: string) => {
    try {
      shared.push(parseInputsMapping(label, text()));
    } catch (error) {
      problems.push(errorMessage(error));
      unreadable.push(label);
      if (file) annotations.push(annotation(file, workspace, { message: errorMessage(error) }, label));
    }
  };
  if (given.inputsFile) {
    const file = given.inputsFile;
    const label = fileLabel(Input.InputsFile, file, workspace);
    readShared(label, () => readInputFile(Input.InputsFile, file, workspace), file);
  }
  readShared(Input.Inputs, () => given.inputs);

  let items: BatchItem[] | undefined;
  if (given.batchFile !== undefined || given.batch !== undefined) {
    const batch = readBatch(given, workspace);
    items = batch.items;
    problems.push(...batch.problems);
    annotations.push(...batch.annotations);
  }
  return { shared, items, problems, annotations, unreadable };
}

function readBatch(
  given: RunInputsGiven,
  workspace: string,
): { items: BatchItem[]; problems: string[]; annotations: FileProblem[] } {
  if (given.batchFile === undefined) return { ...parseBatch(Input.Batch, given.batch ?? ''), annotations: [] };
  const file = given.batchFile;
  let text: string;
  try {
    text = readInputFile(Input.BatchFile, file, workspace);
  } catch (error) {
    return { items: [], problems: [errorMessage(error)], annotations: [] };
  }
  const label = fileLabel(Input.BatchFile, file, workspace);
  const batch = parseBatch(label, text, /\.jsonl$/i.test(file));
  return { ...batch, annotations: batch.located.map((problem) => annotation(file, workspace, problem, label)) };
}

/** The problem on the file: its line as located, or as the message names it (`at line 3, column 5`). */
function annotation(file: string, workspace: string, problem: LocatedProblem, label: string): FileProblem {
  const after = problem.message.startsWith(label) ? problem.message.slice(label.length) : problem.message;
  // `lines 1 and 3` (a key written twice) points at the repeat.
  const match = /\blines? (\d+)(?: and (\d+))?/.exec(after);
  const named = match?.[2] ?? match?.[1];
  const line = problem.line ?? (named === undefined ? undefined : Number(named));
  const relative = (path.relative(workspace, file) || file).split(path.sep).join('/');
  return { message: problem.message, file: relative, ...(line === undefined ? {} : { line }) };
}

/**
 * Parses `batch` (or a batch file): a list of input mappings (items named 1,
 * 2, …) or a mapping of item name → input mapping, the names as written. JSON
 * Lines (one mapping a line) when `jsonLines`. Every problem is returned: with
 * the document, with each item's inputs, and with the item names.
 */
export function parseBatch(
  name: string,
  text: string,
  jsonLines = false,
): { items: BatchItem[]; problems: string[]; located: LocatedProblem[] } {
  const located: LocatedProblem[] = [];
  const names: ItemName[] = [];
  const items: BatchItem[] = [];
  const add: AddItem = (itemName, read, line) => {
    names.push({ name: itemName, line });
    try {
      items.push({ name: itemName, source: read(`${name}: item "${printable(itemName)}"`) });
    } catch (error) {
      located.push({ message: errorMessage(error), line });
    }
  };
  try {
    if (jsonLines) readJsonLines(name, text, add, located);
    else readBatchDocument(name, text, add, located);
  } catch (error) {
    located.push({ message: errorMessage(error) });
  }
  located.push(...checkItemNames(name, names));
  if (names.length === 0 && located.length === 0)
    located.push({ message: `${name} holds no runs: give at least one item.` });
  return { items, problems: located.map((problem) => problem.message), located };
}

interface ItemName {
  name: string;
  /** The line of the document the item is on, when known. */
  line?: number;
}

type AddItem = (itemName: string, read: (where: string) => InputsSource, line?: number) => void;

function readBatchDocument(name: string, text: string, add: AddItem, problems: LocatedProblem[]): void {
  const { root, problems: keyProblems } = parseYaml({ name }, text);
  problems.push(...keyProblems.map((message) => ({ message })));
  if (root === undefined) return;
  const item = (value: unknown) => (where: string) => sourceFromData(where, value, 'an input mapping');
  if (root.kind === 'list') root.items.forEach((value, index) => add(String(index + 1), item(value)));
  else if (root.kind === 'mapping') for (const entry of root.entries) add(entry.key, item(entry.value), entry.line);
  else throw new InputError(`${name} must be a list of input mappings or a mapping of item name → input mapping.`);
}

/** One mapping a line, items named 1, 2, … (blank lines skipped); a bad line is named by its line. */
function readJsonLines(name: string, text: string, add: AddItem, problems: LocatedProblem[]): void {
  refuseHugeText(name, text);
  let count = 0;
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    count += 1;
    try {
      const { root, problems: keyProblems } = parseYaml({ name, line: index + 1 }, line);
      problems.push(...keyProblems.map((message) => ({ message, line: index + 1 })));
      add(String(count), (where) => inputsSource(where, root, 'an input mapping'), index + 1);
    } catch (error) {
      problems.push({ message: errorMessage(error), line: index + 1 });
    }
  });
}

function checkItemNames(name: string, names: ItemName[]): LocatedProblem[] {
  const located: LocatedProblem[] = [];
  // Lower-cased: macOS and Windows runners ignore case in folder names.
  const seen = new Map<string, string>();
  for (const { name: itemName, line } of names) {
    const problem = (message: string) => located.push({ message, line });
    if (itemName.length > MAX_ITEM_NAME_LENGTH || !ITEM_NAME.test(itemName)) {
      problem(
        `${name}: item name "${printable(itemName)}" must be 1–64 letters, digits, "_", "-" or ".", ` +
          'with each "." between two other characters (like logo-v2.dark): it names the item\'s folder and its release assets.',
      );
      continue;
    }
    if (isWindowsReservedName(itemName)) {
      problem(
        `${name}: item name "${itemName}" is a device name Windows reserves (CON, PRN, AUX, NUL, COM1–COM9, LPT1–LPT9, in any case and with any extension): ` +
          'its folder could not be created on a Windows runner; rename the item.',
      );
      continue;
    }
    const earlier = seen.get(itemName.toLowerCase());
    if (earlier === itemName) {
      problem(`${name}: item name "${itemName}" is used twice; item names must be unique.`);
    } else if (earlier !== undefined) {
      problem(
        `${name}: item names "${earlier}" and "${itemName}" differ only in case: on macOS and Windows runners they would share a folder; rename one.`,
      );
    } else {
      seen.set(itemName.toLowerCase(), itemName);
    }
  }
  return located;
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
