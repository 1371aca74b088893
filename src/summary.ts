import { formatBytes, formatDuration } from './format.js';
import type { OutputItem } from './job-outputs.js';
import type { Outcome, RunData, StepData } from './record.js';

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
export const SUMMARY_BUDGET_BYTES = 900 * 1024;

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
  const single = step.runs.length === 1 ? step.runs[0] : undefined;

  const facts: Array<[string, string]> = [];
  if (target) facts.push([target.kind === 'app' ? 'App id' : 'Model', code(target.id)]);
  if (single?.jobId) facts.push(['Job id', code(single.jobId)]);
  if (single?.status) facts.push(['Status', code(single.status)]);
  if (single?.reusedFrom) facts.push(['Reused', reusedText(single)]);
  if (step.creditsCharged !== undefined) facts.push(['Credits charged', String(step.creditsCharged)]);
  if (step.finishedAt !== undefined) facts.push(['Duration', formatDuration(step.finishedAt - step.startedAt)]);
  if (facts.length > 0) lines.push('| | |', '| --- | --- |', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '');

  if (step.errorMessage && outcome !== 'completed') lines.push('**Error**', '', quote(step.errorMessage), '');
  if (step.nextSteps.length > 0) {
    lines.push('**What to do next**', '', ...step.nextSteps.map((next) => `- ${escapeMarkdown(next)}`), '');
  }
  for (const note of step.notes) lines.push(`> ${escapeMarkdown(note)}`, '');

  if (single && !step.isBatch) lines.push(...renderRun(single, '###'));
  else if (step.runs.length > 0) lines.push(...renderBatch(step.runs, SUMMARY_BUDGET_BYTES - byteLength(lines)));
  if (step.dryRun) lines.push(...renderDryRun(step.dryRun));
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

/** One table of every item, then each item's previews while they fit in `budget` bytes. */
function renderBatch(runs: RunData[], budget: number): string[] {
  const lines = ['### Runs', '', '| Item | Status | Credits | Duration | Job |', '| --- | --- | --- | --- | --- |'];
  for (const run of runs) {
    const duration =
      run.startedAt !== undefined && run.finishedAt !== undefined ? formatDuration(run.finishedAt - run.startedAt) : '';
    const status = run.outcome === 'skipped' ? 'skipped' : (run.status ?? run.outcome ?? '');
    const reused = run.reusedFrom ? ` (reused ${code(run.reusedFrom.jobId)})` : '';
    lines.push(
      `| ${escapeMarkdown(run.name)} | ${escapeMarkdown(status)}${reused} | ${run.creditsCharged ?? ''} | ${duration} | ${run.jobId ? code(run.jobId) : ''} |`,
    );
  }
  lines.push('');
  const failed = runs.filter((run) => run.errorMessage && run.outcome !== 'completed');
  if (failed.length > 0) {
    lines.push(
      '**Problems**',
      '',
      ...failed.map((run) => `- ${escapeMarkdown(`${run.name}: ${run.errorMessage}`)}`),
      '',
    );
  }
  let used = byteLength(lines);
  let shown = 0;
  for (const run of runs) {
    const section = renderRun(run, '####');
    if (section.length === 0) continue;
    const block = [`### ${escapeMarkdown(run.name)}`, '', ...section];
    const size = byteLength(block);
    if (used + size > budget) break;
    lines.push(...block);
    used += size;
    shown += 1;
  }
  const withOutputs = runs.filter((run) => renderRun(run, '####').length > 0).length;
  if (shown < withOutputs) {
    lines.push(
      `_The previews of ${withOutputs - shown} more items are left out to keep this summary under GitHub's 1 MiB limit; their URLs are in the results output._`,
      '',
    );
  }
  return lines;
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

function renderDryRun(dryRun: NonNullable<StepData['dryRun']>): string[] {
  const fence = (text: string) => text.replace(/```/g, '`\u200b``');
  const requests = dryRun.requests.flatMap((request) => [
    ...(dryRun.requests.length > 1 ? [`**${escapeMarkdown(request.name)}**`, ''] : []),
    '```json',
    fence(JSON.stringify(request.body, null, 2)),
    '```',
    '',
  ]);
  return [
    `### Request${dryRun.requests.length > 1 ? 's' : ''} that would be sent`,
    '',
    ...requests,
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
export function escapeMarkdown(text: string): string {
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

function quote(text: string): string {
  const clipped = text.length > 2000 ? `${text.slice(0, 2000)}…` : text;
  return clipped
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
