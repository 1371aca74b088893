/**
 * `files`, `release-assets`, `output-urls` and `job-ids` are always JSON lists
 * (`[]` when unused), on success, failure and dry run, so `fromJSON` in a later
 * step never fails (issue 17 §8). Spawns dist/index.js (run `npm run build` first).
 */
import { describe, expect, it } from 'vitest';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction } from '../../scripts/action-runner.js';
import type { FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));

const SKETCH = {
  'app-name': 'Sketch to Render',
  inputs: 'Input Images: [https://example.com/a.jpg]\nAspect Ratio: "16:9"',
};
const LISTS = ['files', 'release-assets', 'output-urls', 'job-ids'];

describe('list outputs always parse', () => {
  it.each([
    ['a dry run', { ...SKETCH, 'dry-run': 'true' }, 0],
    ['refused inputs', { 'app-name': 'Sketch to Render', inputs: 'Colour: red' }, 1],
    ['an unknown app', { 'app-name': 'No Such App' }, 1],
    ['a run without download-dir', SKETCH, 0],
    ['a failed job', { ...SKETCH, 'download-dir': 'out' }, 1],
  ])('%s', async (name, inputs, code) => {
    if (name === 'a failed job') emu.setJobPlan({ outcome: 'failed', errorMessage: 'provider error' });
    const result = await runBundledAction({
      inputs: { ...connectionInputs({ emu, github }), ...inputs },
      env: { GITHUB_EVENT_NAME: 'push' },
    });
    expect(result.code).toBe(code);
    for (const list of LISTS) {
      expect(Array.isArray(JSON.parse(result.outputs[list] ?? 'not set')), list).toBe(true);
    }
  });
});
