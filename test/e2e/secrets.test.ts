/**
 * Secrets stay secret (issue 17 §3), through dist/index.js (run `npm run build`
 * first): `webhook-url` is masked and shown nowhere (log, outputs, summary,
 * manifest, PR comment), yet sent to Armox; the 401 hint keeps the key's
 * non-secret kind (`sk_live_…`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));

const HOOK_TOKEN = 'whk_7Tq2Zp9Lx4Rm';
const WEBHOOK = `https://hooks.example.com/armox?token=${HOOK_TOKEN}`;
const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/a.jpg]\nAspect Ratio: "16:9"',
};

function run(inputs: Record<string, string>): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...inputs },
    env: { GITHUB_EVENT_NAME: 'push', GITHUB_ACTION: 'hook' },
  });
}

/** Everything the step showed or left, but the line that masks the URL. */
function shown(result: ActionRun): string {
  const manifest = result.outputs.manifest;
  return [
    ...result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::')),
    result.stderr,
    result.summary,
    JSON.stringify(result.outputHistory),
    manifest && existsSync(manifest) ? readFileSync(manifest, 'utf8') : '',
  ].join('\n');
}

describe('webhook-url', () => {
  it.each([
    ['a dry run', { 'dry-run': 'true' }],
    ['a run', {}],
  ])('is masked and shown nowhere in %s', async (_, more) => {
    const result = await run({ ...SKETCH, 'webhook-url': WEBHOOK, ...more });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`::add-mask::${WEBHOOK}\n`);
    expect(shown(result)).not.toContain(HOOK_TOKEN);
  });

  it('still reaches Armox with the submission', async () => {
    const result = await run({ ...SKETCH, 'webhook-url': WEBHOOK });
    expect(result.code).toBe(0);
    const [submit] = emu.findRequests('POST', '/apps/run');
    expect((JSON.parse(submit!.body) as { webhook_url: string }).webhook_url).toBe(WEBHOOK);
  });
});

describe('the 401 hint', () => {
  it("shows the key's kind (sk_live_…), not a redaction mark", async () => {
    const result = await run({ ...SKETCH, 'api-key': 'sk_live_wrongKey12345' });
    expect(result.code).toBe(1);
    const error = result.stdout.split('\n').find((line) => line.startsWith('::error::'))!;
    expect(error).toContain('(sk_live_…)');
    expect(error).not.toContain('***…');
    expect(error).not.toContain('wrongKey');
  });
});
