/**
 * The summary and the comment as GitHub renders them (cmark-gfm): headline
 * counts, sizes, links that stay links, and server text that stays inert.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CASES, batchWithProblems, hundredRuns, invalidInputs, textModel } from '../../scripts/preview-cases.js';
import { renderCommentDigest } from '../../src/report/comment-digest.js';
import { inline } from '../../src/report/markdown.js';
import { cutAtSafeLine } from '../../src/report/markdown-cut.js';
import { MAX_COMMENT_CHARS, renderCommentBody } from '../../src/report/pr-comment.js';
import { StepRecord, type StepData } from '../../src/report/record.js';
import { renderSummary } from '../../src/report/summary.js';

const require = createRequire(import.meta.url);
const cmark = require('cmark-gfm') as { renderHtmlSync(md: string, options: object): string };
const html = (markdown: string) =>
  cmark.renderHtmlSync(markdown, { unsafe: true, extensions: { table: true, autolink: true, strikethrough: true } });
const hrefs = (markdown: string) => [...html(markdown).matchAll(/href="([^"]*)"/g)].map((m) => m[1]!);

const SHA = '3f9c2b17d0a4e5f6a7b8c9d0e1f2a3b4c5d6e7f8';
const RUN = 'https://github.com/octo/site/actions/runs/4242';

/** A batch of `count` runs with long storage URLs, `failing` of them failed with `problem`. */
function batch(count: number, failing: number, problem: string): StepData {
  const record = new StepRecord(0, () => undefined, { perItem: true });
  record.targetKnown({ kind: 'app', id: 'app-1', name: 'Poster', title: 'app "Poster"' });
  for (let i = 0; i < count; i++) {
    const id = `0f3a9c1e-4b1e-4c2a-9d3f-${String(i).padStart(12, '0')}`;
    const url = `https://armox-outputs.s3.us-east-1.amazonaws.com/jobs/${id}/render.jpeg?X-Amz-Expires=3600`;
    const ok = i >= failing;
    record
      .addRun(`item-${i}`)
      .finished(
        { id, status: ok ? 'completed' : 'failed', credits_charged: 10, error_message: ok ? undefined : problem },
        ok ? [{ nodeId: 'n', key: 'outputImage', kind: 'image', value: url }] : [],
        {},
        1,
      );
  }
  record.outcome = failing ? 'failed' : 'completed';
  return record.snapshot();
}

