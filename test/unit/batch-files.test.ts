/**
 * What a 1000-item batch (max-concurrency 100) writes to GITHUB_OUTPUT and
 * GITHUB_STATE: both files only grow (a later value of a name is a new entry),
 * so they must stay linear in the batch whatever its wall time.
 */
import { describe, expect, it } from 'vitest';
import { OpenJobs } from '../../src/core/run-context.js';
import { PostStateWriter, readPostState, type PendingSubmission } from '../../src/core/post-state.js';
import { StepRecord } from '../../src/report/record.js';

/** A runner file command (GITHUB_OUTPUT, GITHUB_STATE): every entry as @actions/core appends it. */
class FileCommand {
  bytes = 0;
  readonly last = new Map<string, string>();
  readonly append = (name: string, value: string) => {
    this.bytes += entryBytes(name, value);
    this.last.set(name, value);
  };
  /** The file if each name were written once, with its final value. */
  get finalBytes(): number {
    return [...this.last].reduce((sum, [name, value]) => sum + entryBytes(name, value), 0);
  }
}

/** `name<<ghadelimiter_<uuid>\nvalue\nghadelimiter_<uuid>\n`. */
function entryBytes(name: string, value: string): number {
  const delimiter = 'ghadelimiter_00000000-0000-4000-8000-000000000000';
  return Buffer.byteLength(`${name}<<${delimiter}\n${value}\n${delimiter}\n`);
}

const ITEMS = 1000;
const CONCURRENCY = 100;

function submission(item: string): PendingSubmission {
  const target = { kind: 'app' as const, id: '7f3c2a10-0000-4000-8000-000000000001' };
  return { item, what: `item "${item}"`, target, inputs: 'a'.repeat(64), sentAt: 0, known: [] };
}

/** A batch carried out as the executor does: 100 submitted, accepted and polled at a time, then delivered. */
function runBatch(output: FileCommand, state: FileCommand, atFirstAcceptance: () => void) {
  const record = new StepRecord(0, output.append, { perItem: true });
  record.targetKnown({ kind: 'app', id: 'app-1', name: 'Banner', title: 'app "Banner"' });
  const open = new OpenJobs(new PostStateWriter(state.append));
  const runs = Array.from({ length: ITEMS }, (_, i) => record.addRun(`item-${i + 1}`));
  for (let start = 0; start < ITEMS; start += CONCURRENCY) {
    const wave = runs.slice(start, start + CONCURRENCY);
    for (const run of wave) {
      const jobId = `00000000-0000-4000-8000-${run.name.padStart(12, '0')}`;
      const sent = submission(run.name);
      open.sending(sent);
      open.answered(sent, jobId);
      run.notReused();
      run.accepted({ id: jobId, status: 'pending', credits_charged: 0 }, 1);
      if (start === 0 && run === wave[0]) atFirstAcceptance();
    }
    for (let poll = 0; poll < 20; poll++)
      for (const run of wave) run.jobUpdated({ id: run.jobId!, status: 'processing' });
    for (const run of wave) {
      const url = `https://armox-storage.s3.us-west-2.amazonaws.com/public/${run.jobId}/poster.png`;
      const item = { nodeId: 'n1', key: 'outputImage', kind: 'image' as const, value: url };
      run.finished({ id: run.jobId!, status: 'completed', credits_charged: 25 }, [item], { n1: { url } }, 2);
      open.handled(run.jobId!);
    }
  }
  for (const run of runs) {
    run.expectFiles();
    run.fileSaved({ url: run.fileUrls[0]!, path: `out/${run.name}/poster.png`, bytes: 1, sha256: 'f'.repeat(64) });
  }
  record.flush();
  return { record, open };
}

describe('a batch of 1000 items, max-concurrency 100', () => {
  it('GITHUB_OUTPUT stays within 3× its final values, all outputs together under 1 MB; job-ids set at the first acceptance', () => {
    const output = new FileCommand();
    let jobIdsAtFirstAcceptance: string | undefined;
    runBatch(output, new FileCommand(), () => (jobIdsAtFirstAcceptance = output.last.get('job-ids')));
    expect(JSON.parse(jobIdsAtFirstAcceptance!)).toHaveLength(1);
    expect(JSON.parse(output.last.get('job-ids')!)).toHaveLength(ITEMS);
    expect(JSON.parse(output.last.get('results')!)).toHaveLength(ITEMS);
    expect(JSON.parse(output.last.get('files')!)).toHaveLength(ITEMS);
    const utf16 = [...output.last].reduce((sum, [name, value]) => sum + 2 * (name.length + value.length), 0);
    expect(utf16).toBeLessThanOrEqual(1_000_000);
    expect(output.bytes).toBeLessThanOrEqual(3 * output.finalBytes);
  });

  it('GITHUB_STATE grows with the batch, not with the batch times its concurrency; the post step reads what is open', () => {
    const state = new FileCommand();
    let openMidway: string[] = [];
    const { open } = runBatch(new FileCommand(), state, () => {
      openMidway = readPostState(stateEnv(state)).openJobs;
    });
    expect(openMidway).toHaveLength(1);
    expect(open.size).toBe(0);
    expect(readPostState(stateEnv(state))).toMatchObject({ openJobs: [], pendingSubmissions: [] });
    // Each job and each submission: one entry when it starts, one when it is done with (about 0.7 KB an item).
    expect(state.bytes / ITEMS).toBeLessThan(1_000);
    expect(state.bytes).toBeLessThanOrEqual(3 * state.finalBytes);
  });

  it('a submission entry leaves out what the step shares, and the post step reads it back whole', () => {
    const state = new FileCommand();
    const writer = new PostStateWriter(state.append);
    const plain = submission('a');
    const known = { ...submission('b'), known: ['job-9'] };
    const elsewhere = { ...submission('c'), target: { kind: 'model', id: 'flux-dev' } };
    for (const sent of [plain, known, elsewhere]) writer.submissionSent(sent);
    expect(readPostState(stateEnv(state)).pendingSubmissions).toEqual([plain, known, elsewhere]);
    const written = [...state.last.values()].filter((value) => value.includes('"item"'));
    expect(written[0]).not.toContain(plain.target.id);
    expect(written[0]).not.toContain('known');
    expect(written[2]).toContain('flux-dev');
    writer.submissionAnswered(known);
    expect(readPostState(stateEnv(state)).pendingSubmissions).toEqual([plain, elsewhere]);
  });
});

function stateEnv(state: FileCommand): Record<string, string> {
  return Object.fromEntries([...state.last].map(([name, value]) => [`STATE_${name}`, value]));
}
