import * as path from 'node:path';
import type { ActionConfig } from '../config/config.js';
import { plural } from '../core/format.js';
import type { RunContext } from '../run.js';
import type { Deadline } from '../core/timing.js';
import { USER_AGENT } from '../core/version.js';
import { resolveReleaseTarget, type ReleaseTarget } from './release.js';
import { uploadReleaseAssets } from './release-assets.js';
import type { RunDelivery, RunSink } from './sink.js';

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

/** `<item>-` in a batch, so the assets of several runs do not clash. */
const prefixOf = (run: RunDelivery) => (run.item === undefined ? '' : `${run.item}-`);

/**
 * `upload-to-release`: the run's files become the release's assets, one at a
 * time, each recorded as soon as it is attached.
 */
export const releaseSink: RunSink = {
  name: 'upload-to-release',
  wanted: ({ release }) => Boolean(release),
  async deliver(run, { config, context, deadline, release, assetNamesTaken }) {
    const { log } = context;
    await log.group(`Uploading ${plural(run.files.length, 'file')}${run.label} to release ${release!.tag}`, () =>
      uploadReleaseAssets(
        release!,
        run.files.map((file) => {
          const absolutePath = path.resolve(config.workspace, file.path);
          return { absolutePath, name: prefixOf(run) + path.basename(absolutePath) };
        }),
        {
          token: config.githubToken ?? '',
          apiUrl: config.github.apiUrl,
          log,
          signal: context.signal,
          deadline,
          userAgent: USER_AGENT,
          onAssetUploaded: (url, name) => run.record.assetUploaded({ name, url }),
          taken: assetNamesTaken,
        },
      ),
    );
  },
  again(run, { release }) {
    // A run with job-id is a single run: its assets carry no item prefix.
    const prefix = prefixOf(run);
    const note = prefix ? `its release assets are then named without the "${prefix}" prefix` : undefined;
    return { input: `upload-to-release: ${release!.tag}`, note };
  },
};
