import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ActionConfig } from './config.js';
import { downloadFiles } from './download.js';
import { plural } from './format.js';
import type { RunRecord } from './record.js';
import { resolveReleaseTarget, uploadReleaseAssets, type ReleaseTarget } from './release.js';
import type { RunContext } from './run-context.js';
import { USER_AGENT } from './version.js';

/** The release that will receive the files, when `upload-to-release` asks for one. */
export async function findRelease(config: ActionConfig, context: RunContext): Promise<ReleaseTarget | undefined> {
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
    });
    context.log.info(`Files will be attached to release ${target.tag} (${target.htmlUrl}).`);
    return target;
  });
}

/** Where one run's files go: its folder, and the prefix of its release asset names. */
export interface Destination {
  /** Absolute folder (download-dir, or download-dir/<item> in a batch); undefined when not kept. */
  dir?: string;
  /** `<item>-` in a batch, so assets of several runs do not clash. */
  assetPrefix: string;
}

/**
 * A completed run's files: downloaded to its folder (or a scratch folder when
 * they are only needed for the release), then attached to the release.
 */
export async function deliverRun(
  run: RunRecord,
  destination: Destination,
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  context: RunContext,
): Promise<void> {
  const { log } = context;
  if (!destination.dir && !release) return;
  if (destination.dir) run.expectFiles();
  const urls = run.fileUrls;
  const label = run.name === '1' && !context.record.isBatch ? '' : ` of ${run.name}`;
  if (urls.length === 0) {
    log.info(`The job${label} has no output files to download.`);
    return;
  }
  const dir = destination.dir ?? (await mkdtemp(path.join(config.github.runnerTemp ?? tmpdir(), 'armox-')));
  const files = await log.group(`Downloading ${plural(urls.length, 'file')}${label}`, () =>
    downloadFiles(urls, {
      dir,
      workspace: config.workspace,
      log,
      userAgent: USER_AGENT,
      signal: context.signal,
    }),
  );
  if (destination.dir) for (const file of files) run.fileSaved(file);
  if (!release) return;
  const assets = await log.group(`Uploading ${plural(files.length, 'file')}${label} to release ${release.tag}`, () =>
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
        userAgent: USER_AGENT,
      },
    ),
  );
  for (const url of assets) run.assetUploaded({ name: decodeURIComponent(url.split('/').pop() ?? url), url });
}
