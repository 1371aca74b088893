// @ts-check
/**
 * Runs the bundled action (`dist/index.js`) the way the GitHub runner does:
 * each input as an INPUT_* variable (action.yml defaults included), the
 * GITHUB_* files in a scratch folder, the workspace as the working directory.
 * Used by the end-to-end tests, the demo and the benchmark.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ENTRY = path.join(ROOT, 'dist/index.js');
/** The node that runs the action: ARMOX_TEST_NODE when set (Node 24, as action.yml declares), else this one. */
const NODE = process.env.ARMOX_TEST_NODE || process.execPath;

/** action.yml's defaults, which the runner passes as INPUT_* like any `with:` value. */
function actionDefaults() {
  /** @type {{ inputs: Record<string, { default?: string }> }} */
  const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8'));
  /** @type {Record<string, string>} */
  const defaults = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    // The runner expands expressions in defaults; here `${{ github.token }}` is simply absent.
    if (spec.default !== undefined) defaults[name] = String(spec.default).replace(/\$\{\{[^}]*\}\}/g, '');
  }
  return defaults;
}

/**
 * @typedef {object} ActionRun
 * @property {number | null} code
 * @property {NodeJS.Signals | null} signal
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs every output the step set (the last value of each name)
 * @property {Array<[string, string]>} outputHistory every line written to GITHUB_OUTPUT, in order
 * @property {Record<string, string>} state what the step saved for its post step (GITHUB_STATE)
 * @property {string} summary what the step wrote to GITHUB_STEP_SUMMARY
 * @property {number} outputFileBytes the size of GITHUB_OUTPUT when the step ended
 * @property {number} stateFileBytes the size of GITHUB_STATE when the step ended
 * @property {string} workspace
 * @property {number} durationMs
 */

/**
 * @typedef {object} StartOptions
 * @property {Record<string, string>} inputs the `with:` block
 * @property {Record<string, string | undefined>} [env] extra environment
 * @property {string} [workspace] defaults to a new temporary folder
 * @property {number} [killAfterMs] safety net: SIGKILL after this long (default 60 s)
 * @property {(chunk: string) => void} [onStdout] live log, for the demo
 * @property {Record<string, string>} [state] the main step's saved state: runs the post step, as the runner does (STATE_<name>)
 */

/**
 * @param {StartOptions} options
 * @returns {{ child: import('node:child_process').ChildProcess, done: Promise<ActionRun> }}
 */
export function startAction(options) {
  const workspace = options.workspace ?? mkdtempSync(path.join(tmpdir(), 'armox-ws-'));
  const runnerTemp = mkdtempSync(path.join(tmpdir(), 'armox-runner-'));
  const files = {
    GITHUB_OUTPUT: path.join(runnerTemp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerTemp, 'summary'),
    GITHUB_STATE: path.join(runnerTemp, 'state'),
    GITHUB_ENV: path.join(runnerTemp, 'env'),
  };
  for (const file of Object.values(files)) writeFileSync(file, '');
  /** @type {Record<string, string | undefined>} */
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    ...files,
  };
  for (const [name, value] of Object.entries({ ...actionDefaults(), ...options.inputs })) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  for (const [name, value] of Object.entries(options.state ?? {})) env[`STATE_${name}`] = value;
  Object.assign(env, options.env);
  const started = Date.now();
  const child = spawn(NODE, [ENTRY], {
    cwd: workspace,
    env: /** @type {NodeJS.ProcessEnv} */ (env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (/** @type {Buffer} */ chunk) => {
    stdout += chunk.toString();
    options.onStdout?.(chunk.toString());
  });
  child.stderr.on('data', (/** @type {Buffer} */ chunk) => (stderr += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), options.killAfterMs ?? 60_000);
  /** @type {Promise<ActionRun>} */
  const done = new Promise((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      const outputHistory = parseOutputFile(readFileSync(files.GITHUB_OUTPUT, 'utf8'));
      resolve({
        code,
        signal,
        stdout,
        stderr,
        outputs: Object.fromEntries(outputHistory),
        outputHistory,
        state: Object.fromEntries(parseOutputFile(readFileSync(files.GITHUB_STATE, 'utf8'))),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        outputFileBytes: statSync(files.GITHUB_OUTPUT).size,
        stateFileBytes: statSync(files.GITHUB_STATE).size,
        workspace,
        durationMs: Date.now() - started,
      });
    });
  });
  return { child, done };
}

/**
 * @param {StartOptions} options
 * @returns {Promise<ActionRun>}
 */
export function runBundledAction(options) {
  return startAction(options).done;
}

/**
 * Reads the `name<<DELIMITER … DELIMITER` blocks that @actions/core writes.
 * @param {string} text
 * @returns {Array<[string, string]>}
 */
export function parseOutputFile(text) {
  /** @type {Array<[string, string]>} */
  const entries = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i] ?? '');
    if (!match) continue;
    const [, name, delimiter] = match;
    /** @type {string[]} */
    const value = [];
    for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] ?? '');
    entries.push([name ?? '', value.join('\n')]);
  }
  return entries;
}
