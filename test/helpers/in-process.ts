import { ArmoxClient, type ClientOptions } from '../../src/armox/client.js';
import { readConfig } from '../../src/config/config.js';
import { readEventPayload } from '../../src/core/github-event.js';
import { StepRecord } from '../../src/report/record.js';
import { OpenJobs, SeenJobs, type PendingSubmission } from '../../src/core/run-context.js';
import { runPipeline } from '../../src/pipeline.js';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { MemoryLogger } from './memory-logger.js';

export interface InProcessRun {
  outputs: Record<string, string>;
  report: StepRecord;
  log: MemoryLogger;
  /** The jobs the post step would cancel: started and not yet handled. */
  openJobs: string[];
  /** The submissions the post step would look up: sent, and not answered before the step ended. */
  pendingSubmissions: PendingSubmission[];
  error?: Error;
  /** How long the run took. */
  ms: number;
}

/**
 * Runs the action's core in this process against the emulator, with short
 * retry delays so fault tests stay fast. `inputs` are the `with:` values;
 * `client` overrides any client option (request timeout, jitter source);
 * `env` adds runner variables (GITHUB_*).
 */
export async function runInProcess(
  emu: ArmoxEmulator,
  inputs: Record<string, string>,
  options: {
    signal?: AbortSignal;
    client?: Partial<ClientOptions>;
    env?: Record<string, string>;
    /** Sees each change of the open jobs (what the post step would cancel), and the log as it is then. */
    onOpenJobs?: (ids: string[], log: MemoryLogger) => void;
    /** The clock the `timeout` input is measured by (see `stillUntil`); default Date.now. */
    now?: () => number;
  } = {},
): Promise<InProcessRun> {
  const log = new MemoryLogger();
  const written: Record<string, string> = {};
  const report = new StepRecord(Date.now(), (name, value) => (written[name] = value), {
    warn: (message) => log.warning(message),
  });
  let open: string[] = [];
  let pending: PendingSubmission[] = [];
  // What the post step would read: the step state as changed one entry at a time.
  const openJobs = new OpenJobs({
    jobOpened: (id) => {
      open = [...open, id];
      options.onOpenJobs?.(open, log);
    },
    jobHandled: (id) => {
      open = open.filter((openId) => openId !== id);
      options.onOpenJobs?.(open, log);
    },
    submissionSent: (submission) => (pending = [...pending, submission]),
    submissionAnswered: (submission) => (pending = pending.filter((other) => other !== submission)),
  });
  const signal = options.signal ?? new AbortController().signal;
  const all: Record<string, string> = {
    'api-key': emu.apiKey,
    'api-url': emu.apiUrl,
    'poll-interval': '50ms',
    ...inputs,
  };
  const started = Date.now();
  const finish = (error?: Error): InProcessRun => {
    report.flush(); // as main.ts does when the step ends
    return {
      outputs: written,
      report,
      log,
      openJobs: open,
      pendingSubmissions: pending,
      error,
      ms: Date.now() - started,
    };
  };
  try {
    const { config } = readConfig((name) => all[name] ?? '', { GITHUB_WORKSPACE: process.cwd(), ...options.env });
    const client = new ArmoxClient({
      apiUrl: config.apiUrl,
      apiKey: config.apiKey,
      log,
      signal,
      retryBaseMs: 20,
      retryMaxMs: 200,
      ...options.client,
    });
    const event = await readEventPayload(config.github.eventPath, log); // as main.ts does
    const seenJobs = new SeenJobs();
    await runPipeline(config, { client, log, record: report, openJobs, seenJobs, signal, event, now: options.now });
    return finish();
  } catch (error) {
    return finish(error as Error);
  }
}

/**
 * A clock that stands still until `started()` holds, then runs: the step's `timeout` counts from that
 * moment (say, once the job exists), so a short timeout never runs out before it on a loaded machine.
 */
export function stillUntil(started: () => boolean): () => number {
  const origin = Date.now();
  let offset: number | undefined;
  return () => {
    if (offset === undefined && started()) offset = Date.now() - origin;
    return offset === undefined ? origin : Date.now() - offset;
  };
}
