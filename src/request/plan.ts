import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { AppTarget } from '../target/app-target.js';
import { resolveApp } from '../target/apps.js';
import type { ActionConfig } from '../config/config.js';
import { errorMessage, InputError } from '../core/errors.js';
import type { PlannedRun } from '../execute/carry-out.js';
import { mapLocalImages } from './local-images.js';
import { resolveModel } from '../target/model-list.js';
import { describeMappings } from './repo-files.js';
import { ModelTarget } from '../target/model-target.js';
import { Input } from '../config/names.js';
import type { RunContext } from '../core/run-context.js';
import type { InputsSource, RunTarget } from '../target/target.js';
import type { Deadline } from '../core/timing.js';
import { parseBatch, parseInputsMapping, type BatchItem } from './yaml-input.js';

/** Finds what the step runs — the app (by id or name) or the model — and records it. */
export async function loadTarget(config: ActionConfig, deadline: Deadline, context: RunContext): Promise<RunTarget> {
  const { client, log, record } = context;
  const title = config.model ? 'Checking the model and its inputs' : 'Checking the app and its inputs';
  return log.group(title, async () => {
    const target = config.model
      ? new ModelTarget(resolveModel(await client.listModels(deadline), config.model))
      : new AppTarget(resolveApp(await client.listApps(deadline), config));
    const modality = target instanceof ModelTarget ? target.model.modality || undefined : undefined;
    record.targetKnown({ kind: target.kind, id: target.id, name: target.name, title: target.title, modality });
    if (target instanceof ModelTarget) {
      const price = target.price !== undefined ? `, ${target.price} credits a run` : '';
      log.info(`Model: ${target.name} (${target.id}${modality ? `, ${modality}` : ''}${price})`);
    } else {
      log.info(`App: ${target.name} (${target.id})`);
    }
    return target;
  });
}

/**
 * The runs of the step, each checked against the target's contract before
 * anything is submitted: the single run, or every item of the batch. When any
 * run has a problem, nothing is submitted and every problem is listed at once.
 */
export async function planRuns(
  config: ActionConfig,
  target: RunTarget,
  event: unknown,
  context: RunContext,
): Promise<PlannedRun[]> {
  const shared: InputsSource[] = [];
  if (config.inputsFile) {
    shared.push(parseInputsMapping(fileLabel(Input.InputsFile, config), await readInput(Input.InputsFile, config)));
  }
  shared.push(parseInputsMapping(Input.Inputs, config.inputs));
  const items = config.isBatch ? await readBatch(config) : [undefined];
  context.record.isBatch = config.isBatch && items.length > 1;

  const problems = new Set<string>();
  const local = await mapLocalImages(
    items.map((item) => (item ? [...shared, item.source] : shared)),
    {
      workspace: config.workspace,
      sha: config.github.sha,
      repository: config.github.repository,
      serverUrl: config.github.serverUrl,
      eventPayload: event,
    },
    (key) => target.isImageInput(key),
  );
  local.problems.forEach((problem) => problems.add(problem));
  for (const line of describeMappings(local.mappings)) context.log.info(`Image from the repository: ${line}`);

  const warnings = new Set<string>();
  const runs: PlannedRun[] = [];
  items.forEach((item, index) => {
    const sources = local.runs[index]!;
    const preparation = target.prepare(sources, config.webhookUrl);
    preparation.problems.forEach((problem) => problems.add(item ? namingItem(problem, sources, item) : problem));
    preparation.warnings.forEach((warning) => warnings.add(warning));
    const record = context.record.addRun(item?.name ?? '1');
    if (preparation.request) {
      record.inputs = preparation.request.inputs;
      runs.push({ record, request: preparation.request });
    }
  });
  for (const warning of warnings) context.log.warning(warning);
  if (problems.size > 0) {
    const what = items.length > 1 ? `The batch's ${items.length} runs do not` : 'The inputs do not';
    throw new InputError(
      `${what} match the contract of ${target.title}:\n` +
        [...problems].map((problem) => `- ${problem}`).join('\n') +
        `\n\n${target.contractTable()}\n\nNothing was submitted and no credits were spent.`,
    );
  }
  return runs;
}

/** A problem that names no source (a missing required input) is the item's: say which, or items' problems merge. */
function namingItem(problem: string, sources: InputsSource[], item: BatchItem): string {
  return sources.some((source) => problem.startsWith(`${source.name}:`)) ? problem : `${item.source.name}: ${problem}`;
}

async function readBatch(config: ActionConfig): Promise<BatchItem[]> {
  if (config.batchFile) {
    const text = await readInput(Input.BatchFile, config);
    return parseBatch(fileLabel(Input.BatchFile, config), text, /\.jsonl$/i.test(config.batchFile));
  }
  return parseBatch(Input.Batch, config.batch ?? '');
}

/** `inputs-file (renders.yml)`: how errors name a file input. */
function fileLabel(name: typeof Input.InputsFile | typeof Input.BatchFile, config: ActionConfig): string {
  const file = name === Input.InputsFile ? config.inputsFile! : config.batchFile!;
  return `${name} (${path.relative(config.workspace, file) || file})`;
}

async function readInput(
  name: typeof Input.InputsFile | typeof Input.BatchFile,
  config: ActionConfig,
): Promise<string> {
  const file = name === Input.InputsFile ? config.inputsFile! : config.batchFile!;
  const shown = path.relative(config.workspace, file) || file;
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      `${name}: cannot read ${shown}${code === 'ENOENT' ? ' (no such file; the path is relative to the workspace)' : ` (${code ?? errorMessage(error)})`}.`,
    );
  }
}
