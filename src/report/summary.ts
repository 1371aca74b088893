import { formatBytes, formatDuration } from '../core/format.js';
import { clip } from '../core/text.js';
import { fileUrlsOf, type OutputItem } from './job-outputs.js';
import { rehearsalBanner } from './rehearsal-banner.js';
import { problemOf, runStatus, type Outcome, type RunData, type StepData } from './record.js';

const HEADLINES: Record<Outcome, string> = {
  completed: '✅ completed',
  failed: '❌ failed',
  cancelled: '🚫 cancelled',
  'timed-out': '⏱️ timed out',
  submitted: '📨 submitted (not waited for)',
  running: '⏳ still running',
  skipped: '⏭️ skipped',
  'dry-run': '🧪 dry run: nothing submitted',
  error: '❌ error',
};

/** GitHub drops a step summary over 1 MiB; a batch's previews stop well before that. */
const SUMMARY_BUDGET_BYTES = 900 * 1024;

/**
 * The `$GITHUB_STEP_SUMMARY` section for the step, as GitHub-flavoured markdown:
 * one run in detail, or a batch as one table and a gallery grouped by item.
 * Everything that came from the server is escaped: a job's error text or an
 * output value cannot inject markup or links of its own.
 */
export function renderSummary(step: StepData): string {
  const outcome = step.outcome ?? 'error';
  const target = step.target;
  const kind =
    target?.kind === 'model' ? ` (${target.modality ? `${escapeMarkdown(target.modality)} ` : ''}model)` : '';
  const named = target?.name ? escapeMarkdown(target.name) : target ? code(target.id) : undefined;
  const title = named ? `Armox · ${named}${kind}` : 'Armox run';
  const lines: string[] = [`## ${title}: ${HEADLINES[outcome]}`, ''];
  const banner = rehearsalBanner(step);
  if (banner) lines.push(banner, '');
  const single = step.runs.length === 1 ? step.runs[0] : undefined;

  const facts: Array<[string, string]> = [];
  if (target) facts.push([target.kind === 'app' ? 'App id' : 'Model', code(target.id)]);
  if (single?.jobId) facts.push(['Job id', code(single.jobId)]);
  if (single?.status) facts.push(['Status', code(single.status)]);
  if (single?.reusedFrom) facts.push(['Reused', reusedText(single)]);
  if (step.creditsCharged !== undefined) facts.push(['Credits charged', String(step.creditsCharged)]);
  if (step.balance) facts.push(['Balance', balanceText(step.balance)]);
  if (step.finishedAt !== undefined) facts.push(['Duration', formatDuration(step.finishedAt - step.startedAt)]);
  if (facts.length > 0) lines.push('| | |', '| --- | --- |', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '');

  if (step.errorMessage && outcome !== 'completed') lines.push('**Error**', '', ...errorBlock(step.errorMessage), '');
  if (step.nextSteps.length > 0) {
    lines.push('**What to do next**', '', ...step.nextSteps.map((next) => `- ${escapeMarkdown(next)}`), '');
  }
  for (const note of step.notes) lines.push(`> ${escapeMarkdown(note)}`, '');

  if (single && !step.perItem) lines.push(...renderRun(single, '###'));
  else if (step.runs.length > 0) lines.push(...renderBatch(step.runs, SUMMARY_BUDGET_BYTES - byteLength(lines)));
  if (step.dryRun) lines.push(...renderDryRun(step.dryRun, SUMMARY_BUDGET_BYTES - byteLength(lines)));
  return lines.join('\n');
}

function renderRun(run: RunData, heading: string): string[] {
  const lines = renderOutputs(run.items, heading);
  if (run.files && run.files.length > 0) {
    lines.push(`${heading} Downloaded files`, '', '| File | Size |', '| --- | --- |');
    for (const file of run.files) lines.push(`| ${code(file.path)} | ${formatBytes(file.bytes)} |`);
    lines.push('');
  }
  if (run.releaseAssets.length > 0) {
    lines.push(`${heading} Release assets`, '', ...run.releaseAssets.map((a) => `- ${link(a.name, a.url)}`), '');
  }
  return lines;
}

