import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/armox/types.js';
import { describeWindow, findReusableJob, parseReuse } from '../../src/request/reuse.js';
import type { PreparedRequest, RunTarget } from '../../src/kinds/target.js';

describe('parseReuse', () => {
  it.each([
    ['', { mode: 'rerun' }],
    ['rerun', { mode: 'rerun' }],
    [' ReRun ', { mode: 'rerun' }],
    ['false', { mode: 'off' }],
    ['FALSE', { mode: 'off' }],
    ['30m', { mode: 'max-age', maxAgeMs: 1_800_000 }],
    ['12h', { mode: 'max-age', maxAgeMs: 43_200_000 }],
    ['7d', { mode: 'max-age', maxAgeMs: 604_800_000 }],
    ['1d12h', { mode: 'max-age', maxAgeMs: 129_600_000 }],
    ['90s', { mode: 'max-age', maxAgeMs: 90_000 }],
    ['1h30m', { mode: 'max-age', maxAgeMs: 5_400_000 }],
  ])('reads %j', (text, policy) => {
    expect(parseReuse(text)).toEqual(policy);
  });

  it.each(['true', 'yes', '0s', '0d', '900', '1d90', '7 days', '-5m', '1.5d', 'd', 'never'])('refuses %j', (text) => {
    const problem = parseReuse(text);
    expect(typeof problem).toBe('string');
    expect(problem).toMatch(/^reuse: /);
    expect(problem).toContain('rerun');
    expect(problem).toContain('7d');
  });
});

describe('describeWindow', () => {
  it('names the age or the workflow run', () => {
    const since = Date.parse('2026-11-28T10:00:00Z');
    expect(describeWindow({ mode: 'max-age', maxAgeMs: 1_800_000 }, since)).toContain('at most 30m old');
    // As reuse takes it: days, not 168h.
    for (const age of ['7d', '1d12h', '12h', '1d30m'] as const) {
      const policy = parseReuse(age) as { mode: 'max-age'; maxAgeMs: number };
      expect(describeWindow(policy, since)).toContain(`at most ${age} old`);
    }
    expect(describeWindow({ mode: 'rerun' }, since)).toContain(
      'since this workflow run began (2026-11-28T10:00:00.000Z)',
    );
  });
});

/** An app target, enough for matching: owns jobs by app_id, reads `input_data.inputs`. */
function appTarget(id: string): RunTarget {
  const unused = () => {
    throw new Error('not used by matching');
  };
  return {
    kind: 'app',
    id,
    name: 'Sketch to Render',
    title: 'app "Sketch to Render"',
    submitCall: 'POST /apps/run',
    info: unused,
    describe: unused,
    prepare: unused,
    isImageInput: unused,
    contractTable: unused,
    inputsSkeleton: unused,
    submit: unused,
    ownsJob: (job) => job.app_id === id,
    jobInputs: (job) => job.input_data?.inputs,
  };
}

const inputs = { prompt: 'a red chair', images: ['https://x.test/a.png', 'https://x.test/b.png'] };
const request: PreparedRequest = { body: { app_id: 'app_1', inputs }, inputs };

function job(id: string, overrides: Partial<Job> = {}): Job {
  return {
    id,
    status: 'completed',
    run_type: 'app',
    app_id: 'app_1',
    created_at: '2026-11-28T10:05:00Z',
    input_data: { app_id: 'app_1', inputs: { images: [...inputs.images], prompt: inputs.prompt } },
    ...overrides,
  };
}

describe('findReusableJob', () => {
  const target = appTarget('app_1');
  const since = Date.parse('2026-11-28T10:00:00Z');
  const find = (jobs: Job[]) => findReusableJob(jobs, target, request, since).map((j) => j.id);

  it('finds a completed job of the same app with the same inputs (keys in any order)', () => {
    expect(find([job('j1')])).toEqual(['j1']);
  });

  it('puts the most recent first', () => {
    const jobs = [
      job('old', { created_at: '2026-11-28T10:01:00Z' }),
      job('new', { created_at: '2026-11-28T10:09:00Z' }),
      job('mid', { created_at: '2026-11-28T10:04:00.500+00:00' }),
    ];
    expect(find(jobs)).toEqual(['new', 'mid', 'old']);
  });

  it.each(['failed', 'cancelled', 'processing', 'pending'])('never a %s job', (status) => {
    expect(find([job('j1', { status })])).toEqual([]);
  });

  it('never a job of another app', () => {
    expect(find([job('j1', { app_id: 'app_2', input_data: { app_id: 'app_2', inputs } })])).toEqual([]);
  });

  it.each([
    ['one value differs', { prompt: 'a blue chair', images: inputs.images }],
    ['list order differs', { prompt: inputs.prompt, images: [...inputs.images].reverse() }],
    ['a key is missing', { prompt: inputs.prompt }],
    ['a key is added', { ...inputs, seed: '1' }],
    ['a list where a string was sent', { prompt: [inputs.prompt], images: inputs.images }],
  ])('never when %s', (_, sent) => {
    expect(find([job('j1', { input_data: { app_id: 'app_1', inputs: sent } })])).toEqual([]);
  });

  it('never a job without inputs', () => {
    expect(find([job('j1', { input_data: null })])).toEqual([]);
  });

  it('never a job created before the window, or at an unknown time', () => {
    expect(find([job('early', { created_at: '2026-11-28T09:59:59.999Z' })])).toEqual([]);
    expect(find([job('unknown', { created_at: undefined })])).toEqual([]);
    expect(find([job('garbled', { created_at: 'yesterday' })])).toEqual([]);
  });

  it('takes a job created exactly at the start of the window', () => {
    expect(find([job('edge', { created_at: '2026-11-28T10:00:00Z' })])).toEqual(['edge']);
  });
});
