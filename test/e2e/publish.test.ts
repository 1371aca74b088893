/**
 * What a user or a reviewer needs before trusting a published run, end to end
 * through dist/index.js (run `npm run build` first): batch item names Windows
 * cannot create are refused before paying, problems in `batch-file` become
 * annotations on the file's line, and the `checksums` file matches `sha256sum`.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction } from '../../scripts/action-runner.js';

const BANNER = {
  id: 'banner-app',
  name: 'Banner',
  cost: 25,
  inputs: [{ id: 'in-prompt', type: 'text' as const, label: 'Prompt', required: true, targetHandle: 'prompt' }],
  outputs: [{ nodeId: 'n1', key: 'outputImage', file: { name: 'banner.png', size: 2_000, contentType: 'image/png' } }],
};

let emu: ArmoxEmulator;
beforeEach(async () => {
  emu = await startEmulator();
  emu.apps.push(structuredClone(BANNER));
});
afterEach(async () => {
  await emu.close();
});

function run(inputs: Record<string, string>, workspace?: string) {
  return runBundledAction({
    inputs: { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, 'poll-interval': '50ms', 'app-name': 'Banner', ...inputs },
    workspace,
  });
}

function workspaceWith(files: Record<string, string>): string {
  const workspace = mkdtempSync(path.join(tmpdir(), 'armox-ws-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(workspace, name), text);
  return workspace;
}

describe('batch item names Windows reserves', () => {
  it('refuses CON, nul, Aux.png, com1 and LPT9.txt before paying, naming each', async () => {
    const names = ['CON', 'nul', 'Aux.png', 'com1', 'LPT9.txt'];
    const batch = names.map((name) => `${name}:\n  Prompt: x\n`).join('') + 'fine:\n  Prompt: y\n';
    const result = await run({ batch });
    expect(result.code).toBe(1);
    for (const name of names) expect(result.stdout).toContain(`item name "${name}" is a device name Windows reserves`);
    expect(result.stdout).not.toContain('item name "fine"');
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
    expect(result.outputs['job-ids']).toBe('[]');
  });

  it('lets names that only start like a device name through (CONSOLE, com10, lpt)', async () => {
    const result = await run({ batch: 'CONSOLE:\n  Prompt: x\ncom10:\n  Prompt: y\nlpt:\n  Prompt: z\n' });
    expect(result.stdout).not.toContain('Windows reserves');
    expect(result.code).toBe(0);
    expect(emu.requestCount('POST', '/apps/run')).toBe(3);
  });
});

describe('annotations for problems in batch-file and inputs-file', () => {
  it("points at the bad item's line in batch-file", async () => {
    const workspace = workspaceWith({ 'renders.yml': '# renders\nhall:\n  Prompt: x\nNUL:\n  Prompt: y\n' });
    const result = await run({ 'batch-file': 'renders.yml' }, workspace);
    expect(result.code).toBe(1);
    const annotation = result.stdout.split('\n').find((line) => line.startsWith('::error ') && line.includes('NUL'));
    expect(annotation).toBeDefined();
    expect(annotation).toMatch(
      /^::error title=Armox action input,file=renders\.yml,line=4::batch-file \(renders\.yml\): item name "NUL"/,
    );
    expect(emu.requestCount('POST', '/apps/run')).toBe(0);
  });

  it('points at the line of a YAML syntax error in batch-file, and of a bad line of a .jsonl file', async () => {
    const workspace = workspaceWith({
      'broken.yml': 'hall:\n  Prompt: x\nstairs:\n  Prompt: [unclosed\n',
      'items.jsonl': '{"Prompt": "a"}\n\n{"Prompt": \n',
    });
    const yaml = await run({ 'batch-file': 'broken.yml' }, workspace);
    expect(yaml.code).toBe(1);
    expect(yaml.stdout).toMatch(/^::error title=Armox action input,file=broken\.yml,line=\d+::/m);
    const jsonl = await run({ 'batch-file': 'items.jsonl' }, workspace);
    expect(jsonl.code).toBe(1);
    expect(jsonl.stdout).toMatch(/^::error title=Armox action input,file=items\.jsonl,line=3::/m);
  });

  it('points at the line of a key written twice in inputs-file', async () => {
    const workspace = workspaceWith({ 'inputs.yml': 'Prompt: a\n# again\nPrompt: b\n' });
    const result = await run({ 'inputs-file': 'inputs.yml' }, workspace);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^::error title=Armox action input,file=inputs\.yml,line=3::/m);
  });
});

/** coreutils' sha256sum; on Windows (Git's) it marks binary files with `*`, which the file does not need. */
function hasSha256sum(): boolean {
  if (process.platform === 'win32') return false;
  try {
    execFileSync('sha256sum', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('the checksums output', () => {
  async function batchWithFiles() {
    const result = await run({ batch: 'hall:\n  Prompt: x\nstairs:\n  Prompt: y\n', 'download-dir': 'out' });
    expect(result.code).toBe(0);
    const checksums = result.outputs.checksums!;
    expect(path.dirname(checksums)).toBe(path.dirname(result.outputs.manifest!));
    return { result, checksums, files: JSON.parse(result.outputs.files!) as string[] };
  }

  it('lists every downloaded file with its sha256, as the manifest has them', async () => {
    const { result, checksums, files } = await batchWithFiles();
    expect(files).toHaveLength(2);
    const expected = files.map((file) => {
      const digest = createHash('sha256')
        .update(readFileSync(path.join(result.workspace, file)))
        .digest('hex');
      return `${digest}  ${file}\n`;
    });
    expect(readFileSync(checksums, 'utf8')).toBe(expected.join(''));
  });

  it.skipIf(!hasSha256sum())('matches what sha256sum computes, and sha256sum -c accepts it', async () => {
    const { result, checksums, files } = await batchWithFiles();
    const computed = execFileSync('sha256sum', files, { cwd: result.workspace, encoding: 'utf8' });
    expect(readFileSync(checksums, 'utf8')).toBe(computed);
    const checked = execFileSync('sha256sum', ['-c', checksums], { cwd: result.workspace, encoding: 'utf8' });
    expect(checked.trim().split('\n')).toEqual(files.map((file) => `${file}: OK`));
  });

  it('is not set when nothing was downloaded', async () => {
    const result = await run({ inputs: 'Prompt: x' });
    expect(result.code).toBe(0);
    expect(result.outputs.manifest).toBeDefined();
    expect(result.outputs.checksums).toBeUndefined();
  });
});
