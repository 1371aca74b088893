import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ActionConfig } from './config.js';
import { downloadFiles } from './download.js';
import { plural } from './format.js';
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

/**
 * A completed job's files: downloaded to `download-dir` (or a scratch folder
 * when they are only needed for the release), then attached to the release.
 */
export async function deliverResults(
  config: ActionConfig,
  release: ReleaseTarget | undefined,
  context: RunContext,
): Promise<void> {
  const { log, outputs, report } = context;
  if (!config.downloadDir && !release) return;
  const urls = report.items.filter((item) => item.kind !== 'text').map((item) => item.value);
  if (urls.length === 0) {
    log.info('The job has no output files to download.');
    if (config.downloadDir) outputs.set('files', '[]');
    return;
  }
  const dir = config.downloadDir ?? (await mkdtemp(path.join(config.github.runnerTemp ?? tmpdir(), 'armox-')));
  const files = await log.group(`Downloading ${plural(urls.length, 'file')}`, () =>
    downloadFiles(urls, {
      dir,
      workspace: config.workspace,
      log,
      userAgent: USER_AGENT,
      signal: context.signal,
    }),
  );
  if (config.downloadDir) {
    report.files = files;
    outputs.set('files', JSON.stringify(files.map((file) => file.path)));
  }
  if (!release) return;
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
        userAgent: USER_AGENT,
      },
    ),
  );
  report.releaseAssets = assets;
  outputs.set('release-assets', JSON.stringify(assets));
}
