import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { downloadFiles } from './download.js';
import { refuseInnerHosts } from './output-hosts.js';
import { ActionError, CancelledError, DeliveryTimeoutError, errorMessage, TimeoutError } from '../core/errors.js';
import { plural } from '../core/format.js';
import type { RunRecord } from '../report/record.js';
import type { DeliveryOptions, RunDelivery, RunSink } from './sink.js';
import { runSinks } from './sinks.js';
import { USER_AGENT } from '../core/version.js';

export { findRelease } from './release-sink.js';

/** What `deliverRuns` takes besides the runs: `DeliveryOptions` without the step-wide asset names. */
export type DeliverRunsOptions = Omit<DeliveryOptions, 'assetNamesTaken'> & {
  /** Why the step is failing although some runs completed: thrown at the end, with any delivery failure. */
  incomplete?: ActionError;
};

/**
 * Every completed run's files, in run order, to every wanted per-run sink; a
 * batch gives each item its folder and asset prefix, and neither an item that
 * did not complete (`incomplete`, thrown at the end) nor one item's failed
 * delivery holds back the others' files. The deadline or a cancellation ends
 * delivery: the items not reached are recorded as not delivered, each with how
 * to fetch its files again.
 */
export async function deliverRuns(
  runs: { record: RunRecord }[],
  { incomplete, ...rest }: DeliverRunsOptions,
): Promise<void> {
  // One set for the whole step: a file of one item never replaces another item's asset.
  const options: DeliveryOptions = { ...rest, assetNamesTaken: new Set<string>() };
  const { naming } = options.context.record;
  const deliveryOf = (record: RunRecord): RunDelivery => ({
    record,
    item: naming.item(record.name),
    label: naming.of(record.name),
    files: [],
  });
  const sinks = runSinks().filter((sink) => sink.wanted(options));
  const completed = runs.map((run) => run.record).filter((record) => record.outcome === 'completed');
  const failed: string[] = [];
  for (const [index, record] of completed.entries()) {
    const run = deliveryOf(record);
    try {
      await deliverRun(run, sinks, options);
    } catch (error) {
      record.deliveryFailed(errorMessage(error));
      if (!naming.perItem) throw error;
      if (error instanceof CancelledError || error instanceof TimeoutError) {
        const notReached = completed.slice(index + 1).filter((next) => next.fileUrls.length > 0);
        throw deliveryStopped(error, record, notReached.map(deliveryOf), incomplete, { sinks, options });
      }
      // Another item's failure does not stop this one.
      failed.push(`- ${record.name}: ${errorMessage(error)}`);
    }
  }
  const undelivered = failed.length
    ? `The files of ${plural(failed.length, 'item')} could not be delivered:\n${failed.join('\n')}`
    : undefined;
  if (incomplete && undelivered) throw new ActionError(`${incomplete.message}\n${undelivered}`);
  if (incomplete) throw incomplete;
  if (undelivered) throw new ActionError(undelivered);
}

/**
 * A batch's delivery ended by the deadline (or a cancellation) at item
 * `stopped`: the step's error names it, and every item not reached is
 * recorded as not delivered, with how to fetch its files without paying again.
 */
function deliveryStopped(
  error: TimeoutError | CancelledError,
  stopped: RunRecord,
  notReached: RunDelivery[],
  incomplete: ActionError | undefined,
  where: { sinks: RunSink[]; options: DeliveryOptions },
): ActionError {
  const cause = error instanceof CancelledError ? 'the workflow was cancelled' : 'the timeout ran out';
  for (const run of notReached) {
    const again = fetchAgain(run, where.sinks, where.options);
    run.record.deliveryFailed(
      `Its files were not delivered: ${cause} before their turn. The job completed and was paid for; to fetch them without paying again, ${again}.`,
    );
  }
  const lines = [incomplete?.message, `Item "${stopped.name}": ${error.message}`];
  if (notReached.length > 0) {
    lines.push(
      `The files of ${plural(notReached.length, 'more item')} (${listed(notReached.map((run) => run.record.name))}) were not delivered either: ` +
        `${cause} before their turn. Each item's error-message in the results output says how to fetch them without paying again.`,
    );
    where.options.context.record.addNextStep(
      "To fetch the files of the items not delivered without paying again, run this action with each item's job-id and download-dir: <download-dir>/<item> (see each item's error-message in the results output).",
    );
  }
  const message = lines.filter(Boolean).join('\n');
  return error instanceof CancelledError ? new CancelledError(message) : new DeliveryTimeoutError(message);
}

