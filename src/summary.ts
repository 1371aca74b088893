import { formatBytes, formatDuration } from './format.js';
import type { OutputItem } from './job-outputs.js';
import type { Outcome, RunReport } from './report.js';

const HEADLINES: Record<Outcome, string> = {
  completed: '✅ completed',
  failed: '❌ failed',
  cancelled: '🚫 cancelled',
  'timed-out': '⏱️ timed out',
  submitted: '📨 submitted (not waited for)',
  running: '⏳ still running',
  'dry-run': '🧪 dry run: nothing submitted',
  error: '❌ error',
};

/**
 * The `$GITHUB_STEP_SUMMARY` section for one run, as GitHub-flavoured markdown.
 * Everything that came from the server is escaped: a job's error text or an
 * output value cannot inject markup or links of its own.
 */
export function renderSummary(report: RunReport): string {
  const outcome = report.outcome ?? 'error';
  const title = report.appName ? `Armox · ${escapeMarkdown(report.appName)}` : 'Armox app run';
  const lines: string[] = [`## ${title}: ${HEADLINES[outcome]}`, ''];

  const facts: Array<[string, string]> = [];
  if (report.appId) facts.push(['App id', code(report.appId)]);
  if (report.jobId) facts.push(['Job id', code(report.jobId)]);
  if (report.status) facts.push(['Status', code(report.status)]);
  if (report.creditsCharged !== undefined) facts.push(['Credits charged', String(report.creditsCharged)]);
  if (report.finishedAt !== undefined) facts.push(['Duration', formatDuration(report.finishedAt - report.startedAt)]);
  if (facts.length > 0) {
    lines.push('| | |', '| --- | --- |', ...facts.map(([k, v]) => `| ${k} | ${v} |`), '');
  }

  if (report.errorMessage && outcome !== 'completed') {
    lines.push('**Error**', '', quote(report.errorMessage), '');
  }
  if (report.nextSteps.length > 0) {
    lines.push('**What to do next**', '', ...report.nextSteps.map((step) => `- ${escapeMarkdown(step)}`), '');
  }

  lines.push(...renderOutputs(report.items));

  if (report.files.length > 0) {
    lines.push('### Downloaded files', '', '| File | Size |', '| --- | --- |');
    for (const file of report.files) lines.push(`| ${code(file.path)} | ${formatBytes(file.bytes)} |`);
    lines.push('');
  }
  if (report.releaseAssets.length > 0) {
    lines.push('### Release assets', '', ...report.releaseAssets.map((url) => `- ${link(fileName(url), url)}`), '');
  }

  if (report.dryRun) {
    lines.push(
      '### Request that would be sent',
      '',
      '```json',
      JSON.stringify(report.dryRun.request, null, 2).replace(/```/g, '`\u200b``'),
      '```',
      '',
      '<details><summary>App contract and a ready-to-paste <code>inputs</code> block</summary>',
      '',
      '```text',
      report.dryRun.contract.replace(/```/g, '`\u200b``'),
      '```',
      '',
      '```yaml',
      report.dryRun.skeleton.replace(/```/g, '`\u200b``'),
      '```',
      '',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}

function renderOutputs(items: OutputItem[]): string[] {
  if (items.length === 0) return [];
  const lines = ['### Outputs', ''];
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
