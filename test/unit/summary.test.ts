import { describe, expect, it } from 'vitest';
import { StepRecord, type StepData } from '../../src/report/record.js';
import { renderSummary } from '../../src/report/summary.js';

/** A step as the action records it: `fill` says what happened. */
function step(fill: (record: StepRecord) => void): StepData {
  const record = new StepRecord(0, () => undefined);
  fill(record);
  return record.snapshot();
}

const poster = { kind: 'app' as const, id: 'app-1', name: 'Poster Campaign', title: 'app "Poster Campaign"' };

describe('renderSummary', () => {
  it('shows a completed run with inline images, media links, text and files', () => {
    const markdown = renderSummary(
      step((record) => {
        record.targetKnown(poster);
        const run = record.addRun('1');
        run.finished(
          { id: 'job-1', status: 'completed', credits_charged: 1000 },
          [
            { nodeId: 'a', key: 'outputImage', kind: 'image', value: 'https://s3.example/p/poster.png' },
            { nodeId: 'b', key: 'outputVideo', kind: 'video', value: 'https://s3.example/p/teaser.mp4' },
            { nodeId: 'c', key: 'outputText', kind: 'text', value: 'Line one\nLine *two*' },
          ],
          {},
          95_000,
        );
        run.fileSaved({ url: 'https://s3.example/p/poster.png', path: 'renders/poster.png', bytes: 2_500_000 });
        record.outcome = 'completed';
        record.finishedAt = 95_000;
      }),
    );
    expect(markdown).toContain('## ✅ Armox · Poster Campaign: completed · 1000 credits · 1m35s');
    expect(markdown).toContain('App <code>app-1</code> · job <code>job-1</code>');
    expect(markdown).not.toContain('| |');
    expect(markdown).toContain('<img src="https://s3.example/p/poster.png" alt="poster.png" width="320">');
    expect(markdown).toContain('🎬 <a href="https://s3.example/p/teaser.mp4">teaser.mp4</a>');
    expect(markdown).toContain('<b>outputText</b>\n\n```text\nLine one\nLine *two*\n```');
    expect(markdown).toContain('Saved 1 file (2.4 MiB): <code>renders/poster.png</code>');
  });

  it('shows the error and next steps of a failed run', () => {
    const markdown = renderSummary(
      step((record) => {
        record.addRun('1').jobUpdated({ id: 'job-2', status: 'failed' });
        record.failed('failed', 'Model provider error', 'Run again');
      }),
    );
    expect(markdown).toContain('## ❌ Armox run: failed · 0 credits');
    expect(markdown).toContain('**Error**\n\nModel provider error\n');
    expect(markdown).toContain('**What to do next**\n\n- Run again');
  });

  it("keeps the columns of a validation error's contract table: a multi-line error is a text block", () => {
    const message = [
      'The inputs do not match the contract of model acme/up (image):',
      '- inputs: unknown key "sacle".',
      '',
      'Inputs of model acme/up (Upscale, image, 20 credits per run):',
      'key          label   type',
      '-----------  ------  -----------------',
      'image_input  Images  image URLs (list)',
      '```',
    ].join('\n');
    const markdown = renderSummary(step((record) => record.failed('error', message)));
    expect(markdown).toContain('**Error**\n\nThe inputs do not match');
    expect(markdown).toContain('- inputs: unknown key "sacle".\n');
    expect(markdown).toContain('\nkey          label   type\n-----------  ------  -----------------\n');
    // A fence in the text cannot close the block early: the block's fence is longer.
    expect(markdown).toContain('<details><summary>Details</summary>\n\n````text\nInputs of model');
    expect(markdown).toContain('image URLs (list)\n```\n````');
  });

  it('escapes markup that comes from the server', () => {
    const markdown = renderSummary(
      step((record) => {
        record.targetKnown({ ...poster, name: '<script>alert(1)</script>' });
        record
          .addRun('1')
          .finished(
            { id: 'j', status: 'failed' },
            [{ nodeId: 'n', key: 'outputImage', kind: 'image', value: 'https://s3.example/a.png"onerror="alert(1)' }],
            {},
            1,
          );
        record.failed('failed', '[click](https://evil.example) <img src=x onerror=alert(1)>');
      }),
    );
    expect(markdown).not.toContain('<script>');
    expect(markdown).not.toContain('<img src=x');
    expect(markdown).not.toContain('](https://evil.example)');
    expect(markdown).toContain('a.png&quot;onerror=&quot;alert(1)');
  });

  it('shows the request and skeleton of a dry run', () => {
    const markdown = renderSummary(
      step((record) => {
        record.targetKnown(poster);
        record.outcome = 'dry-run';
        record.dryRun = {
          requests: [{ name: '1', body: { app_id: 'a', inputs: { x: 'y' } } }],
          skeleton: 'inputs: |\n  Aspect Ratio: ""',
          contract: 'table',
        };
      }),
    );
    expect(markdown).toContain('## 🧪 Armox · Poster Campaign: dry run: nothing submitted');
    expect(markdown).toContain('```json\n{\n  "app_id": "a"');
    expect(markdown).toContain('```yaml\ninputs: |');
  });

  it('shows a batch as one table and previews per item, within the 1 MiB limit', () => {
    const markdown = renderSummary(
      step((record) => {
        record.targetKnown(poster);
        record.perItem = true;
        for (let i = 1; i <= 400; i++) {
          const url = `https://s3.example/p/${'x'.repeat(2000)}-${i}.png`;
          record
            .addRun(`shot-${i}`)
            .finished(
              { id: `job-${i}`, status: 'completed', credits_charged: 10 },
              [{ nodeId: 'n', key: 'outputImage', kind: 'image', value: url }],
              {},
              1,
            );
        }
        record.outcome = 'completed';
      }),
    );
    expect(markdown).toContain('## ✅ Armox · Poster Campaign: 400 of 400 completed · 4000 credits');
    expect(markdown).toContain('<details><summary>Runs</summary>\n\n| | Item | Credits | Duration | Job |');
    expect(markdown).toContain('| ✅ | shot\\-1 | 10 |');
    expect(markdown).toMatch(/<br>✅ shot-1<\/td>/);
    expect(markdown).toMatch(/_\d+ more items are in the table below._/);
    expect(markdown.length).toBeLessThan(30_000);
  });

  it('a batch: each item links its first output, and the jobs reused say when they were created and what they cost', () => {
    const markdown = renderSummary(
      step((record) => {
        record.targetKnown(poster);
        record.perItem = true;
        const hero = record.addRun('hero');
        hero.reused(
          {
            id: 'job-old',
            status: 'completed',
            credits_charged: 40,
            created_at: '2026-11-28T09:58:40Z',
          },
          1,
        );
        hero.finished(
          { id: 'job-old', status: 'completed', credits_charged: 40 },
          [{ nodeId: 'n', key: 'outputImage', kind: 'image', value: 'https://s3.example/p/hero.png' }],
          {},
          2,
        );
        const logo = record.addRun('logo');
        logo.finished(
          { id: 'job-new', status: 'completed', credits_charged: 25 },
          [
            { nodeId: 'n', key: 'outputText', kind: 'text', value: 'a caption' },
            { nodeId: 'n', key: 'outputImage', kind: 'image', value: 'https://s3.example/p/logo.png' },
          ],
          {},
          2,
        );
        record.addRun('icon').ended('skipped', 'not submitted: max-credits is 30');
        record.outcome = 'failed';
      }),
    );
    expect(markdown).toContain('## ❌ Armox · Poster Campaign: 2 of 3 completed · 1 skipped');
    expect(markdown).toContain('| ✅ | hero (reused) | 0 |  | <code>job-old</code> |');
    expect(markdown).toContain('| ✅ | logo | 25 |  | <code>job-new</code> |');
    expect(markdown).toContain('| ⏭️ | icon |  |  |  |');
    expect(markdown).toContain(
      '<a href="https://s3.example/p/logo.png"><img src="https://s3.example/p/logo.png" width="150" alt="logo"></a><br>✅ logo',
    );
    expect(markdown).toContain(
      '**Reused jobs**\n\n- hero: reused job <code>job-old</code>, created 2026\\-11\\-28T09:58:40Z, charged 40 credits then; nothing charged now',
    );
    expect(markdown).toContain('### Problems\n\n- ⏭️ <b>icon</b>: not submitted: max\\-credits is 30');
  });
});

