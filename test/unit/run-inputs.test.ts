import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBatch, readRunInputs } from '../../src/request/run-inputs.js';

const names = (text: string, jsonLines = false) => parseBatch('batch', text, jsonLines).items.map((item) => item.name);
const problems = (text: string, jsonLines = false) => parseBatch('batch', text, jsonLines).problems;

describe('parseBatch: item names', () => {
  it.each(['.', '..', '...', '.hidden', 'trailing.', 'x..y', 'a b', '../up', 'a/b', 'x'.repeat(65), ''])(
    'refuses the item name %j, saying the allowed form',
    (name) => {
      const found = problems(`${JSON.stringify(name)}:\n  Prompt: x\nok:\n  Prompt: y\n`);
      expect(found).toEqual([
        `batch: item name "${name}" must be 1–64 letters, digits, "_", "-" or ".", with each "." between two other characters (like logo-v2.dark): it names the item's folder and its release assets.`,
      ]);
    },
  );

  it.each(['hero', 'logo-v2.dark', 'v1.2.3', '_x', '-x', 'A_b-C.d', 'x'.repeat(64)])('accepts %j', (name) => {
    expect(problems(`${name}:\n  Prompt: x\n`)).toEqual([]);
  });

  it('refuses names that differ only in case (one folder on macOS and Windows), and repeated names', () => {
    expect(problems('Hero: {Prompt: a}\nhero: {Prompt: b}\nlogo: {Prompt: c}\nlogo: {Prompt: d}')).toEqual([
      'batch: item names "Hero" and "hero" differ only in case: on macOS and Windows runners they would share a folder; rename one.',
      'batch: item name "logo" is used twice; item names must be unique.',
    ]);
  });

  it('names items by their keys as written: YAML would read 001 as 1, 1.50 as 1.5, 1e3 as 1000, .5 as 0.5', () => {
    const text = '001: {Prompt: a}\n1.50: {Prompt: b}\n1e3: {Prompt: c}\n0.5: {Prompt: d}\n';
    expect(names(text)).toEqual(['001', '1.50', '1e3', '0.5']);
    expect(problems(text)).toEqual([]);
    // `.5` keeps its (refused) name rather than becoming 0.5.
    expect(problems('.5: {Prompt: d}')).toEqual([expect.stringContaining('item name ".5" must be')]);
  });

  it('keys 1 and 01 are two items, not a YAML duplicate; a real duplicate names the item', () => {
    expect(names('1: {Prompt: a}\n01: {Prompt: b}')).toEqual(['1', '01']);
    expect(problems('1: {Prompt: a}\n01: {Prompt: b}')).toEqual([]);
    expect(problems('"1": {Prompt: a}\n1: {Prompt: b}')).toEqual([
      'batch: item name "1" is used twice; item names must be unique.',
    ]);
  });

  it('refuses keys that are aliases or null: an item needs a name', () => {
    expect(problems('&k a: {Prompt: x}\n*k : {Prompt: y}')).toEqual([
      "batch has a key that is not a name (an alias): write each key as an input's label or id (in a batch, an item's name).",
    ]);
    expect(problems('~: {Prompt: x}')).toEqual([expect.stringContaining('batch has a key that is not a name (null)')]);
  });

  it('JSON keys are taken as they are', () => {
    expect(names('{"001": {"Prompt": "a"}, "1.50": {"Prompt": "b"}}')).toEqual(['001', '1.50']);
  });
});

describe('parseBatch: every problem at once', () => {
  it('a bad name and an unreadable item are both reported; the readable items are kept (for the contract check)', () => {
    const batch = parseBatch('batch', '"a b":\n  Prompt: x\nlisted:\n  - Prompt\nok:\n  Colour: red\n');
    expect(batch.items.map((item) => item.name)).toEqual(['a b', 'ok']);
    expect(batch.problems).toEqual([
      'batch: item "listed" must be an input mapping, not a list.',
      expect.stringContaining('batch: item name "a b" must be'),
    ]);
  });

  it('a key given twice inside an item names its lines, and the other items are still read', () => {
    const batch = parseBatch('batch', 'a:\n  Prompt: x\n  Prompt: y\nb:\n  Prompt: z\n');
    expect(batch.problems).toEqual([
      'batch gives the key "Prompt" twice in one mapping (lines 2 and 3); give it once.',
    ]);
    expect(batch.items.map((item) => item.name)).toEqual(['a', 'b']);
  });
});

