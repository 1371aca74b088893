import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ActionConfig } from '../config/config.js';
import { downloadFiles } from './download.js';
import { refuseInnerHosts } from './output-hosts.js';
import { ActionError, CancelledError, DeliveryTimeoutError, errorMessage, TimeoutError } from '../core/errors.js';
import { plural } from '../core/format.js';
import type { PlannedRun, RunContext } from '../run.js';
import type { DownloadedFile, RunRecord } from '../report/record.js';
import { resolveReleaseTarget, type ReleaseTarget } from './release.js';
import { uploadReleaseAssets } from './release-assets.js';
import type { Deadline } from '../core/timing.js';
import { USER_AGENT } from '../core/version.js';

/** The release that will receive the files, when `upload-to-release` asks for one. */
export async function findRelease(
  config: ActionConfig,
  context: RunContext,
  deadline: Deadline,
): Promise<ReleaseTarget | undefined> {
  if (!config.uploadToRelease || config.dryRun) return undefined;
  return context.log.group('Checking the release', async () => {
    const target = await resolveReleaseTarget({
      upload: config.uploadToRelease!,
      token: config.githubToken,
      apiUrl: config.github.apiUrl,
      repository: config.github.repository,
      eventName: config.github.eventName,
      eventPayload: context.event,
      log: context.log,
      signal: context.signal,
      deadline,
      userAgent: USER_AGENT,
    });
    const draft = target.draft ? ' (a draft: publish it after this step)' : '';
    context.log.info(`Files will be attached to release ${target.tag}${draft} (${target.htmlUrl}).`);
    return target;
  });
}

/**
 * Every completed run's files, in run order; a batch gives each item its folder
 * and asset prefix, and neither an item that did not complete (`incomplete`,
 * thrown at the end) nor one item's failed delivery holds back the others' files.
 * The deadline or a cancellation ends delivery: the items not reached are
 * recorded as not delivered, each with how to fetch its files again.
 */