/** Server text can be long: a line of it (an error, an item's problem) shows at most this many characters. */
const LINE_CHARS = 2000;

/** A multi-line error (the contract's table with it) shows at most this many characters. */
const BLOCK_CHARS = 20_000;

/** A link in the batch table is named by its file name, cut to this many characters. */
const LINK_LABEL_CHARS = 40;

/** Room kept for the closing notes when the table and the problems are cut short. */
const NOTES_BYTES = 2 * 1024;

/**
 * One table of every item, its problems, the jobs it reused, then each item's
 * previews, while they fit in `budget` bytes; what did not fit is said, and is
 * in the results output.
 */
function renderBatch(runs: RunData[], budget: number): string[] {
  const lines = [
    '### Runs',
    '',
    '| Item | Status | Credits | Duration | Link | Job |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  const rows = appendWithin(
    lines,
    runs.map((run) => [tableRow(run)]),
    budget - NOTES_BYTES,
  );
  lines.push('');
  if (rows < runs.length) lines.push(leftOut(runs.length - rows, 'items are left out of this table'), '');
  const problems = runs.flatMap((run) => {
    const problem = problemOf(run);
    return problem === undefined ? [] : [[`- ${escapeMarkdown(`${run.name}: ${clip(problem, LINE_CHARS)}`)}`]];
  });
  appendSection(lines, '**Problems**', problems, 'problems are left out', budget);
  const reused = runs.flatMap((run) =>
    run.reusedFrom ? [[`- ${escapeMarkdown(run.name)}: reused ${reusedText(run)}`]] : [],
  );
  appendSection(lines, '**Reused jobs**', reused, 'reused jobs are left out', budget);
  const previews = runs
    .map((run) => renderRun(run, '####'))
    .map((section, index) => (section.length ? [`### ${escapeMarkdown(runs[index]!.name)}`, '', ...section] : []))
    .filter((block) => block.length > 0);
  const shown = appendWithin(lines, previews, budget - NOTES_BYTES);
  if (shown < previews.length) {
    lines.push(
      `_The previews of ${previews.length - shown} more items are left out to keep this summary under GitHub's 1 MiB limit; their URLs are in the results output._`,
      '',
    );
  }
  return lines;
}

/** A titled list of `blocks`, as many as fit in `budget`, saying how many did not. */
function appendSection(lines: string[], title: string, blocks: string[][], leftOutWhat: string, budget: number): void {
  if (blocks.length === 0) return;
  lines.push(title, '');
  const shown = appendWithin(lines, blocks, budget - NOTES_BYTES);
  lines.push('');
  if (shown < blocks.length) lines.push(leftOut(blocks.length - shown, leftOutWhat), '');
}

function tableRow(run: RunData): string {
  const duration =
    run.startedAt !== undefined && run.finishedAt !== undefined ? formatDuration(run.finishedAt - run.startedAt) : '';
  const status = runStatus(run) ?? '';
  const reused = run.reusedFrom ? ' (reused)' : '';
  const undelivered = run.deliveryError ? ' (files not delivered)' : '';
  // The item's first output file: Armox documents no web page for a job to link to.
  const first = fileUrlsOf(run.items)[0];
  const preview = first ? link(clip(fileName(first), LINK_LABEL_CHARS), first) : '';
  return `| ${escapeMarkdown(run.name)} | ${escapeMarkdown(status)}${reused}${undelivered} | ${run.creditsCharged ?? ''} | ${duration} | ${preview} | ${run.jobId ? code(run.jobId) : ''} |`;
}

/** Appends whole blocks to `lines` while the total stays within `budget` bytes; returns how many fit. */
function appendWithin(lines: string[], blocks: string[][], budget: number): number {
  let used = byteLength(lines);
  let count = 0;
  for (const block of blocks) {
    const size = byteLength(block);
    if (used + size > budget) break;
    lines.push(...block);
    used += size;
    count += 1;
  }
  return count;
}

function leftOut(count: number, what: string): string {
  return `_${count} more ${what} to keep this summary under GitHub's 1 MiB limit; every item is in the results output._`;
}

