/**
 * The jobs a step saw listed before a submission are not that submission's:
 * `SeenJobs.seenWith` finds them by their inputs' key, indexing each job once
 * however many submissions ask.
 */
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/armox/types.js';
import { SeenJobs } from '../../src/core/run-context.js';

const job = (id: string, prompt: string): Job => ({ id, status: 'completed', input_data: { inputs: { prompt } } });
const promptOf = (listed: Job) => listed.input_data?.inputs?.prompt as string;

describe('SeenJobs.seenWith', () => {
  it('finds the jobs with the key that were listed by the time asked, including lists that came after the index was made', () => {
    const seen = new SeenJobs();
    const keyed: string[] = [];
    const keyOf = (listed: Job) => {
      keyed.push(listed.id);
      const prompt = promptOf(listed);
      return prompt === 'other app' ? undefined : prompt;
    };
    seen.saw([job('a', 'cat'), job('b', 'dog'), job('c', 'other app')], 1_000);
    expect(seen.seenWith(keyOf, 'cat', 1_000)).toEqual(['a']);
    // Listed later, and listed again (a job is first seen once).
    seen.saw([job('d', 'cat'), job('a', 'cat')], 2_000);
    expect(seen.seenWith(keyOf, 'cat', 1_500)).toEqual(['a']);
    expect(seen.seenWith(keyOf, 'cat', 2_000)).toEqual(['a', 'd']);
    expect(seen.seenWith(keyOf, 'dog', 5_000)).toEqual(['b']);
    expect(seen.seenWith(keyOf, 'other app', 5_000)).toEqual([]);
    // Each job was keyed once, however many times the index was asked.
    expect(keyed).toEqual(['a', 'b', 'c', 'd']);
  });

  it('keeps one index per key function', () => {
    const seen = new SeenJobs();
    seen.saw([job('a', 'cat'), job('b', 'dog')], 1_000);
    const byPrompt = promptOf;
    const byId = (listed: Job) => listed.id;
    expect(seen.seenWith(byPrompt, 'dog', 1_000)).toEqual(['b']);
    expect(seen.seenWith(byId, 'a', 1_000)).toEqual(['a']);
  });
});
