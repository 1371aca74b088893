/**
 * The pull-request comment: a reviewer's digest of the step, not a copy of
 * the summary. The headline, the problems, at most a dozen previews, and the
 * commit it reflects (it is updated in place); the workflow run has the rest.
 */
import { gallery, renderProblems } from './gallery.js';
import { headline } from './headline.js';
import { rehearsalBanner } from './rehearsal-banner.js';
import { code, fileName, htmlText, inline, link, shortId } from './markdown.js';
import { problemOf, singleRunOf, type StepData } from './run-data.js';
import { textOutput } from './summary.js';

/** Previews a comment shows at most: a reviewer looks, the run's summary has them all. */
export const COMMENT_PREVIEWS = 12;

/** What the problems list may take of a comment. */
const PROBLEMS_BYTES = 8 * 1024;

export interface DigestContext {
  /** GITHUB_SHA: the commit the comment reflects. */
  sha?: string;
  /** The workflow run, where the summary holds everything. */
  runUrl?: string;
}

export function renderCommentDigest(step: StepData, context: DigestContext): string {
  const lines = [`### ${headline(step)}`, ''];
  const banner = rehearsalBanner(step);
  if (banner) lines.push(banner, '');
  const facts: string[] = [];
  if (context.sha) facts.push(`for commit ${code(context.sha.slice(0, 7), context.sha)}`);
  const single = singleRunOf(step);
  if (single?.jobId) facts.push(`job ${shortId(single.jobId)}`);
  if (facts.length > 0) lines.push(`<sub>${facts.join(' · ')}</sub>`, '');
  const batch = !single && step.runs.length > 0;
  const problem = single ? (problemOf(single) ?? step.errorMessage) : step.errorMessage;
  const listed = batch && step.runs.some((run) => problemOf(run) !== undefined);
  if (problem && step.outcome !== 'completed' && !listed) lines.push(...quoted(problem));
  if (single) lines.push(...singlePreviews(single.items));
  else if (batch) {
    lines.push(...renderProblems(step.runs, PROBLEMS_BYTES));
    lines.push(...gallery(step.runs, 40_000, COMMENT_PREVIEWS).filter((line) => !line.startsWith('_')));
  }
  const hidden = Math.max(0, previewCount(step) - COMMENT_PREVIEWS);
  const rest = context.runUrl ? link('the workflow run', context.runUrl) : "the workflow run's summary";
  if (hidden > 0) lines.push(`_${hidden} more previews, the runs table and the files are in ${rest}._`, '');
  return lines.join('\n');
}

function previewCount(step: StepData): number {
  return singleRunOf(step)?.items.length ?? step.runs.length;
}

/** One run's outputs: images side by side, media as links, texts folded; at most a dozen. */
function singlePreviews(items: StepData['runs'][number]['items']): string[] {
  const shown = items.slice(0, COMMENT_PREVIEWS);
  const images = shown.filter((item) => item.kind === 'image');
  const lines: string[] = [];
  if (images.length > 0) {
    const width = images.length > 2 ? 200 : 320;
    const tags = images.map((item) => {
      const url = htmlText(item.value);
      return `<a href="${url}"><img src="${url}" width="${width}" alt="${htmlText(fileName(item.value))}"></a>`;
    });
    lines.push(tags.join(' '), '');
  }
  for (const item of shown.filter((entry) => entry.kind !== 'image' && entry.kind !== 'text')) {
    lines.push(`- ${link(fileName(item.value), item.value)}`);
  }
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  for (const item of shown.filter((entry) => entry.kind === 'text')) {
    const block = textOutput(item);
    lines.push(...(block[0]!.startsWith('<details>') ? block : foldShort(block)));
  }
  return lines;
}

/** A short text output in the comment is folded too: the comment stays a digest. */
function foldShort(block: string[]): string[] {
  const [name, , ...rest] = block;
  return [`<details open><summary>${name}</summary>`, '', ...rest, '</details>', ''];
}

/** The error's sentences (up to its first blank line, at most 6 lines) as a quote. */
function quoted(text: string): string[] {
  const head = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)[0]!
    .split('\n')
    .slice(0, 6);
  return [...head.map((line) => `> ${inline(line)}`), ''];
}