export async function deliverRuns(
  runs: PlannedRun[],
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  deadline: Deadline,
  context: RunContext,
  incomplete: ActionError | undefined,
): Promise<void> {
  const perItem = context.record.perItem;
  // One set for the whole step: a file of one item never replaces another item's asset.
  const assetNamesTaken = new Set<string>();
  const completed = runs.map((run) => run.record).filter((record) => record.outcome === 'completed');
  const failed: string[] = [];
  for (const [index, record] of completed.entries()) {
    const destination = destinationOf(record, config, perItem);
    try {
      await deliverRun(record, { ...destination, assetNamesTaken }, config, release, deadline, context);
    } catch (error) {
      record.deliveryFailed(errorMessage(error));
      if (!perItem) throw error;
      if (error instanceof CancelledError || error instanceof TimeoutError) {
        const notReached = completed.slice(index + 1).filter((next) => next.fileUrls.length > 0);
        throw deliveryStopped(error, record, notReached, incomplete, { config, release, context });
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

function destinationOf(record: RunRecord, config: ActionConfig, perItem: boolean): Place {
  return {
    dir: config.downloadDir && (perItem ? path.join(config.downloadDir, record.name) : config.downloadDir),
    assetPrefix: perItem ? `${record.name}-` : '',
  };
}

/**
 * A batch's delivery ended by the deadline (or a cancellation) at item
 * `stopped`: the step's error names it, and every item not reached is
 * recorded as not delivered, with how to fetch its files without paying again.
 */
function deliveryStopped(
  error: TimeoutError | CancelledError,
  stopped: RunRecord,
  notReached: RunRecord[],
  incomplete: ActionError | undefined,
  where: { config: ActionConfig; release: ReleaseTarget | undefined; context: RunContext },
): ActionError {
  const cause = error instanceof CancelledError ? 'the workflow was cancelled' : 'the timeout ran out';
  for (const record of notReached) {
    const again = fetchAgain(record, destinationOf(record, where.config, true), where.release, where.config);
    record.deliveryFailed(
      `Its files were not delivered: ${cause} before their turn. The job completed and was paid for; to fetch them without paying again, ${again}.`,
    );
  }
  const lines = [incomplete?.message, `Item "${stopped.name}": ${error.message}`];
  if (notReached.length > 0) {
    lines.push(
      `The files of ${plural(notReached.length, 'more item')} (${listed(notReached.map((record) => record.name))}) were not delivered either: ` +
        `${cause} before their turn. Each item's error-message in the results output says how to fetch them without paying again.`,
    );
    where.context.record.addNextStep(
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

/** Where one run's files go: its folder, and the prefix of its release asset names. */
interface Place {
  /** Absolute folder (download-dir, or download-dir/<item> in a batch); undefined when not kept. */
  dir?: string;
  /** `<item>-` in a batch, so assets of several runs do not clash. */
  assetPrefix: string;
}

export interface Destination extends Place {
  /** The asset names the step's runs have given so far: a later run never replaces one. */
  assetNamesTaken: Set<string>;
}

/**
 * A completed run's files: downloaded to its folder (or a scratch folder when
 * they are only needed for the release), then attached to the release, all
 * within what is left of `deadline`. Each file and asset is recorded as soon as
 * it is done, so it stays in the outputs when a later one fails.
 */
async function deliverRun(
  run: RunRecord,
  destination: Destination,
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  deadline: Deadline,
  context: RunContext,
): Promise<void> {
  if (!destination.dir && !release) return;
  if (destination.dir) run.expectFiles();
  const label = run.name === '1' && !context.record.perItem ? '' : ` of ${run.name}`;
  const urls = run.fileUrls;
  if (urls.length === 0) {
    context.log.info(`The job${label} has no output files to download.`);
    return;
  }
  try {
    const dir = destination.dir ?? (await mkdtemp(path.join(config.github.runnerTemp ?? tmpdir(), 'armox-')));
    const files = await download(run, urls, dir, destination, config, deadline, context, label);
    if (release) await upload(run, files, destination, release, config, deadline, context, label);
  } catch (error) {
    throw deliveryFailure(error, run, destination, release, config, context);
  }
}

async function download(
  run: RunRecord,
  urls: string[],
  dir: string,
  destination: Destination,
  config: ActionConfig,
  deadline: Deadline,
  context: RunContext,
  label: string,
): Promise<DownloadedFile[]> {
  const { log } = context;
  await refuseInnerHosts(urls, config.apiUrl);
  const files = await log.group(`Downloading ${plural(urls.length, 'file')}${label}`, () =>
    downloadFiles(urls, {
      dir,
      workspace: config.workspace,
      log,
      userAgent: USER_AGENT,
      signal: context.signal,
      deadline,
      onFileSaved: (file) => {
        if (destination.dir) run.fileSaved(file);
      },
    }),
  );
  return files;
}

async function upload(
  run: RunRecord,
  files: DownloadedFile[],
  destination: Destination,
  release: ReleaseTarget,
  config: ActionConfig,
  deadline: Deadline,
  context: RunContext,
  label: string,
): Promise<void> {
  const { log } = context;
  await log.group(`Uploading ${plural(files.length, 'file')}${label} to release ${release.tag}`, () =>
    uploadReleaseAssets(
      release,
      files.map((file) => {
        const absolutePath = path.resolve(config.workspace, file.path);
        return { absolutePath, name: destination.assetPrefix + path.basename(absolutePath) };
      }),
      {
        token: config.githubToken ?? '',
        apiUrl: config.github.apiUrl,
        log,
        signal: context.signal,
        deadline,
        userAgent: USER_AGENT,
        onAssetUploaded: (url, name) => run.assetUploaded({ name, url }),
        taken: destination.assetNamesTaken,
      },
    ),
  );
}

/**
 * How to fetch a completed run's files again without paying: a run with its
 * `job-id` delivers them at no cost, into the folder they were meant for.
 */
function fetchAgain(
  run: RunRecord,
  destination: Place,
  release: ReleaseTarget | undefined,
  config: ActionConfig,
): string {
  const places = [
    destination.dir
      ? `download-dir: ${path.relative(config.workspace, destination.dir).split(path.sep).join('/') || '.'}`
      : '',
    release ? `upload-to-release: ${release.tag}` : '',
  ].filter(Boolean);
  // A run with job-id is a single run: its assets carry no item prefix.
  const prefix =
    release && destination.assetPrefix
      ? ` (its release assets are then named without the "${destination.assetPrefix}" prefix)`
      : '';
  return `run this action with job-id: ${run.jobId} and ${places.join(' and ')}${prefix}`;
}

/**
 * A delivery failure, with how to fetch the files again without paying. When
 * only the timeout ran out, the message says exactly that.
 */
function deliveryFailure(
  error: unknown,
  run: RunRecord,
  destination: Destination,
  release: ReleaseTarget | undefined,
  config: ActionConfig,
  context: RunContext,
): unknown {
  if (!run.jobId) return error;
  const again = fetchAgain(run, destination, release, config);
  const whose = destination.assetPrefix ? `The job of item "${run.name}"` : 'The job';
  context.record.addNextStep(
    `${whose} completed and was paid for; to fetch its files again without paying again, ${again}.`,
  );
  if (!(error instanceof DeliveryTimeoutError)) return error;
  return new DeliveryTimeoutError(
    `${error.message} Job ${run.jobId} finished in time (${run.status ?? 'completed'}); only delivering its files ran out of the timeout. ` +
      `To fetch them again without paying again, ${again} (and a longer timeout if the files are large).`,
  );
}