function renderOutputs(items: OutputItem[], heading: string): string[] {
  if (items.length === 0) return [];
  const lines = [`${heading} Outputs`, ''];
  const images = items.filter((item) => item.kind === 'image');
  if (images.length > 0) {
    const previews = images.map(
      (item) =>
        `<a href="${escapeAttribute(item.value)}"><img src="${escapeAttribute(item.value)}" alt="${escapeAttribute(fileName(item.value))}" width="320"></a>`,
    );
    lines.push(previews.join(' '), '');
  }
  const media = items.filter((item) => item.kind !== 'image' && item.kind !== 'text');
  if (media.length > 0) {
    for (const item of media) {
      const icon = item.kind === 'video' ? '🎬' : item.kind === 'audio' ? '🔊' : '📄';
      lines.push(`- ${icon} ${link(fileName(item.value), item.value)}`);
    }
    lines.push('');
  }
  for (const item of items.filter((entry) => entry.kind === 'text')) {
    lines.push(`**${escapeMarkdown(item.key || 'text')}**`, '', quote(item.value), '');
  }
  return lines;
}

/** The requests (as many as fit in `budget` bytes: a large batch has many), the contract and a skeleton. */
function renderDryRun(dryRun: NonNullable<StepData['dryRun']>, budget: number): string[] {
  const many = dryRun.requests.length > 1;
  const blocks = dryRun.requests.map((request) => [
    ...(many ? [`**${escapeMarkdown(request.name)}**`, ''] : []),
    '```json',
    fence(JSON.stringify(request.body, null, 2)),
    '```',
    '',
  ]);
  const requests: string[] = [];
  const room = budget - NOTES_BYTES - byteLength([fence(dryRun.contract), fence(dryRun.skeleton)]);
  const shown = appendWithin(requests, blocks, room);
  if (shown < blocks.length) requests.push(leftOut(blocks.length - shown, 'requests are left out'), '');
  return [
    ...(blocks.length > 0 ? [`### Request${many ? 's' : ''} that would be sent`, '', ...requests] : []),
    '<details><summary>Contract and a ready-to-paste <code>inputs</code> block</summary>',
    '',
    '```text',
    fence(dryRun.contract),
    '```',
    '',
    '```yaml',
    fence(dryRun.skeleton),
    '```',
    '',
    '</details>',
    '',
  ];
}

function reusedText(run: RunData): string {
  const from = run.reusedFrom!;
  const when = from.createdAt ? `, created ${escapeMarkdown(from.createdAt)}` : '';
  const charged = from.creditsCharged !== undefined ? `, charged ${from.creditsCharged} credits then` : '';
  return `job ${code(from.jobId)}${when}${charged}; nothing charged now`;
}

function byteLength(lines: string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}

/** Text from the server shown as text: no markdown, no HTML, one line. */
function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_{}[\]()#+\-.!|~]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, ' ');
}

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function code(text: string): string {
  return `<code>${escapeAttribute(text)}</code>`;
}

/** Text shown as is in a code block: a fence inside it is broken up. */
function fence(text: string): string {
  return text.replace(/```/g, '`\u200b``');
}

/**
 * The step's error: one line as a quote; several (a validation error with the
 * contract's table) as a text block, so that the table's columns stay aligned.
 */
function errorBlock(text: string): string[] {
  if (!text.includes('\n')) return [quote(text)];
  return ['```text', fence(clip(text, BLOCK_CHARS)), '```'];
}

function quote(text: string): string {
  return clip(text, LINE_CHARS)
    .split(/\r?\n/)
    .map((line) => `> ${escapeMarkdown(line)}`)
    .join('\n');
}

function link(label: string, url: string): string {
  return `<a href="${escapeAttribute(url)}">${escapeAttribute(label)}</a>`;
}

function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
    return decodeURIComponent(last);
  } catch {
    return url;
  }
}

/** `100000 → 99930 credits`; only the balance before when the step sent nothing it could read again. */
function balanceText({ before, after }: NonNullable<StepData['balance']>): string {
  return after === undefined || after === before ? `${before} credits` : `${before} → ${after} credits`;
}