describe('parseBatch: JSON Lines', () => {
  it("names a bad line by the file's line and column, once", () => {
    const found = problems('{"Prompt": "a"}\n{"Prompt": \n', true);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^batch is not valid YAML or JSON at line 2, column 12: /);
    expect(found[0]).not.toMatch(/line 1/);
  });

  it('reports every bad line, and items keep their numbers after a bad line', () => {
    const batch = parseBatch('batch', '{"Prompt": "a"}\n{"Prompt": \n\n["x"]\n{"Prompt": "d"}\n', true);
    expect(batch.problems).toEqual([
      expect.stringMatching(/^batch is not valid YAML or JSON at line 2, column \d+/),
      'batch: item "3" must be an input mapping, not a list.',
    ]);
    expect(batch.items.map((item) => item.name)).toEqual(['1', '4']);
  });
});

describe('readRunInputs', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'armox-run-inputs-'));

  it('a YAML error in the shared inputs does not hide the batch items’ problems', () => {
    const read = readRunInputs({ inputs: 'Style: "flat', batch: '"..":\n  Prompt: x\n' }, workspace);
    expect(read.unreadable).toEqual(['inputs']);
    expect(read.problems).toEqual([
      expect.stringMatching(/^inputs is not valid YAML or JSON at line \d+, column \d+/),
      expect.stringContaining('batch: item name ".." must be'),
    ]);
  });

  it('reads the files, naming each by its path; a missing one is a problem like the others', () => {
    writeFileSync(path.join(workspace, 'shared.yml'), 'Style: ink\n');
    const read = readRunInputs(
      { inputs: '', inputsFile: path.join(workspace, 'shared.yml'), batchFile: path.join(workspace, 'gone.jsonl') },
      workspace,
    );
    expect(read.shared.map((source) => source.name)).toEqual(['inputs-file (shared.yml)', 'inputs']);
    expect(read.shared[0]!.entries).toEqual([['Style', 'ink']]);
    expect(read.problems).toEqual([
      'batch-file: cannot read gone.jsonl (no such file; the path is relative to the workspace).',
    ]);
    expect(read.unreadable).toEqual([]);
  });
});

describe('parseBatch: names Windows reserves', () => {
  it.each(['CON', 'prn', 'Aux', 'NUL.txt', 'com1', 'COM9.png', 'lpt1', 'LPT9'])('refuses %s', (name) => {
    expect(problems(`${name}:\n  Prompt: x\n`)).toEqual([
      expect.stringContaining(`item name "${name}" is a device name Windows reserves`),
    ]);
  });

  it.each(['CONSOLE', 'com10', 'lpt', 'nul-light', 'aux_2'])('lets %s through', (name) => {
    expect(problems(`${name}:\n  Prompt: x\n`)).toEqual([]);
  });
});

describe('readRunInputs: problems in files point at their line', () => {
  it('an item of batch-file by its line, a key written twice in inputs-file by the repeat', () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'armox-lines-'));
    writeFileSync(path.join(workspace, 'batch.yml'), 'ok:\n  Prompt: x\n\nCOM1:\n  Prompt: y\n');
    writeFileSync(path.join(workspace, 'inputs.yml'), 'Style: a\nStyle: b\n');
    const read = readRunInputs(
      {
        inputs: '',
        inputsFile: path.join(workspace, 'inputs.yml'),
        batchFile: path.join(workspace, 'batch.yml'),
      },
      workspace,
    );
    expect(read.annotations.map(({ file, line }) => ({ file, line }))).toEqual([
      { file: 'inputs.yml', line: 2 },
      { file: 'batch.yml', line: 4 },
    ]);
    expect(read.annotations[1]!.message).toContain('item name "COM1"');
  });

  it('the inline batch and inputs have no file to point at', () => {
    const read = readRunInputs({ inputs: 'a: 1\na: 2\n', batch: 'NUL:\n  Prompt: x\n' }, tmpdir());
    expect(read.problems).toHaveLength(2);
    expect(read.annotations).toEqual([]);
  });
});
