import type { ArmoxClient } from '../armox/client.js';
import type { Job } from '../armox/types.js';
import type { Logger } from '../core/log.js';
import { isObject } from '../core/text.js';
import type { Deadline } from '../core/timing.js';
import type { TargetInfo } from './target.js';
import { kindOfJob } from './registry.js';

/** What a job followed by id (`job-id`) ran, named as for a new run, and its inputs as sent. */
export async function followedTarget(
  job: Job,
  client: ArmoxClient,
  deadline: Deadline,
  log: Logger,
): Promise<{ target?: TargetInfo; inputs?: Record<string, unknown> }> {
  const kind = kindOfJob(job);
  const target = await kind.followed(job, client, deadline, log);
  const inputs = kind.jobInputs(job);
  return { target, inputs: isObject(inputs) ? inputs : undefined };
}
