import { kindNamed } from '../kinds/registry.js';
import { fileUrlsOf } from './job-outputs.js';
import { Output, type OutputName } from '../config/names.js';
import {
  fitJsonList,
  fitLines,
  fitResults,
  megabytes,
  OUTPUT_LIMIT_BYTES,
  outputBytes,
  type Fitted,
  type ResultEntry,
} from './output-limits.js';
import { oneLine } from '../core/text.js';
import {
  problemOf,
  runCharge,
  runStatus,
  singleRunOf,
  type Outcome,
  type RunData,
  type TargetInfo,
} from './run-data.js';

/** What the outputs are derived from: the step's record, read only. */
export interface StepView {
  target?: TargetInfo;
  runs: readonly RunData[];
  perItem: boolean;
  outcome?: Outcome;
  errorMessage?: string;
  manifestPath?: string;
  checksumsPath?: string;
  rehearsal: boolean;
  /** The step has ended: every JSON list output is set, `[]` when unused. */
  listsSettled?: boolean;
}

/** Every output that can be set now, and for each one cut to fit, what it left out and where that is instead. */
export interface StepOutputs {
  values: Map<OutputName, string>;
  cuts: Map<OutputName, string>;
}

/** An output before fitting: a plain value (set whole or not at all), or a list that keeps what fits. */
type Plain = { name: OutputName; value: string | number | undefined };
type List = { name: OutputName; fit: (limit: number) => Fitted; elsewhere: string };
type Candidate = Plain | List;

/**
 * The step's outputs, derived from its record alone. GitHub allows 1 MB for
 * all of a job's outputs together, so they share one budget: the plain values
 * first (each set whole, or left unset when it does not fit), then the lists,
 * smallest first, each keeping what fits in its fair share of what is left
 * (what a list does not need passes on to the larger ones), then the raw
 * `outputs` object in what remains.
 */
export function stepOutputs(step: StepView, only?: ReadonlySet<OutputName>, limit = OUTPUT_LIMIT_BYTES): StepOutputs {
  const out: StepOutputs = { values: new Map(), cuts: new Map() };
  let left = limit;
  const all = candidates(step).filter((candidate) => !only || only.has(candidate.name));
  const plain = all.filter((candidate): candidate is Plain => !('fit' in candidate));
  const lists = all.filter((candidate): candidate is List => 'fit' in candidate);
  for (const candidate of plain.filter((c) => c.name !== Output.Outputs)) left -= setPlain(out, candidate, left);
  const whole = new Map(lists.map((list) => [list, list.fit(Infinity)]));
  lists.sort((a, b) => whole.get(a)!.value.length - whole.get(b)!.value.length);
  lists.forEach((list, index) => {
    const share = Math.floor(left / (lists.length - index)) - outputBytes(list.name);
    const all = whole.get(list)!;
    const fitted = outputBytes(all.value) <= share ? all : list.fit(share);
    if (fitted.leftOut) out.cuts.set(list.name, `${fitted.leftOut}. ${list.elsewhere}`);
    out.values.set(list.name, fitted.value);
    left -= outputBytes(list.name) + outputBytes(fitted.value);
  });
  for (const candidate of plain.filter((c) => c.name === Output.Outputs)) setPlain(out, candidate, left);
  return out;
}

/** Sets a plain value if it fits in `left`; returns the bytes it took. */
function setPlain(out: StepOutputs, { name, value }: Plain, left: number): number {
  if (value === undefined) return 0;
  const text = String(value);
  const bytes = outputBytes(name) + outputBytes(text);
  if (bytes > left) {
    out.cuts.set(name, `it would be ${megabytes(outputBytes(text))}, so it is not set.`);
    return 0;
  }
  out.values.set(name, text);
  return bytes;
}

function candidates(step: StepView): Candidate[] {
  const { runs } = step;
  const single = singleRunOf(step);
  const list: Candidate[] = [...targetOutputs(step)];
  // Once any run was accepted, skipped or refused, every run has its entry (a skipped run too).
  const anyRun = runs.some((run) => run.jobId || run.outcome);
  if (anyRun) list.push({ name: Output.CreditsCharged, value: charged(runs) });
  // The step ended before any run got that far (refused inputs, an unknown app): nothing was charged.
  else if (step.outcome !== undefined) list.push({ name: Output.CreditsCharged, value: 0 });
  list.push({ name: Output.Manifest, value: step.manifestPath });
  list.push({ name: Output.Checksums, value: step.checksumsPath });
  list.push({ name: Output.Rehearsal, value: String(step.rehearsal) });
  if (single) list.push(...singleOutputs(single));
  else if (step.perItem) list.push(...batchOutputs(runs));
  if (anyRun) {
    const ids = runs.flatMap((run) => (run.jobId ? [run.jobId] : []));
    list.push(listOf(Output.JobIds, ids, 'job ids', 'Every job id is in the manifest.'));
  }
  list.push(errorOutput(step, single));
  list.push(...deliveryOutputs(single ? [single] : step.perItem ? runs : []));
  if (anyRun) {
    let results: ResultEntry[] | undefined;
    const elsewhere = "Every item's output URLs, files and error message are in the manifest.";
    list.push({ name: Output.Results, fit: (limit) => fitResults((results ??= runs.map(resultOf)), limit), elsewhere });
  }
  if (single?.outcome && single.rawOutputs !== undefined)
    list.push({ name: Output.Outputs, value: JSON.stringify(single.rawOutputs) });
  if (step.listsSettled) {
    for (const name of LIST_OUTPUTS) if (!list.some((c) => c.name === name)) list.push({ name, value: '[]' });
  }
  return list;
}

