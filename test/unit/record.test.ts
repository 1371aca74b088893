import { describe, expect, it } from 'vitest';
import { StepRecord } from '../../src/report/record.js';

const URL_A = 'https://s3.example/p/poster.png';
const URL_B = 'https://s3.example/p/teaser.mp4';
const URL_C = 'https://s3.example/p/voiceover.mp3';

describe('StepRecord', () => {
  it('lists saved files in the outputs’ order, whatever order they finish in, even when one never does', () => {
    const written: Record<string, string> = {};
    const record = new StepRecord(0, (name, value) => (written[name] = value));
    const run = record.addRun('1');
    run.finished(
      { id: 'job-1', status: 'completed', credits_charged: 10 },
      [URL_A, URL_B, URL_C].map((value, i) => ({ nodeId: `n${i}`, key: 'outputImage', kind: 'image' as const, value })),
      {},
      1_000,
    );
    run.expectFiles();
    run.fileSaved({ url: URL_C, path: 'out/voiceover.mp3', bytes: 3 });
    run.fileSaved({ url: URL_A, path: 'out/poster.png', bytes: 1 });
    record.flush();
    // teaser.mp4 (in the middle) never finished: the step timed out while downloading it.
    expect(JSON.parse(written.files!)).toEqual(['out/poster.png', 'out/voiceover.mp3']);
  });
});