/** Every `<details>`, `<table>` and fence that opens closes. */
function balanced(markdown: string): boolean {
  const count = (re: RegExp) => (markdown.match(re) ?? []).length;
  const fences = markdown.split('\n').filter((line) => /^`{3,}/.test(line)).length;
  return (
    count(/<details\b/g) === count(/<\/details>/g) &&
    count(/<table\b/g) === count(/<\/table>/g) &&
    count(/<td\b/g) === count(/<\/td>/g) &&
    count(/<a\b/g) === count(/<\/a>/g) &&
    fences % 2 === 0
  );
}

describe('the headline', () => {
  it('counts a batch: completed of all, failed, skipped, credits', () => {
    expect(renderSummary(batchWithProblems).split('\n')[0]).toBe(
      '## ❌ Armox · Poster Campaign: 4 of 6 completed · 1 failed · 1 skipped · 800 credits · 1m1s',
    );
    for (const [count, failing] of [
      [6, 0],
      [10, 3],
      [100, 99],
    ] as const) {
      const first = renderSummary(batch(count, failing, 'x')).split('\n')[0]!;
      expect(first).toContain(`${count - failing} of ${count} completed`);
      expect(first.includes(`${failing} failed`)).toBe(failing > 0);
      expect(first.startsWith(failing ? '## ❌' : '## ✅')).toBe(true);
    }
  });

  it('says refused inputs sent nothing and cost nothing, and ends with the inputs skeleton', () => {
    const markdown = renderSummary(invalidInputs);
    expect(markdown.split('\n')[0]).toBe('## ❌ Armox · Poster Campaign: inputs invalid: nothing submitted, 0 credits');
    expect(markdown.trimEnd().endsWith('```yaml\ninputs: |\n  Prompt: ""\n  Aspect Ratio: "1:1"\n```')).toBe(true);
    // The contract table is shown once, folded, not again with the error.
    expect(markdown.match(/Aspect Ratio {2}Aspect Ratio/g)).toHaveLength(1);
  });
});

describe('sizes', () => {
  it('a 100-run summary stays under 30,000 characters, with the table folded', () => {
    const markdown = renderSummary(hundredRuns);
    expect(markdown.length).toBeLessThan(30_000);
    expect(markdown).toContain('<details><summary>Runs</summary>');
    for (const count of [100, 150, 400]) expect(renderSummary(batch(count, 0, '')).length).toBeLessThan(30_000);
  });

  it('shows the problems before the gallery when something failed, and the table unfolded', () => {
    const markdown = renderSummary(batch(30, 4, 'boom'));
    expect(markdown.indexOf('### Problems')).toBeLessThan(markdown.indexOf('<table>'));
    expect(markdown).toContain('### Runs');
    expect(markdown).not.toContain('<details><summary>Runs');
  });

  it('no duration under a second, no full job id outside a title', () => {
    const markdown = renderSummary(batch(3, 1, 'x'));
    expect(markdown).not.toMatch(/\d+ms/);
    expect(markdown.replace(/(title|href|src)="[^"]*"/g, '')).not.toContain('0f3a9c1e-4b1e');
  });
});

describe('server text', () => {
  const urls = [
    'https://armox.ai/docs/apps#batches',
    'https://armox.ai/docs/a_b*c?x=1&y=[2]',
    'http://example.com/path-with-dashes_and_underscores.',
  ];

  it('keeps URLs valid links, in problems, errors and next steps', () => {
    for (const url of urls) {
      const text = `see ${url} for more`;
      const clean = url.replace(/\.$/, '');
      for (const markdown of [
        renderSummary(batch(3, 1, text)),
        inline(text),
        renderSummary({ ...textModel, outcome: 'failed', errorMessage: text }),
      ]) {
        expect(hrefs(markdown).map((href) => decodeURI(href.replace(/&amp;/g, '&')))).toContain(clean);
        expect(hrefs(markdown).join(' ')).not.toMatch(/%5C|\\/);
      }
    }
  });

  it('shows a text output as written, in a fence its own backticks cannot close', () => {
    const markdown = renderSummary(textModel);
    const rendered = html(markdown);
    expect(rendered).toContain('## Release notes');
    expect(rendered).toContain('```ts');
    expect(rendered).not.toContain('<h2>Release notes');
    for (const ticks of [3, 4, 7]) {
      const value = `a\n${'`'.repeat(ticks)}\n<b>b</b>`;
      const step = {
        ...textModel,
        runs: [{ ...textModel.runs[0]!, items: [{ nodeId: '', key: 'out', kind: 'text' as const, value }] }],
      };
      const out = html(renderSummary(step));
      expect(out).toContain(`${'`'.repeat(ticks)}\n&lt;b&gt;b&lt;/b&gt;`);
    }
  });

  it('never pings a mention outside code, and never shows a bidi control raw', () => {
    const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
    for (const control of bidi) {
      const text = `ask @octocat or @acme/design: invoice${control}gnp.exe`;
      for (const step of [batch(3, 2, text), { ...textModel, outcome: 'failed' as const, errorMessage: text }]) {
        for (const markdown of [renderSummary(step), renderCommentDigest(step, { sha: SHA, runUrl: RUN })]) {
          expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
          // Code does not ping: look outside fenced blocks.
          const prose = markdown.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
          expect(prose).not.toMatch(/@(octocat|acme)/);
          expect(prose).toContain('@\u2060octocat');
        }
      }
    }
    const markdown = renderSummary(textModel);
    expect(markdown).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(markdown).toContain('invoice<U+202E>gnp.exe');
  });
});

describe('the pull-request comment', () => {
  it('is a digest: headline, the commit, at most 12 previews, a link to the rest', () => {
    const comment = renderCommentDigest(hundredRuns, { sha: SHA, runUrl: RUN });
    expect(comment.split('\n')[0]).toBe('### ✅ Armox · Poster Campaign: 100 of 100 completed · 1000 credits · 5m');
    expect(comment).toContain(`for commit <code title="${SHA}">3f9c2b1</code>`);
    expect(comment.match(/<img /g)).toHaveLength(12);
    expect(comment).toContain(`_88 more previews, the runs table and the files are in <a href="${RUN}">`);
    expect(comment.length).toBeLessThan(10_000);
  });

  it('is cut only between lines, tags and fences closed, saying what was left out, at any offset', () => {
    const body = [...Object.values(CASES), batch(150, 40, 'x'.repeat(500))]
      .map((step) => `${renderSummary(step)}\n\n${renderCommentDigest(step, { sha: SHA })}`)
      .join('\n\n');
    expect(balanced(body)).toBe(true);
    for (const max of [300, 1_001, 4_097, 12_345, 20_000, 33_333]) {
      const { kept, cut } = cutAtSafeLine(body, max);
      expect(cut).toBe(true);
      expect(kept.length).toBeLessThanOrEqual(max);
      expect(body.startsWith(kept)).toBe(true);
      expect(body.slice(kept.length)).toMatch(/^\s*\n/);
      expect(balanced(kept)).toBe(true);
    }
    const huge = Array.from({ length: 40 }, () => body).join('\n\n');
    const text = renderCommentBody('<!-- armox-app-action: x -->', huge, RUN);
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(balanced(text)).toBe(true);
    expect(text).toMatch(/_The last \d+ lines are left out: the comment is too long/);
  });
});