describe('renderSummary: rehearsal', () => {
  const borrowed = (rehearsal: boolean) =>
    step((record) => {
      if (rehearsal) record.rehearsing();
      record.targetKnown(poster);
      const run = record.addRun('1');
      const job = {
        id: 'job-7',
        status: 'completed' as const,
        credits_charged: 1000,
        created_at: '2026-12-01T10:00:00Z',
      };
      if (rehearsal) run.borrowed(job, 1);
      run.finished(job, [], {}, 2);
    });

  it('opens with a banner naming the borrowed job, and counts nothing charged', () => {
    const data = borrowed(true);
    expect(data.creditsCharged).toBe(0);
    expect(data.runs[0]!.borrowedFrom).toMatchObject({ jobId: 'job-7', creditsCharged: 1000 });
    const markdown = renderSummary(data);
    expect(markdown.split('\n').slice(2, 4).join('\n')).toBe(
      '> [!WARNING]\n> **Rehearsal**: nothing was submitted and nothing was charged. The results below are those of ' +
        'job `job-7`, an earlier completed run of the same app or model, whose inputs may differ: they were not made for this run.',
    );
  });

  it('a real run has no banner, and its charge counts', () => {
    const data = borrowed(false);
    expect(data.creditsCharged).toBe(1000);
    expect(renderSummary(data)).not.toContain('Rehearsal');
  });
});
