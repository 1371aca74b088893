import { ArmoxClient } from '../../src/api-client.js';
import { readConfig } from '../../src/config.js';
import { MemoryLogger } from '../../src/log.js';
import { newReport, Outputs, type RunReport } from '../../src/report.js';
import { runAction } from '../../src/run.js';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';

export interface InProcessRun {
  outputs: Record<string, string>;
  report: RunReport;
  log: MemoryLogger;
  error?: Error;
}

/**
 * Runs the action's core in this process against the emulator, with short
 * retry delays so fault tests stay fast. `inputs` are the `with:` values.
 */
export async function runInProcess(
  emu: ArmoxEmulator,
  inputs: Record<string, string>,
  options: { signal?: AbortSignal; retryBaseMs?: number } = {},
): Promise<InProcessRun> {
  const log = new MemoryLogger();
  const written: Record<string, string> = {};
  const outputs = new Outputs((name, value) => (written[name] = value));
  const report = newReport(Date.now());
  const signal = options.signal ?? new AbortController().signal;
  const all: Record<string, string> = {
    'api-key': emu.apiKey,
    'api-url': emu.apiUrl,
    'poll-interval': '50ms',
    ...inputs,
  };
  try {
    const { config } = readConfig((name) => all[name] ?? '', { GITHUB_WORKSPACE: process.cwd() });
    const client = new ArmoxClient({
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      version: 'test',
      log,
      signal,
      retryBaseMs: options.retryBaseMs ?? 20,
      retryMaxMs: 200,
    });
    await runAction(config, { client, log, outputs, report, signal });
    return { outputs: written, report, log };
  } catch (error) {
    return { outputs: written, report, log, error: error as Error };
  }
}
