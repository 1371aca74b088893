import { ArmoxClient, type ClientOptions } from '../../src/api-client.js';
import { readConfig } from '../../src/config.js';
import { MemoryLogger } from './memory-logger.js';
import { newReport, Outputs, type RunReport } from '../../src/report.js';
import { runAction } from '../../src/run.js';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';

export interface InProcessRun {
  outputs: Record<string, string>;
  report: RunReport;
  log: MemoryLogger;
  error?: Error;
  /** How long the run took. */
  ms: number;
}

/**
 * Runs the action's core in this process against the emulator, with short
 * retry delays so fault tests stay fast. `inputs` are the `with:` values;
 * `client` overrides any client option (request timeout, jitter source).
 */
export async function runInProcess(
  emu: ArmoxEmulator,
  inputs: Record<string, string>,
  options: { signal?: AbortSignal; client?: Partial<ClientOptions> } = {},
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
  const started = Date.now();
  const finish = (error?: Error): InProcessRun => ({ outputs: written, report, log, error, ms: Date.now() - started });
  try {
    const { config } = readConfig((name) => all[name] ?? '', { GITHUB_WORKSPACE: process.cwd() });
    const client = new ArmoxClient({
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      version: 'test',
      log,
      signal,
      retryBaseMs: 20,
      retryMaxMs: 200,
      ...options.client,
    });
    await runAction(config, { client, log, outputs, report, signal });
    return finish();
  } catch (error) {
    return finish(error as Error);
  }
}
