/** A batch in the summary: its problems first, a gallery of every item, the runs table folded. */
import { formatDuration } from '../core/format.js';
import { clip } from '../core/text.js';
import { runIcon } from './headline.js';
import { byteLength, fileName, htmlText, inline, link, shortId } from './markdown.js';
import { problemOf, type RunData, type StepData } from './record.js';

/** Thumbnails per gallery row: five 150 px cells fill GitHub's 910 px page. */
const COLUMNS = 5;
const THUMB_PX = 150;

/** A line of server text (an item's problem) shows at most this many characters. */
const LINE_CHARS = 600;

/** A text output's excerpt in a gallery cell. */
const EXCERPT_CHARS = 80;

/** What the gallery and the table may take of a batch summary: 100 items stay under 30,000 characters. */
const GALLERY_SHARE = 0.55;
const BATCH_SOFT_LIMIT = 28_000;

/** `- ❌ **c**: the job failed: …`, one wrapped bullet per item that did not give its results. */
export function renderProblems(runs: RunData[], budget: number): string[] {
  const failing = runs.filter((run) => problemOf(run) !== undefined);
  if (failing.length === 0) return [];
  const bullets = lazy(
    failing,
    (run) => `- ${runIcon(run)} <b>${htmlText(run.name)}</b>: ${inline(clip(problemOf(run)!, LINE_CHARS))}`,
  );
  const lines = ['### Problems', ''];
  const shown = appendWithin(lines, bullets, budget);
  if (shown < failing.length) lines.push(`- _${failing.length - shown} more: every item is in the results output._`);
  return [...lines, ''];
}

/**
 * The gallery (every item's first output, captioned with its icon and name)
 * and the runs table, folded when every run completed. Each takes a share of
 * a budget of about 28,000 characters (or `budget`, when smaller); what does not
 * fit is said, and is in the results output.
 */
export function renderBatch(step: StepData, budget: number): string[] {
  const room = Math.min(budget, BATCH_SOFT_LIMIT);
  const lines = gallery(step.runs, room * GALLERY_SHARE);
  const allCompleted = step.runs.every((run) => run.outcome === 'completed' && !run.deliveryError);
  const table = runsTable(step.runs, room - byteLength(lines));
  if (allCompleted) lines.push('<details><summary>Runs</summary>', '', ...table, '</details>', '');
  else lines.push('### Runs', '', ...table);
  const reused = step.runs.flatMap((run) =>
    run.reusedFrom ? [`- ${inline(run.name)}: reused ${reusedText(run)}`] : [],
  );
  if (reused.length > 0) {
    const list: string[] = [];
    const shown = appendWithin(list, reused, budget - byteLength(lines));
    lines.push(
      '**Reused jobs**',
      '',
      ...list,
      ...(shown < reused.length ? [`- _${reused.length - shown} more_`] : []),
      '',
    );
  }
  const assets = step.runs.flatMap((run) => run.releaseAssets.map((asset) => link(asset.name, asset.url)));
  if (assets.length > 0) {
    const list: string[] = [];
    const shown = appendWithin(list, [assets.join(' · ')], budget - byteLength(lines));
    lines.push(
      '**Release assets**',
      '',
      ...list,
      ...(shown ? [] : [`_${assets.length} assets: see the release._`]),
      '',
    );
  }
  return lines;
}

/** The gallery of `runs` (the first `limit` of them), as many rows as fit in `budget` bytes. */
export function gallery(runs: RunData[], budget: number, limit = runs.length): string[] {
  const cells: string[] = [];
  let used = 0;
  for (const run of runs.slice(0, limit)) {
    const next = cell(run);
    if (used + next.length + 10 > budget) break;
    cells.push(next);
    used += next.length + 10;
  }
  const shown = cells.length;
  const rows: string[] = [];
  for (let at = 0; at < cells.length; at += COLUMNS) rows.push(`<tr>${cells.slice(at, at + COLUMNS).join('')}</tr>`);
  if (rows.length === 0) return [];
  const more = shown < limit ? [`_${limit - shown} more items are in the table below._`, ''] : [];
  return ['<table>', ...rows, '</table>', '', ...more];
}

/** One gallery cell: a linked thumbnail (or a link to a video, a file, a text excerpt), then icon and name. */
function cell(run: RunData): string {
  const caption = `${runIcon(run)} ${htmlText(run.name)}`;
  const first = run.items.find((item) => item.kind !== 'text');
  const text = run.items.find((item) => item.kind === 'text');
  let preview = '';
  if (first?.kind === 'image') {
    const url = htmlText(first.value);
    preview = `<a href="${url}"><img src="${url}" width="${THUMB_PX}" alt="${htmlText(run.name)}"></a><br>`;
  } else if (first) {
    const icon = first.kind === 'video' ? '🎬' : first.kind === 'audio' ? '🔊' : '📄';
    preview = `${icon} ${link(clip(fileName(first.value), 24), first.value)}<br>`;
  } else if (text) {
    preview = `<sub>${htmlText(clip(text.value.replace(/\s+/g, ' '), EXCERPT_CHARS))}</sub><br>`;
  }
  return `<td align="center" valign="top">${preview}${caption}</td>`;
}

/** `| ✅ | shot-1 | 10 | 1m2s | <code>0f3a9c1e</code> |`: one row per run, as many as fit. */
function runsTable(runs: RunData[], budget: number): string[] {
  const lines = ['| | Item | Credits | Duration | Job |', '| --- | --- | --- | --- | --- |'];
  const rows = lazy(runs, (run) => {
    const took = run.startedAt !== undefined && run.finishedAt !== undefined ? run.finishedAt - run.startedAt : 0;
    const notes = [run.reusedFrom ? 'reused' : '', run.deliveryError ? 'files not delivered' : '']
      .filter(Boolean)
      .map((note) => ` (${note})`)
      .join('');
    const job = run.jobId ? shortId(run.jobId) : '';
    return `| ${runIcon(run)} | ${inline(run.name)}${notes} | ${run.creditsCharged ?? ''} | ${took >= 1000 ? formatDuration(took) : ''} | ${job} |`;
  });
  const shown = appendWithin(lines, rows, budget);
  lines.push('');
  if (shown < runs.length)
    lines.push(
      `_${runs.length - shown} more items are left out of this table; every item is in the results output._`,
      '',
    );
  return lines;
}

/** Appends lines (made as needed: a batch can be 20,000 runs) while the total stays within `budget` bytes; returns how many fit. */
function appendWithin(lines: string[], blocks: Iterable<string>, budget: number): number {
  let used = byteLength(lines);
  let count = 0;
  for (const block of blocks) {
    if (used + Buffer.byteLength(block) + 1 > budget) break;
    lines.push(block);
    used += Buffer.byteLength(block) + 1;
    count += 1;
  }
  return count;
}

/** `job <code>0f3a…</code>, created …, charged 40 credits then; nothing charged now`. */
export function reusedText(run: RunData): string {
  const from = run.reusedFrom!;
  const when = from.createdAt ? `, created ${inline(from.createdAt)}` : '';
  const charged = from.creditsCharged !== undefined ? `, charged ${from.creditsCharged} credits then` : '';
  return `job ${shortId(from.jobId)}${when}${charged}; nothing charged now`;
}

/** `list` mapped one at a time, as a loop asks for them. */
function* lazy<T>(list: T[], map: (item: T) => string): Iterable<string> {
  for (const item of list) yield map(item);
}
