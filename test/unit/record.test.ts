import { describe, expect, it } from 'vitest';
import { manifestOf } from '../../src/report/manifest.js';
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

/** A step recording every output and every warning it gives. */
function recorded(perItem = false) {
  const outputs: Record<string, string> = {};
  const warnings: string[] = [];
  const record = new StepRecord(0, (name, value) => (outputs[name] = value), {
    perItem,
    warn: (message) => warnings.push(message),
  });
  return { record, outputs, warnings };
}

function image(value: string) {
  return { nodeId: 'n', key: 'outputImage', kind: 'image' as const, value };
}

describe('what a run was charged', () => {
  it('a failed job counts 0 (Armox refunds it), in results, credits-charged and the manifest alike', async () => {
    const { record, outputs } = recorded(true);
    const failed = record.addRun('a');
    failed.accepted({ id: 'job-a', status: 'processing', credits_charged: 25 }, 0);
    failed.finished({ id: 'job-a', status: 'failed', credits_charged: 25, error_message: 'GPU exploded' }, [], {}, 1);
    record.addRun('b').finished({ id: 'job-b', status: 'completed', credits_charged: 25 }, [], {}, 1);
    record.flush();
    expect(outputs['credits-charged']).toBe('25');
    expect(JSON.parse(outputs.results!).map((r: { 'credits-charged': number }) => r['credits-charged'])).toEqual([
      0, 25,
    ]);
    const manifest = await manifestOf(record.snapshot(), process.cwd());
    expect(manifest.runs.map((run) => run.credits_charged)).toEqual([0, 25]);
  });
});

describe('the outputs of a run that did not deliver its files', () => {
  it('a single run: its results entry has the error, as the error-message output does', () => {
    const { record, outputs } = recorded();
    const run = record.addRun('1');
    run.finished({ id: 'job-1', status: 'completed', credits_charged: 10 }, [image(URL_A)], {}, 1);
    run.deliveryFailed('Could not download poster.png: HTTP 404.');
    expect(outputs.status).toBe('completed');
    expect(JSON.parse(outputs.results!)[0]['error-message']).toBe('Could not download poster.png: HTTP 404.');
    expect(outputs['error-message']).toBe('Could not download poster.png: HTTP 404.');
  });

  it('a batch: its status is failed, and each undelivered item has its line', () => {
    const { record, outputs } = recorded(true);
    for (const name of ['a', 'b']) {
      record.addRun(name).finished({ id: `job-${name}`, status: 'completed', credits_charged: 10 }, [], {}, 1);
    }
    record.runs[1]!.deliveryFailed('Its files were not delivered: the timeout ran out before their turn.');
    record.flush();
    expect(outputs.status).toBe('failed');
    expect(outputs['error-message']).toBe('b: Its files were not delivered: the timeout ran out before their turn.');
  });
});

describe('outputs stay under GitHub’s 1 MB limit', () => {
  /** 400 items of 20 outputs each, with URLs as long as S3's. */
  function largeBatch() {
    const step = recorded(true);
    for (let i = 1; i <= 400; i++) {
      const urls = Array.from(
        { length: 20 },
        (_, k) =>
          `https://armox-storage.s3.us-west-2.amazonaws.com/public/canvas-images/job-${i}-${k}-${'f'.repeat(60)}.png`,
      );
      const run = step.record.addRun(`item-${i}`);
      run.finished({ id: `job-${i}`, status: 'completed', credits_charged: 10 }, urls.map(image), {}, 1);
    }
    step.record.flush();
    return step;
  }

  it('results drops each item’s output-urls (in the manifest) and says so once; every list keeps what fits', () => {
    const { record, outputs, warnings } = largeBatch();
    for (const [name, value] of Object.entries(outputs)) expect(value.length * 2, name).toBeLessThanOrEqual(1_000_000);
    const results = JSON.parse(outputs.results!) as Array<Record<string, unknown>>;
    expect(results).toHaveLength(400);
    expect(results[0]).toMatchObject({ name: 'item-1', 'job-id': 'job-1', 'output-urls': null, files: [] });
    expect(results.every((r) => r['output-urls'] === null)).toBe(true);
    const urls = JSON.parse(outputs['output-urls']!) as string[];
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.length).toBeLessThan(8_000);
    expect(warnings.filter((w) => w.startsWith('The results output'))).toEqual([
      expect.stringMatching(
        /does not fit in GitHub's 1 MB limit for a job's outputs together: each item's output-urls is null \(it would be [\d.]+ MB\)\. Every item's output URLs, files and error message are in the manifest\./,
      ),
    ]);
    expect(warnings).toContainEqual(
      expect.stringMatching(
        /^The output-urls output does not fit in GitHub's 1 MB limit for a job's outputs together: it holds the first \d+ of 8000 URLs/,
      ),
    );
    // Publishing again says nothing new.
    record.failed('failed', 'again');
    expect(new Set(warnings).size).toBe(warnings.length);
  });

  it('a batch too large even without URLs and files keeps the entries that fit in its share, and says how many', () => {
    const step = recorded(true);
    for (let i = 1; i <= 6_000; i++)
      step.record.addRun(`item-${i}`).ended('skipped', `not submitted: ${'x'.repeat(100)}`);
    step.record.flush();
    const results = JSON.parse(step.outputs.results!) as Array<Record<string, unknown>>;
    const all = Object.entries(step.outputs).reduce((sum, [name, value]) => sum + (name.length + value.length) * 2, 0);
    expect(all).toBeLessThanOrEqual(1_000_000);
    // results and error-message share what the job-ids leave: about half each.
    expect(results.length).toBeGreaterThan(900);
    expect(results.length).toBeLessThan(6_000);
    expect(step.warnings.find((w) => w.startsWith('The results output'))).toMatch(
      new RegExp(`it holds the first ${results.length} of 6000 items`),
    );
    expect(step.outputs['error-message']!.length * 2).toBeLessThanOrEqual(1_000_000);
    expect(step.outputs['error-message']).toMatch(/\n… and \d+ more lines$/);
  });
});
