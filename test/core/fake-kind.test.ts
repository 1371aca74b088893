/**
 * A third kind of run, registered by this test alone (kinds/registry.ts's
 * registerKind), goes through dry run, submit, wait, delivery and job-id like
 * an app or a model: nothing else in src/ knows of it. Under the hood it runs
 * the emulator's Kling model, which answers 202 and is polled.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODEL_IDS, startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import type { ArmoxClient } from '../../src/armox/client.js';
import type { Job, ModelRunRequest } from '../../src/armox/types.js';
import type { Deadline } from '../../src/core/timing.js';
import type { RunKind } from '../../src/kinds/kind.js';
import { registerKind } from '../../src/kinds/registry.js';
import { BaseTarget } from '../../src/kinds/target-base.js';
import type { JobMatcher, PreparedRequest } from '../../src/kinds/target.js';
import { renderSummary } from '../../src/report/summary.js';
import { runInProcess } from '../helpers/in-process.js';

const echoJobs = (id: string): JobMatcher => ({
  ownsJob: (job) => job.model_id === MODEL_IDS.kling && id === 'waves',
  jobInputs: (job) => job.input_data?.input,
});

/** An "echo" of a word: the word is the prompt of a 5 s video. */
class EchoTarget extends BaseTarget {
  constructor(word: string) {
    const contract = {
      prepare: (sources: Array<{ entries: Array<[string, unknown]> }>) => {
        const entries = sources.flatMap((source) => source.entries);
        const unknown = entries.filter(([key]) => key !== 'loud').map(([key]) => `"${key}" is not an echo's input`);
        if (unknown.length > 0) return { problems: unknown, warnings: [] };
        const input = { prompt: word, duration: entries.some(([, loud]) => loud === true) ? '10' : '5' };
        return { request: { body: { model: MODEL_IDS.kling, input }, inputs: input }, problems: [], warnings: [] };
      },
      isImageInput: () => false,
      table: () => 'An echo takes: loud (true or false)',
      skeleton: () => 'inputs: |\n  loud: false',
    };
    const facts = {
      kind: 'echo',
      id: word,
      name: `Echo of ${word}`,
      title: `echo "${word}"`,
      submitCall: 'POST /models/run',
    };
    super(facts, contract, echoJobs(word));
  }

  describe(): string {
    return `Echo: ${this.id}`;
  }

  submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job> {
    return client.runModel(request.body as unknown as ModelRunRequest, deadline);
  }
}

const echoKind: RunKind = {
  name: 'echo',
  label: 'Echo',
  checking: 'Checking the echo',
  chosenBy: (config) => config.model?.startsWith('echo:') ?? false,
  load: async (config) => new EchoTarget(config.model!.slice('echo:'.length)),
  isKindOf: (job) => job.model_id === MODEL_IDS.kling,
  followed: async (job) => ({ kind: 'echo', id: String(job.input_data?.input?.prompt), title: 'an echo' }),
  jobInputs: (job) => job.input_data?.input,
  matcher: echoJobs,
  rawOutputs: (job) => job.output_data ?? {},
  outputsField: 'output_data',
  outputsByNode: false,
  targetOutputs: (target) => [{ name: 'model', value: `echo:${target.id}` }],
  titleNote: () => 'echo',
};

let emu: ArmoxEmulator;
let unregister: () => void;
let workspace: string;
beforeEach(async () => {
  emu = await startEmulator();
  unregister = registerKind(echoKind);
  workspace = await mkdtemp(path.join(tmpdir(), 'armox-echo-'));
});
afterEach(async () => {
  unregister();
  await emu.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('a fake third kind of run, registered in one place', () => {
  it('dry run: checked against its own contract, nothing sent', async () => {
    const refused = await runInProcess(emu, { model: 'echo:waves', inputs: 'lod: true', 'dry-run': 'true' });
    expect(refused.error?.message).toContain(`"lod" is not an echo's input`);
    const run = await runInProcess(emu, { model: 'echo:waves', inputs: 'loud: true', 'dry-run': 'true' });
    expect(run.error).toBeUndefined();
    expect(run.log.text).toContain('Echo: waves');
    expect(run.log.text).toContain('An echo takes: loud');
    expect(emu.requestCount('POST', '/models/run')).toBe(0);
    expect(emu.requestCount('GET', '/models')).toBe(0);
  });

  it('submits once, waits, delivers its files, and names itself in the outputs and summary', async () => {
    const env = { GITHUB_WORKSPACE: workspace };
    const run = await runInProcess(emu, { model: 'echo:waves', inputs: 'loud: true', 'download-dir': 'out' }, { env });
    expect(run.error).toBeUndefined();
    expect(run.outputs).toMatchObject({ model: 'echo:waves', status: 'completed' });
    expect(emu.requestCount('POST', '/models/run')).toBe(1);
    const body = JSON.parse(emu.findRequests('POST', '/models/run')[0]!.body) as unknown;
    expect(body).toEqual({ model: MODEL_IDS.kling, input: { prompt: 'waves', duration: '10' } });
    expect(emu.requestCount('GET', `/jobs/${run.outputs['job-id']}`)).toBeGreaterThan(0);
    const files = JSON.parse(run.outputs.files!) as string[];
    expect(files).toHaveLength(1);
    expect(existsSync(path.join(workspace, files[0]!))).toBe(true);
    const summary = renderSummary(run.report.snapshot());
    expect(summary).toContain('Armox · Echo of waves (echo): completed');
    expect(summary).toContain('Echo <code>waves</code>');
  });

  it('a job followed by job-id is named by the kind that owns it', async () => {
    const first = await runInProcess(emu, { model: 'echo:waves', wait: 'false' });
    const follow = await runInProcess(emu, { 'job-id': first.outputs['job-id']! });
    expect(follow.error).toBeUndefined();
    expect(follow.outputs.model).toBe('echo:waves');
    expect(follow.report.runs[0]!.inputs).toEqual({ prompt: 'waves', duration: '5' });
  });
});
