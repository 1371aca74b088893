import { describe, expect, it } from 'vitest';
import { StepRecord } from '../../src/report/record.js';
import { renderSummary } from '../../src/report/summary.js';

const MIB = 1024 * 1024;
const banner = { kind: 'app' as const, id: 'app-1', name: 'Banner', title: 'app "Banner"' };

/** A step of `count` items, each made by `fill`. */
function batchStep(count: number, fill: (record: StepRecord, index: number) => void) {
  const record = new StepRecord(0, () => undefined, { perItem: true });
  record.targetKnown(banner);
  for (let i = 1; i <= count; i++) fill(record, i);
  return record;
}

describe('the summary of a batch however large', () => {
  it('cuts the table and the problems short under 1 MiB, and says what was left out', () => {
    const record = batchStep(20_000, (step, i) =>
      step
        .addRun(`item-${i}`)
        .finished(
          { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, status: 'failed', credits_charged: 25 },
          [],
          undefined,
          1,
        ),
    );
    for (const run of record.runs) run.ended('failed', `the GPU ${'melted '.repeat(40)}`);
    record.failed('failed', 'many runs failed');
    const markdown = renderSummary(record.snapshot());
    expect(Buffer.byteLength(markdown)).toBeLessThan(MIB);
    expect(markdown).toContain('| item\\-1 | failed | 0 |');
    expect(markdown).not.toContain('| item\\-20000 |');
    expect(markdown).toMatch(
      /_\d+ more items are left out of this table to keep this summary under GitHub's 1 MiB limit/,
    );
  }, 30_000); // 20 000 items: seconds of CPU on a loaded machine

  it('lists the problems while they fit when the table fits', () => {
    const record = batchStep(3_000, (step, i) => step.addRun(`item-${i}`).ended('skipped', `x${'y'.repeat(1_900)}`));
    const markdown = renderSummary(record.snapshot());
    expect(Buffer.byteLength(markdown)).toBeLessThan(MIB);
    expect(markdown).toContain('| item\\-3000 | skipped |');
    expect(markdown).toContain('- item\\-1: xyyy');
    expect(markdown).toMatch(/_\d+ more problems are left out/);
  });

  it('a dry run of a large batch shows the requests that fit, then the contract', () => {
    const record = batchStep(20_000, (step, i) => step.addRun(`item-${i}`));
    record.outcome = 'dry-run';
    record.dryRun = {
      requests: record.runs.map((run) => ({
        name: run.name,
        body: { app_id: 'app-1', inputs: { prompt: `a prompt for ${run.name}`.repeat(5) } },
      })),
      skeleton: 'inputs: |\n  Prompt: ""',
      contract: 'Inputs of "Banner": …',
    };
    const markdown = renderSummary(record.snapshot());
    expect(Buffer.byteLength(markdown)).toBeLessThan(MIB);
    expect(markdown).toContain('**item\\-1**');
    expect(markdown).toMatch(/_\d+ more requests are left out/);
    expect(markdown).toContain('Inputs of "Banner"');
  });
});
