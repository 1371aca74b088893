import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ActionConfig } from '../config/config.js';
import { downloadFiles } from './download.js';
import { ActionError, CancelledError, DeliveryTimeoutError, errorMessage, TimeoutError } from '../core/errors.js';
import { plural } from '../core/format.js';
import type { PlannedRun } from '../execute/carry-out.js';
import type { DownloadedFile, RunRecord } from '../report/record.js';
import { resolveReleaseTarget, type ReleaseTarget } from './release.js';
import { uploadReleaseAssets } from './release-assets.js';
import type { RunContext } from '../core/run-context.js';
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
      eventPath: config.github.eventPath,
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
 */
export async function deliverRuns(
  runs: PlannedRun[],
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  deadline: Deadline,
  context: RunContext,
  incomplete: ActionError | undefined,
): Promise<void> {
  const perItem = context.record.isBatch;
  const assetNamesTaken = new Set<string>();
  const failed: string[] = [];
  for (const { record } of runs) {
    if (record.outcome !== 'completed') continue;
    const dir = config.downloadDir && (perItem ? path.join(config.downloadDir, record.name) : config.downloadDir);
    try {
      await deliverRun(
        record,
        { dir, assetPrefix: perItem ? `${record.name}-` : '', assetNamesTaken },
        config,
        release,
        deadline,
        context,
      );
    } catch (error) {
      // The deadline and a cancellation end the step; another item's failure does not stop this one.
      if (!perItem || error instanceof CancelledError || error instanceof TimeoutError) throw error;
      record.deliveryFailed(errorMessage(error));
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

/** Where one run's files go: its folder, and the prefix of its release asset names. */
export interface Destination {
  /** Absolute folder (download-dir, or download-dir/<item> in a batch); undefined when not kept. */
  dir?: string;
  /** `<item>-` in a batch, so assets of several runs do not clash. */
  assetPrefix: string;
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
  const label = run.name === '1' && !context.record.isBatch ? '' : ` of ${run.name}`;
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
 * A delivery failure, with how to fetch the files again without paying: the
 * job finished, so a run with its `job-id` delivers them at no cost. When only
 * the timeout ran out, the message says exactly that.
 */
function deliveryFailure(
  error: unknown,
  run: RunRecord,
  destination: Destination,
  release: ReleaseTarget | undefined,
  config: ActionConfig,
  context: RunContext,
): unknown {
  const jobId = run.jobId;
  if (!jobId) return error;
  const places = [
    destination.dir ? `download-dir: ${path.relative(config.workspace, config.downloadDir!) || '.'}` : '',
    release ? `upload-to-release: ${release.tag}` : '',
  ].filter(Boolean);
  const again = `run this action with job-id: ${jobId} and ${places.join(' and ')}`;
  context.record.addNextStep(
    `The job completed and was paid for; to fetch its files again without paying again, ${again}.`,
  );
  if (!(error instanceof DeliveryTimeoutError)) return error;
  return new DeliveryTimeoutError(
    `${error.message} Job ${jobId} finished in time (${run.status ?? 'completed'}); only delivering its files ran out of the timeout. ` +
      `To fetch them again without paying again, ${again} (and a longer timeout if the files are large).`,
  );
}
