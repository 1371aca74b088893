import { kindChosenBy } from '../kinds/registry.js';
import type { ActionConfig } from '../config/config.js';
import { InputError, type FileProblem } from '../core/errors.js';
import type { PlannedRun, RunContext } from '../run.js';
import { mapLocalImages } from './local-images.js';
import { describeMappings } from './repo-files.js';
import type { InputsSource, PreparedRequest, RunTarget } from '../kinds/target.js';
import type { Deadline } from '../core/timing.js';
import type { BatchItem } from './run-inputs.js';

/**
 * Finds what the step runs — the app (by id or name) or the model — and
 * records it. When it is not found, the problems already known with the runs'
 * inputs are listed too, so that fixing one does not only reveal the next.
 */
export async function loadTarget(config: ActionConfig, deadline: Deadline, context: RunContext): Promise<RunTarget> {
  const { client, log, record } = context;
  const kind = kindChosenBy(config);
  return log.group(kind.checking, async () => {
    let target: RunTarget;
    try {
      target = await kind.load(config, client, deadline);
    } catch (error) {
      const known = config.runInputs.problems;
      if (!(error instanceof InputError) || known.length === 0) throw error;
      const fileProblems = config.runInputs.annotations;
      throw new InputError(`${error.message}\n\nThe runs' inputs have problems too:\n${list(known)}`, fileProblems);
    }
    record.targetKnown(target.info());
    log.info(target.describe());
    return target;
  });
}

/**
 * The runs of the step, each checked against the target's contract before
 * anything is submitted: the single run, or every item of the batch. When any
 * run has a problem — in its contract, its item name, or a document that could
 * not be read — nothing is submitted and every problem is listed at once.
 */
export async function planRuns(config: ActionConfig, target: RunTarget, context: RunContext): Promise<PlannedRun[]> {
  const { shared, items, problems: readProblems, unreadable } = config.runInputs;
  const runs = items ?? [undefined];
  context.record.planned(config.batchGiven && runs.length > 1);
  const records = runs.map((item) => context.record.addRun(item?.name ?? '1'));
  // Without a shared source, every run would be checked without values it has: no check beats a wrong one.
  const checked = unreadable.length > 0 ? undefined : await checkRuns(config, target, context, shared, runs);
  const contractProblems = checked?.problems ?? [];
  if (readProblems.length > 0 || contractProblems.length > 0) {
    // A single run's unreadable `inputs` is its only problem; a batch's items deserve the reason they were not checked.
    const uncheckedBecause = config.batchGiven && runs.length > 0 ? unreadable : [];
    const found = { readProblems, contractProblems, uncheckedBecause, fileProblems: config.runInputs.annotations };
    throw inputsFailure(found, target, runs.length);
  }
  return runs.map((_, index) => {
    const request = checked!.requests[index]!;
    records[index]!.prepared(request.inputs);
    return { record: records[index]!, request };
  });
}

/** Each run's request (local image paths mapped) checked against the contract; every problem named by its source. */
async function checkRuns(
  config: ActionConfig,
  target: RunTarget,
  context: RunContext,
  shared: InputsSource[],
  runs: Array<BatchItem | undefined>,
): Promise<{ requests: Array<PreparedRequest | undefined>; problems: string[] }> {
  const problems = new Set<string>();
  const local = await mapLocalImages(
    runs.map((item) => (item ? [...shared, item.source] : shared)),
    {
      workspace: config.workspace,
      sha: config.github.sha,
      repository: config.github.repository,
      serverUrl: config.github.serverUrl,
      eventPayload: context.event,
    },
    (key) => target.isImageInput(key),
  );
  local.problems.forEach((problem) => problems.add(problem));
  for (const line of describeMappings(local.mappings)) context.log.info(`Image from the repository: ${line}`);

  const warnings = new Set<string>();
  const requests = runs.map((item, index) => {
    const sources = local.runs[index]!;
    const preparation = target.prepare(sources, config.webhookUrl);
    preparation.problems.forEach((problem) => problems.add(item ? namingItem(problem, sources, item) : problem));
    preparation.warnings.forEach((warning) => warnings.add(warning));
    return preparation.request;
  });
  for (const warning of warnings) context.log.warning(warning);
  return { requests, problems: [...problems] };
}

/**
 * Why nothing is submitted: the problems reading the runs' documents (names,
 * syntax), why the contract was not checked when it could not be (the shared
 * inputs it needs could not be read), and the problems against the contract,
 * with the contract itself.
 */
function inputsFailure(
  found: {
    readProblems: string[];
    contractProblems: string[];
    uncheckedBecause: string[];
    fileProblems: FileProblem[];
  },
  target: RunTarget,
  runCount: number,
): InputError {
  const { readProblems, contractProblems, uncheckedBecause } = found;
  const sections: string[] = [];
  if (readProblems.length > 0) {
    const count = readProblems.length;
    sections.push(count === 1 ? readProblems[0]! : `The runs' inputs have ${count} problems:\n${list(readProblems)}`);
  }
  if (uncheckedBecause.length > 0) {
    sections.push(
      `The items were not checked against the contract of ${target.title}: every item includes ` +
        `${uncheckedBecause.join(' and ')}, which could not be read.`,
    );
  }
  if (contractProblems.length > 0) {
    const what = runCount > 1 ? `The batch's ${runCount} runs do not` : 'The inputs do not';
    sections.push(`${what} match the contract of ${target.title}:\n${list(contractProblems)}`, target.contractTable());
  }
  sections.push('Nothing was submitted and no credits were spent.');
  return new InputError(sections.join('\n\n'), found.fileProblems);
}

function list(problems: string[]): string {
  return problems.map((problem) => `- ${problem}`).join('\n');
}

/** A problem that names no source (a missing required input) is the item's: say which, or items' problems merge. */
function namingItem(problem: string, sources: InputsSource[], item: BatchItem): string {
  return sources.some((source) => problem.startsWith(`${source.name}:`)) ? problem : `${item.source.name}: ${problem}`;
}
