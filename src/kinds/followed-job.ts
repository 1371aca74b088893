import type { ArmoxClient } from '../armox/client.js';
import type { Job, Model } from '../armox/types.js';
import { CancelledError, errorMessage } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { Deadline } from '../core/timing.js';
import type { TargetInfo } from '../report/run-data.js';
import { ModelTarget } from './model-target.js';

/**
 * What a job followed by id (`job-id`) ran, named as for a new run: a model by
 * its name and modality (one `GET /models`; without it, by its id), an app by
 * the name the job carries, else the app list's.
 */
export async function followedTarget(
  job: Job,
  client: ArmoxClient,
  deadline: Deadline,
  log: Logger,
): Promise<TargetInfo | undefined> {
  if (job.run_type === 'model' && job.model_id) {
    const id = job.model_id;
    let model: Model | undefined;
    try {
      model = (await client.listModels(deadline)).find((listed) => listed.id === id);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      log.debug(`The model of job ${job.id} is named by its id: ${errorMessage(error)}`);
    }
    return model ? new ModelTarget(model).info() : { kind: 'model', id, title: `model ${id}` };
  }
  if (!job.app_id) return undefined;
  const name = job.app_name ?? job.output_data?.app_name ?? (await appName(job.app_id, client, deadline, log));
  return { kind: 'app', id: job.app_id, name, title: `app "${name ?? job.app_id}"` };
}

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
