import type { ArmoxClient } from '../armox/client.js';
import type { Job } from '../armox/types.js';
import { Output } from '../config/names.js';
import { CancelledError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Deadline } from '../core/timing.js';
import { AppTarget, appJobInputs, appJobs } from './app-target.js';
import { resolveApp } from './apps.js';
import type { RunKind } from './kind.js';

/** A run of an Armox app (`app-id` or `app-name`): outputs per node, under `output_data.node_outputs`. */
export const appKind: RunKind = {
  name: 'app',
  label: 'App',
  checking: 'Checking the app and its inputs',
  chosenBy: (config) => Boolean(config.appId || config.appName),
  load: async (config, client, deadline) => new AppTarget(resolveApp(await client.listApps(deadline), config)),
  // Any job no other kind claims: app jobs came first and may not say their run_type.
  isKindOf: () => true,
  /** Named by the name the job carries, else the app list's. */
  async followed(job, client, deadline, log) {
    if (!job.app_id) return undefined;
    const name = job.app_name ?? job.output_data?.app_name ?? (await appName(job.app_id, client, deadline, log));
    return { kind: 'app', id: job.app_id, name, title: `app "${name ?? job.app_id}"` };
  },
  jobInputs: appJobInputs,
  matcher: appJobs,
  rawOutputs: (job: Job) => job.output_data?.node_outputs ?? {},
  outputsField: 'output_data.node_outputs',
  outputsByNode: true,
  targetOutputs: (target) => [
    { name: Output.AppId, value: target.id },
    { name: Output.AppName, value: target.name },
  ],
  titleNote: () => undefined,
};

/** The app's name from the app list (one `GET /apps`), when the job does not carry it; undefined if it cannot be read. */
async function appName(id: string, client: ArmoxClient, deadline: Deadline, log: Logger): Promise<string | undefined> {
  try {
    return (await client.listApps(deadline)).find((app) => app.id === id)?.name;
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    log.debug(`The app of the job is named by its id: ${errorMessage(error)}`);
    return undefined;
  }
}