/** Item names for a message: the first few, then how many more (a batch can have hundreds). */
function listed(names: string[], shown = 10): string {
  const more = names.length - shown;
  return more > 0 ? `${names.slice(0, shown).join(', ')} and ${more} more` : names.join(', ');
}

/**
 * A completed run's files: saved to the folder a sink keeps them in (or a
 * scratch folder when no sink does), then handed to every sink, all within
 * what is left of the deadline. Each file is told to the sinks as soon as it
 * is saved, so it stays in the outputs when a later one fails.
 */
async function deliverRun(run: RunDelivery, sinks: RunSink[], options: DeliveryOptions): Promise<void> {
  if (sinks.length === 0) return;
  const folder = sinks.map((sink) => sink.folder?.(run, options)).find((dir) => dir !== undefined);
  const { config, context } = options;
  const urls = run.record.fileUrls;
  if (urls.length === 0) {
    context.log.info(`The job${run.label} has no output files to download.`);
    return;
  }
  try {
    const dir = folder ?? (await mkdtemp(path.join(config.github.runnerTemp ?? tmpdir(), 'armox-')));
    await refuseInnerHosts(urls, config.apiUrl);
    run.files = await context.log.group(`Downloading ${plural(urls.length, 'file')}${run.label}`, () =>
      downloadFiles(urls, {
        dir,
        workspace: config.workspace,
        log: context.log,
        userAgent: USER_AGENT,
        signal: context.signal,
        deadline: options.deadline,
        onFileSaved: (file) => {
          for (const sink of sinks) sink.fileSaved?.(run, file);
        },
      }),
    );
    for (const sink of sinks) await sink.deliver(run, options);
  } catch (error) {
    throw deliveryFailure(error, run, sinks, options);
  }
}

/**
 * How to fetch a completed run's files again without paying: a run with its
 * `job-id` delivers them at no cost, to the places they were meant for.
 */
function fetchAgain(run: RunDelivery, sinks: RunSink[], options: DeliveryOptions): string {
  const places = sinks.map((sink) => sink.again(run, options));
  const notes = places.flatMap((place) => (place.note ? [place.note] : []));
  const extra = notes.length > 0 ? ` (${notes.join('; ')})` : '';
  return `run this action with job-id: ${run.record.jobId} and ${places.map((place) => place.input).join(' and ')}${extra}`;
}

/**
 * A delivery failure, with how to fetch the files again without paying. When
 * only the timeout ran out, the message says exactly that.
 */
function deliveryFailure(error: unknown, run: RunDelivery, sinks: RunSink[], options: DeliveryOptions): unknown {
  const { record } = run;
  if (!record.jobId) return error;
  const again = fetchAgain(run, sinks, options);
  const whose = run.item !== undefined ? `The job of item "${record.name}"` : 'The job';
  options.context.record.addNextStep(
    `${whose} completed and was paid for; to fetch its files again without paying again, ${again}.`,
  );
  if (!(error instanceof DeliveryTimeoutError)) return error;
  return new DeliveryTimeoutError(
    `${error.message} Job ${record.jobId} finished in time (${record.status ?? 'completed'}); only delivering its files ran out of the timeout. ` +
      `To fetch them again without paying again, ${again} (and a longer timeout if the files are large).`,
  );
}
