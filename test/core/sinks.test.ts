/**
 * Deliveries are sinks behind one interface (`src/deliver/sink.ts`): a new
 * destination is one module and one registration in `src/deliver/sinks.ts`.
 * These tests register fake sinks the same way, from here alone, and see them
 * called with the runs and with the step, with the delivery guarantees kept.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { readConfig } from '../../src/config/config.js';
import { ActionError } from '../../src/core/errors.js';
import { deliverStep } from '../../src/deliver/deliver-step.js';
import type { RunSink, StepSink } from '../../src/deliver/sink.js';
import { registerRunSink, registerStepSink } from '../../src/deliver/sinks.js';
import { runInProcess } from '../helpers/in-process.js';
import { MemoryLogger } from '../helpers/memory-logger.js';

const UPSCALE = { 'app-name': 'Upscale Image' };

let emu: ArmoxEmulator;
let workspace: string;
const unregister: (() => void)[] = [];
beforeEach(async () => {
  emu = await startEmulator();
  workspace = await mkdtemp(path.join(tmpdir(), 'armox-sinks-'));
});
afterEach(async () => {
  for (const remove of unregister.splice(0)) remove();
  await emu.close();
  await rm(workspace, { recursive: true, force: true });
});

describe('a per-run sink', () => {
  it('is handed each completed run with its files; its failure for one item holds back no other, and says how to deliver again', async () => {
    const saved: string[] = [];
    const delivered: { item?: string; files: string[] }[] = [];
    const fake: RunSink = {
      name: 'fake-place',
      wanted: () => true,
      fileSaved: (run, file) => saved.push(`${run.item}: ${path.basename(file.path)}`),
      async deliver(run) {
        if (run.item === '1') throw new ActionError('the fake place refused it');
        delivered.push({ item: run.item, files: run.files.map((file) => path.basename(file.path)) });
      },
      again: (run) => ({ input: `fake-place: ${run.item}` }),
    };
    unregister.push(registerRunSink(fake));
    const batch = '- Image: https://example.com/1.png\n- Image: https://example.com/2.png';
    const run = await runInProcess(
      emu,
      { ...UPSCALE, batch },
      { env: { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace } },
    );

    expect(saved).toEqual(['1: upscaled.png', '2: upscaled.png']);
    expect(delivered).toEqual([{ item: '2', files: ['upscaled.png'] }]);
    expect(run.error?.message).toBe('The files of 1 item could not be delivered:\n- 1: the fake place refused it');
    const [a, b] = run.report.runs;
    expect(a!.errorMessage).toBe('the fake place refused it');
    expect(b!.errorMessage).toBeUndefined();
    expect(run.report.nextSteps).toContainEqual(
      `The job of item "1" completed and was paid for; to fetch its files again without paying again, run this action with job-id: ${a!.jobId} and fake-place: 1.`,
    );
  });

  it('is left alone when it does not want the step, and then nothing is downloaded', async () => {
    let called = 0;
    unregister.push(
      registerRunSink({
        name: 'unwanted',
        wanted: () => false,
        deliver: async () => void called++,
        again: () => ({ input: 'unwanted: yes' }),
      }),
    );
    const run = await runInProcess(emu, { ...UPSCALE, inputs: 'Image: https://example.com/1.png' });
    expect(run.error).toBeUndefined();
    expect(called).toBe(0);
    expect(emu.requestCount('GET', null, 'storage')).toBe(0);
  });
});

describe('a per-step sink', () => {
  it('is called once with the step after the sinks before it (the manifest), and a failing one holds back none after it', async () => {
    const inputs: Record<string, string> = {
      ...UPSCALE,
      inputs: 'Image: https://example.com/1.png',
      manifest: 'armox.json',
      'download-dir': 'out',
    };
    const env = { GITHUB_WORKSPACE: workspace, RUNNER_TEMP: workspace };
    const run = await runInProcess(emu, inputs, { env });
    expect(run.error).toBeUndefined();
    const all: Record<string, string> = { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, ...inputs };
    const { config } = readConfig((name) => all[name] ?? '', env);

    const seen: { manifestRuns?: number; jobId?: string | null; key: boolean }[] = [];
    const failing: StepSink = {
      name: 'the broken place',
      deliver: async () => {
        throw new Error('disk full');
      },
    };
    const fake: StepSink = {
      name: 'the fake place',
      async deliver(step) {
        const text = JSON.stringify(step.snapshot());
        seen.push({
          manifestRuns: step.manifest?.content.runs.length,
          jobId: step.manifest?.content.runs[0]?.job_id,
          key: text.includes(emu.apiKey),
        });
      },
    };
    unregister.push(registerStepSink(failing), registerStepSink(fake));
    const summaries: string[] = [];
    const log = new MemoryLogger();
    await deliverStep(run.report, {
      config,
      event: undefined,
      log,
      signal: new AbortController().signal,
      secrets: [emu.apiKey],
      writeSummary: async (markdown) => void summaries.push(markdown),
    });

    expect(seen).toEqual([{ manifestRuns: 1, jobId: run.outputs['job-id'], key: false }]);
    expect(summaries).toHaveLength(1);
    expect(log.text).toContain('warning: Could not write the broken place: disk full');
    expect(run.report.manifestPath).toBe(path.join(workspace, 'armox.json'));
  });
});
