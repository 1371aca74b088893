import { kindNamed } from '../kinds/registry.js';
import { formatBytes, plural } from '../core/format.js';
import { clip } from '../core/text.js';
import { renderBatch, renderProblems, reusedText } from './gallery.js';
import { headline, inputsRefused } from './headline.js';
import { rehearsalBanner } from './rehearsal-banner.js';
import { byteLength, code, fenced, fileName, htmlText, inline, link, shortId } from './markdown.js';
import type { OutputItem } from './job-outputs.js';
import { problemOf, singleRunOf, type RunData, type StepData } from './run-data.js';

/** GitHub drops a step summary over 1 MiB; a batch's previews stop well before that. */
const SUMMARY_BUDGET_BYTES = 900 * 1024;

/** The problems list of a batch: the first ones, the rest are in the results output. */
const PROBLEMS_BYTES = 16 * 1024;

/** A text output longer than this many lines or characters is folded in `<details>`. */
const FOLD_LINES = 20;
const FOLD_CHARS = 2000;

/** A multi-line error (the contract's table with it) shows at most this many characters. */
const BLOCK_CHARS = 20_000;

/**
 * The `$GITHUB_STEP_SUMMARY` section for the step, as GitHub-flavoured
 * markdown: a headline with the counts, then one run in detail, or a batch as
 * its problems, a gallery and a folded table. Everything that came from outside
 * is inert: escaped, fenced, or an attribute; it cannot add markup, links or pings.
 */
export function renderSummary(step: StepData): string {
  const lines: string[] = [`## ${headline(step)}`, ''];
  const banner = rehearsalBanner(step);
  if (banner) lines.push(banner, '');
  const single = singleRunOf(step);
  const facts = factsLine(step, single);
  if (facts) lines.push(facts, '');
  const batch = !single && step.runs.length > 0;
  const runProblems = batch && step.runs.some((run) => problemOf(run) !== undefined);
  if (step.errorMessage && step.outcome !== 'completed' && !runProblems) lines.push(...errorSection(step));
  if (step.nextSteps.length > 0) {
    lines.push('**What to do next**', '', ...step.nextSteps.map((next) => `- ${inline(next)}`), '');
  }
  for (const note of step.notes) lines.push(`> ${inline(note)}`, '');
  if (single) lines.push(...renderRun(single));
  else if (batch) {
    lines.push(...renderProblems(step.runs, PROBLEMS_BYTES));
    lines.push(...renderBatch(step, SUMMARY_BUDGET_BYTES - byteLength(lines)));
  }
  if (step.dryRun) lines.push(...renderDryRun(step, SUMMARY_BUDGET_BYTES - byteLength(lines)));
  return lines.join('\n');
}

/** `App <code>…</code> · job <code>0f3a…</code>`: what a reader needs to find the run again. */
function factsLine(step: StepData, single: RunData | undefined): string {
  const facts: string[] = [];
  if (step.target) facts.push(`${kindNamed(step.target.kind)?.label ?? 'Target'} ${code(step.target.id)}`);
  if (single?.jobId) facts.push(`job ${shortId(single.jobId)}`);
  if (single?.reusedFrom) facts.push(`reused ${reusedText(single)}`);
  if (step.balance) facts.push(`balance ${balanceText(step.balance)}`);
  return facts.join(' · ');
}

/** `100000 → 99930 credits`; only the balance before when the step sent nothing it could read again. */
function balanceText({ before, after }: NonNullable<StepData['balance']>): string {
  return after === undefined || after === before ? `${before} credits` : `${before} → ${after} credits`;
}

/**
 * The step's error once: its sentences as wrapped text and bullets; a block
 * after a blank line (the contract's table) folded and fenced, so its columns
 * stay aligned. A refused input's contract is in the dry-run part instead.
 */
