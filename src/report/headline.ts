/** The status line the summary and the pull-request comment open with, and the icon of each run. */
import { formatDuration } from '../core/format.js';
import { kindNamed } from '../kinds/registry.js';
import { code, htmlText } from './markdown.js';
import type { Outcome, RunData, StepData } from './record.js';

const ICONS: Record<Outcome, string> = {
  completed: '✅',
  failed: '❌',
  cancelled: '🚫',
  'timed-out': '⏱️',
  submitted: '📨',
  running: '⏳',
  skipped: '⏭️',
  'dry-run': '🧪',
  error: '❌',
};

const WORDS: Record<Outcome, string> = {
  completed: 'completed',
  failed: 'failed',
  cancelled: 'cancelled',
  'timed-out': 'timed out',
  submitted: 'submitted (not waited for)',
  running: 'still running',
  skipped: 'skipped',
  'dry-run': 'dry run: nothing submitted',
  error: 'error',
};

/** The order the counts are told in, after "n of m completed". */
const COUNTED: Outcome[] = ['failed', 'error', 'timed-out', 'cancelled', 'skipped', 'running', 'submitted'];

/** A run's icon: its outcome's, or ⚠️ when it completed but its files were not delivered. */
export function runIcon(run: RunData): string {
  if (run.outcome === 'completed' && run.deliveryError) return '⚠️';
  return ICONS[run.outcome ?? 'running'];
}

/** The inputs were refused before anything was sent: the contract was recorded, no request. */
export function inputsRefused(step: StepData): boolean {
  return step.outcome === 'error' && step.dryRun !== undefined && step.dryRun.requests.length === 0;
}

/** `Armox · Poster Campaign (image model)`: what ran. */
export function targetTitle(step: StepData): string {
  const target = step.target;
  if (!target) return 'Armox run';
  const note = kindNamed(target.kind)?.titleNote(target);
  const kind = note ? ` (${htmlText(note)})` : '';
  return `Armox · ${target.name ? htmlText(target.name) : code(target.id)}${kind}`;
}

/**
 * `❌ Armox · Poster: 4 of 6 completed · 1 failed · 1 skipped · 800 credits`
 * for a batch; `✅ Armox · Poster: completed · 1000 credits · 1m35s` for one run.
 */
export function headline(step: StepData): string {
  const outcome = step.outcome ?? 'error';
  const parts = [inputsRefused(step) ? 'inputs invalid: nothing submitted, 0 credits' : WORDS[outcome]];
  if (step.perItem && step.runs.length > 1 && outcome !== 'dry-run') parts.splice(0, 1, ...batchCounts(step.runs));
  if (step.creditsCharged !== undefined && !inputsRefused(step)) parts.push(`${step.creditsCharged} credits`);
  const took = step.finishedAt !== undefined ? step.finishedAt - step.startedAt : 0;
  if (took >= 1000) parts.push(formatDuration(took));
  return `${ICONS[outcome]} ${targetTitle(step)}: ${parts.join(' · ')}`;
}

function batchCounts(runs: RunData[]): string[] {
  const count = (outcome: Outcome) => runs.filter((run) => run.outcome === outcome).length;
  const counts = [`${count('completed')} of ${runs.length} completed`];
  for (const outcome of COUNTED) {
    const n = count(outcome);
    if (n > 0) counts.push(`${n} ${WORDS[outcome]}`);
  }
  const undelivered = runs.filter((run) => run.outcome === 'completed' && run.deliveryError).length;
  if (undelivered > 0) counts.push(`${undelivered} undelivered`);
  const pending = runs.filter((run) => run.outcome === undefined).length;
  if (pending > 0) counts.push(`${pending} not started`);
  return counts;
}
