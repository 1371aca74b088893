import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ActionConfig } from './config.js';
import { downloadFiles } from './download.js';
import { DeliveryTimeoutError } from './errors.js';
import { plural } from './format.js';
import { resolveReleaseTarget, uploadReleaseAssets, type ReleaseTarget } from './release.js';
import type { DownloadedFile } from './report.js';
import type { RunContext } from './run-context.js';
import type { Deadline } from './timing.js';
import { USER_AGENT } from './version.js';

/** The release that will receive the files, when `upload-to-release` asks for one. */
export async function findRelease(
  config: ActionConfig,
  context: RunContext,
  deadline?: Deadline,
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
 * A completed job's files: downloaded to `download-dir` (or a scratch folder
 * when they are only needed for the release), then attached to the release,
 * all within what is left of `deadline`. Files and assets are recorded as
 * each one is done, so they stay in the outputs when a later one fails.
 */
export async function deliverResults(
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  context: RunContext,
  deadline?: Deadline,
): Promise<void> {
  const { log, outputs, report } = context;
  if (!config.downloadDir && !release) return;
  const urls = report.items.filter((item) => item.kind !== 'text').map((item) => item.value);
  if (urls.length === 0) {
    log.info('The job has no output files to download.');
    if (config.downloadDir) outputs.set('files', '[]');
    return;
  }
  try {
    const dir = config.downloadDir ?? (await mkdtemp(path.join(config.github.runnerTemp ?? tmpdir(), 'armox-')));
    const files = await download(urls, dir, config, context, deadline);
    if (release) await upload(files, release, config, context, deadline);
  } catch (error) {
    throw deliveryFailure(error, config, release, context);
  }
}

async function download(
  urls: string[],
  dir: string,
  config: ActionConfig,
  context: RunContext,
  deadline: Deadline | undefined,
): Promise<DownloadedFile[]> {
  const { log, outputs, report } = context;
  const saved: DownloadedFile[] = [];
  const record = (files: DownloadedFile[]) => {
    if (!config.downloadDir) return;
    report.files = files;
    outputs.set('files', JSON.stringify(files.map((file) => file.path)));
  };
  const files = await log.group(`Downloading ${plural(urls.length, 'file')}`, () =>
    downloadFiles(urls, {
      dir,
      workspace: config.workspace,
      log,
      userAgent: USER_AGENT,
      signal: context.signal,
      deadline,
      onFileSaved: (file) => {
        saved.push(file);
        // In URL order, whichever finished first.
        record(urls.flatMap((url) => saved.filter((item) => item.url === url)));
      },
    }),
  );
  record(files);
  return files;
}

async function upload(
  files: DownloadedFile[],
  release: ReleaseTarget,
  config: ActionConfig,
  context: RunContext,
  deadline: Deadline | undefined,
): Promise<void> {
  const { log, outputs, report } = context;
  const uploaded: string[] = [];
  const assets = await log.group(`Uploading ${plural(files.length, 'file')} to release ${release.tag}`, () =>
    uploadReleaseAssets(
      release,
      files.map((file) => {
        const absolutePath = path.resolve(config.workspace, file.path);
        return { absolutePath, name: path.basename(absolutePath) };
      }),
      {
        token: config.githubToken ?? '',
        apiUrl: config.github.apiUrl,
        log,
        signal: context.signal,
        deadline,
        userAgent: USER_AGENT,
        onAssetUploaded: (url) => {
          uploaded.push(url);
          report.releaseAssets = [...uploaded];
          outputs.set('release-assets', JSON.stringify(uploaded));
        },
      },
    ),
  );
  report.releaseAssets = assets;
  outputs.set('release-assets', JSON.stringify(assets));
}

/**
 * A delivery failure, with how to fetch the files again without paying: the
 * job finished, so a run with its `job-id` delivers them at no cost. When only
 * the timeout ran out, the message says exactly that.
 */
function deliveryFailure(
  error: unknown,
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  context: RunContext,
): unknown {
  const { report } = context;
  const jobId = report.jobId;
  if (!jobId) return error;
  const places = [
    config.downloadDir ? `download-dir: ${path.relative(config.workspace, config.downloadDir) || '.'}` : '',
    release ? `upload-to-release: ${release.tag}` : '',
  ].filter(Boolean);
  const again = `run this action with job-id: ${jobId} and ${places.join(' and ')}`;
  report.nextSteps.push(`The job completed and was paid for; to fetch its files again without paying again, ${again}.`);
  if (!(error instanceof DeliveryTimeoutError)) return error;
  report.outcome = 'timed-out';
  return new DeliveryTimeoutError(
    `${error.message} Job ${jobId} finished in time (${report.status ?? 'completed'}); only delivering its files ran out of the timeout. ` +
      `To fetch them again without paying again, ${again} (and a longer timeout if the files are large).`,
  );
}
