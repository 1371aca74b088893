/**
 * Outside text never becomes a workflow command (issue 17 §2): whichever field
 * carries it (app or model name, description, input label, error_message, text
 * output, file name, a GitHub error body), no stdout line of the spawned action
 * acts as a command the runner would execute. Spawns dist/index.js (run
 * `npm run build` first).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));
const REPOSITORY = 'octo/site';

/** Text holding every form of command a line can start: `::` after blanks, legacy `##[`, after `\n`, `\r` and U+2028. */
function hostile(field: string): string {
  return (
    `::warning title=HOSTILE-${field}::pwned\n  ::add-mask::Job\r##[error]HOSTILE-${field} legacy` +
    `\u2028\u00a0::notice title=HOSTILE-${field}::ls`
  );
}

/**
 * The command lines the runner would execute, read as it reads stdout: lines
 * split at `\n` or `\r`, `::` after leading white space or `##[` anywhere,
 * nothing between `::stop-commands::<token>` and `::<token>::`.
 */
function liveCommands(stdout: string): string[] {
  const found: string[] = [];
  let stopToken: string | undefined;
  for (const line of stdout.split(/\r\n|\n|\r/)) {
    const trimmed = line.replace(/^[\s\u0085]+/, '');
    if (stopToken !== undefined) {
      if (trimmed === `::${stopToken}::`) stopToken = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.+)$/.exec(trimmed);
    if (stop) stopToken = stop[1];
    else if (trimmed.startsWith('::') || line.includes('##[')) found.push(trimmed.startsWith('::') ? trimmed : line);
  }
  return found;
}

/** Commands the outside text started: a header (`::name props::`) from it, a mask it asked for, any legacy form. */
function injected(run: ActionRun, secrets: string[]): string[] {
  return liveCommands(run.stdout).filter((line) => {
    const header = /^::([^:]*)::/.exec(line)?.[1] ?? '';
    // The runner reads a line as a legacy command only when it is not a `::` one.
    if ((!line.startsWith('::') && line.includes('##[')) || header.includes('HOSTILE')) return true;
    return header === 'add-mask' && !secrets.includes(line.slice('::add-mask::'.length));
  });
}

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...inputs },
    env: { GITHUB_API_URL: github.url, GITHUB_REPOSITORY: REPOSITORY, GITHUB_EVENT_NAME: 'push', ...env },
  });
}

function expectInert(result: ActionRun): void {
  // The hostile text did reach the log (or a command's data): the check below is not vacuous.
  expect(result.stdout).toContain('HOSTILE-');
  expect(injected(result, [emu.apiKey, github.token])).toEqual([]);
}

function pushApp(fields: { name?: string; label?: string; text?: string; file?: string; description?: string }) {
  emu.apps.push({
    id: 'hostile-app',
    name: fields.name ?? 'Plain',
    description: fields.description ?? 'plain',
    inputs: [{ id: 'in-1', type: 'text', label: fields.label ?? 'Prompt', required: true, targetHandle: 'prompt' }],
    cost: 3,
    outputs: [
      { nodeId: 'n1', key: 'outputImage', file: { name: fields.file ?? 'a.png', size: 100, contentType: 'image/png' } },
      { nodeId: 'n2', key: 'outputText', text: fields.text ?? 'plain text' },
    ],
  });
}

describe('outside text in the log is inert', () => {
  it('an app name and description', async () => {
    pushApp({ name: hostile('appname'), description: hostile('description') });
    const result = await run({ 'app-id': 'hostile-app', inputs: 'in-1: hi', 'show-contract': 'true' });
    expectInert(result);
  });

  it('an input label, shown when an input is missing and with the contract', async () => {
    pushApp({ label: hostile('label') });
    const result = await run({ 'app-id': 'hostile-app', inputs: 'Colour: red' });
    expect(result.code).toBe(1);
    expectInert(result);
  });

  it('a model name and its text output', async () => {
    emu.models.push({
      id: 'evil/model',
      name: hostile('modelname'),
      modality: 'text',
      cost: 2,
      inputTypes: ['text'],
      promptRequired: true,
      outputType: 'text',
      settings: [],
      mode: 'sync',
      outputs: [{ key: 'outputText', text: hostile('textoutput') }],
    });
    const result = await run({ model: 'evil/model', inputs: 'prompt: hi' });
    expect(result.code).toBe(0);
    expectInert(result);
  });

  it("a batch item's error_message, which error-message keeps on one line per item", async () => {
    pushApp({});
    emu.apps.at(-1)!.plan = { outcome: 'failed', errorMessage: hostile('error') };
    const result = await run({ 'app-id': 'hostile-app', batch: 'a:\n  in-1: x\nb:\n  in-1: y\n' });
    expect(result.code).toBe(1);
    expectInert(result);
    const lines = result.outputs['error-message']!.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^a: /);
    expect(lines[1]).toMatch(/^b: /);
  });

  it('a file name and a text output of a completed app run', async () => {
    pushApp({ file: `${hostile('file')}.png`, text: hostile('apptext') });
    const result = await run({ 'app-id': 'hostile-app', inputs: 'in-1: hi', 'download-dir': 'out' });
    expect(result.code).toBe(0);
    expect(injected(result, [emu.apiKey, github.token])).toEqual([]);
  });

  it('a GitHub error body, when a release upload fails', async () => {
    pushApp({});
    const release = github.seedRelease(REPOSITORY, 'v1');
    const event = path.join(mkdtempSync(path.join(tmpdir(), 'armox-event-')), 'event.json');
    writeFileSync(event, JSON.stringify({ action: 'published', release: github.releaseJson(release) }));
    github.fault({ on: 'upload', kind: 'status', status: 422, message: hostile('github'), times: Infinity });
    const result = await run(
      { 'app-id': 'hostile-app', inputs: 'in-1: hi', 'upload-to-release': 'true' },
      { GITHUB_EVENT_NAME: 'release', GITHUB_EVENT_PATH: event },
    );
    expect(result.code).toBe(1);
    expectInert(result);
  });
});