/** The outputs that hold a JSON list: always set once the step ended, so `fromJSON` of them parses. */
const LIST_OUTPUTS: readonly OutputName[] = [Output.Files, Output.ReleaseAssets, Output.OutputUrls, Output.JobIds];

function targetOutputs({ target }: StepView): Candidate[] {
  return target ? (kindNamed(target.kind)?.targetOutputs(target) ?? []) : [];
}

function singleOutputs(run: RunData): Candidate[] {
  const list: Candidate[] = [
    { name: Output.JobId, value: run.jobId },
    { name: Output.Status, value: runStatus(run) },
  ];
  if (run.outcome) list.push({ name: Output.OutputUrl, value: fileUrlsOf(run.items)[0] ?? '' });
  if (run.jobId || run.knownNotReused) list.push({ name: Output.Reused, value: String(run.reusedFrom !== undefined) });
  return list;
}

function batchOutputs(runs: readonly RunData[]): Candidate[] {
  const list: Candidate[] = [];
  if (runs.some((run) => run.rawOutputs !== undefined)) {
    const first = runs.map((run) => fileUrlsOf(run.items)[0]).find((url) => url !== undefined);
    list.push({ name: Output.OutputUrl, value: first ?? '' });
  }
  if (runs.every((run) => run.outcome !== undefined)) list.push({ name: Output.Status, value: batchStatus(runs) });
  if (runs.some((run) => run.jobId || run.knownNotReused))
    list.push({ name: Output.Reused, value: String(runs.every((run) => run.reusedFrom !== undefined)) });
  return list;
}

/** `output-urls` (once a run ended with outputs), `files` and `release-assets`, over `runs`. */
function deliveryOutputs(runs: readonly RunData[]): Candidate[] {
  const list: Candidate[] = [];
  const ended = runs.length === 1 ? runs[0]!.outcome !== undefined : runs.some((run) => run.rawOutputs !== undefined);
  // Set (to [] without outputs) whenever a single run ended, so a later `fromJSON` of it always parses.
  if (ended) {
    const urls = runs.flatMap((run) => fileUrlsOf(run.items));
    list.push(listOf(Output.OutputUrls, urls, 'URLs', 'Every URL is in the manifest.'));
  }
  if (runs.some((run) => run.files)) {
    const paths = runs.flatMap((run) => (run.files ?? []).map((file) => file.path));
    list.push(listOf(Output.Files, paths, 'paths', 'Every file is in the manifest.'));
  }
  const assets = runs.flatMap((run) => run.releaseAssets.map((asset) => asset.url));
  if (assets.length) list.push(listOf(Output.ReleaseAssets, assets, 'URLs', 'Every asset is in the manifest.'));
  return list;
}

function errorOutput(step: StepView, single: RunData | undefined): Candidate {
  if (!step.perItem || single) return { name: Output.ErrorMessage, value: single?.errorMessage ?? step.errorMessage };
  const lines = batchErrors(step.runs);
  if (!lines.length) return { name: Output.ErrorMessage, value: step.errorMessage };
  const elsewhere = "Every item's error message is in the manifest.";
  return { name: Output.ErrorMessage, fit: (limit) => fitLines(lines, limit), elsewhere };
}

function listOf(name: OutputName, items: string[], noun: string, elsewhere: string): Candidate {
  return { name, fit: (limit) => fitJsonList(items, noun, limit), elsewhere };
}

function charged(runs: readonly RunData[]): number {
  return runs.reduce((sum, run) => sum + (run.creditsCharged ?? 0), 0);
}

/** One entry of the `results` output. */
function resultOf(run: RunData): ResultEntry {
  return {
    name: run.name,
    'job-id': run.jobId ?? null,
    // No job (skipped, or the submission failed): the outcome stands in for the job's status.
    status: runStatus(run) ?? null,
    'credits-charged': runCharge(run),
    'output-urls': fileUrlsOf(run.items),
    files: (run.files ?? []).map((file) => file.path),
    'error-message': problemOf(run) ?? null,
    reused: run.reusedFrom !== undefined,
  };
}

/**
 * A batch's `status`: `completed` when every item completed and was delivered,
 * `failed` when any was not, and `processing` while the rest were left running
 * (wait: false).
 */
function batchStatus(runs: readonly RunData[]): string {
  if (runs.some((run) => run.deliveryError)) return 'failed';
  if (runs.every((run) => run.outcome === 'completed')) return 'completed';
  const leftRunning = (run: RunData) => ['completed', 'submitted', 'running'].includes(run.outcome!);
  return runs.every(leftRunning) ? 'processing' : 'failed';
}

/**
 * One line per item that failed, was skipped, or whose files were not
 * delivered, for `error-message`: `<name>: <outcome> (<its results
 * error-message>)`, or `<name>: <its results error-message>` for a completed item.
 */
function batchErrors(runs: readonly RunData[]): string[] {
  return runs.flatMap((run) => {
    const found = problemOf(run);
    if (found === undefined) return [];
    // One line per item, whatever line breaks Armox's error text holds.
    const problem = oneLine(found);
    return [run.outcome === 'completed' ? `${run.name}: ${problem}` : `${run.name}: ${run.outcome} (${problem})`];
  });
}