function errorSection(step: StepData): string[] {
  const text = step.errorMessage!.replace(/\r\n?/g, '\n');
  const blank = text.search(/\n\s*\n/);
  const prose = (blank < 0 ? text : text.slice(0, blank)).split('\n').filter((line) => line.trim());
  const rest = blank < 0 ? '' : text.slice(blank).trim();
  const lines = ['**Error**', ''];
  for (const line of prose) {
    const bullet = /^\s*- /.test(line);
    // Consecutive bullets make one tight list; a sentence is a paragraph of its own.
    if (!bullet && lines[lines.length - 1] !== '') lines.push('');
    lines.push(bullet ? `- ${inline(line.replace(/^\s*- /, ''))}` : inline(line));
    if (!bullet) lines.push('');
  }
  if (lines[lines.length - 1] !== '') lines.push('');
  if (rest && !inputsRefused(step)) {
    lines.push(
      '<details><summary>Details</summary>',
      '',
      ...fenced(clip(rest, BLOCK_CHARS), 'text'),
      '',
      '</details>',
      '',
    );
  }
  return lines;
}

function renderRun(run: RunData): string[] {
  const lines = renderOutputs(run.items);
  if (run.files && run.files.length > 0) {
    const bytes = run.files.reduce((sum, file) => sum + file.bytes, 0);
    const names = run.files.map((file) => code(file.path)).join(', ');
    lines.push(`Saved ${plural(run.files.length, 'file')} (${formatBytes(bytes)}): ${names}`, '');
  }
  if (run.releaseAssets.length > 0) {
    lines.push('### Release assets', '', ...run.releaseAssets.map((a) => `- ${link(a.name, a.url)}`), '');
  }
  return lines;
}

function renderOutputs(items: OutputItem[]): string[] {
  const lines: string[] = [];
  const images = items.filter((item) => item.kind === 'image');
  if (images.length > 0) {
    const previews = images.map(
      (item) =>
        `<a href="${htmlText(item.value)}"><img src="${htmlText(item.value)}" alt="${htmlText(fileName(item.value))}" width="320"></a>`,
    );
    lines.push(previews.join(' '), '');
  }
  for (const item of items.filter((entry) => entry.kind !== 'image' && entry.kind !== 'text')) {
    const icon = item.kind === 'video' ? '🎬' : item.kind === 'audio' ? '🔊' : '📄';
    lines.push(`- ${icon} ${link(fileName(item.value), item.value)}`);
  }
  if (lines.length > 0 && lines[lines.length - 1] !== '') lines.push('');
  for (const item of items.filter((entry) => entry.kind === 'text')) lines.push(...textOutput(item));
  return lines;
}

/** A text output as written, in a fence; a long one folded. */
export function textOutput(item: OutputItem): string[] {
  const name = `<b>${htmlText(item.key || 'text')}</b>`;
  const long = item.value.length > FOLD_CHARS || item.value.split('\n').length > FOLD_LINES;
  const block = fenced(clip(item.value, BLOCK_CHARS), 'text');
  if (!long) return [name, '', ...block, ''];
  return [`<details><summary>${name} (${item.value.length} characters)</summary>`, '', ...block, '', '</details>', ''];
}

/** The requests (as many as fit in `budget` bytes: a large batch has many), the contract and a skeleton. */
function renderDryRun(step: StepData, budget: number): string[] {
  const dryRun = step.dryRun!;
  const many = dryRun.requests.length > 1;
  const blocks = dryRun.requests.map((request) => [
    ...(many ? [`<b>${htmlText(request.name)}</b>`, ''] : []),
    ...fenced(JSON.stringify(request.body, null, 2), 'json'),
    '',
  ]);
  const requests: string[] = [];
  const room = budget - 2048 - byteLength([dryRun.contract, dryRun.skeleton]);
  let used = 0;
  let shown = 0;
  for (const block of blocks) {
    if (used + byteLength(block) > room) break;
    requests.push(...block);
    used += byteLength(block);
    shown += 1;
  }
  if (shown < blocks.length)
    requests.push(`_${blocks.length - shown} more requests are left out of this summary._`, '');
  const ready = inputsRefused(step) ? 'A ready-to-paste <code>inputs</code> block' : 'Ready-to-paste inputs';
  return [
    ...(blocks.length > 0 ? [`### Request${many ? 's' : ''} that would be sent`, '', ...requests] : []),
    '<details><summary>Contract</summary>',
    '',
    ...fenced(dryRun.contract, 'text'),
    '',
    '</details>',
    '',
    `**${ready}**`,
    '',
    ...fenced(dryRun.skeleton, 'yaml'),
    '',
  ];
}
