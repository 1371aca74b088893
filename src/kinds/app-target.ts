import type { ArmoxClient } from '../armox/client.js';
import { buildRequestInputs, formatContract, inputsSkeleton, isImageKey } from './app-contract.js';
import type { App, Job, RunRequest } from '../armox/types.js';
import type { JobMatcher, PreparedRequest } from './target.js';
import { BaseTarget, type Contract } from './target-base.js';
import type { Deadline } from '../core/timing.js';

/** An app job's inputs as sent. */
export const appJobInputs = (job: Job): unknown => job.input_data?.inputs ?? null;

/** Recognises the jobs of app `id`. */
export function appJobs(id: string): JobMatcher {
  return { ownsJob: (job) => job.run_type !== 'model' && job.app_id === id, jobInputs: appJobInputs };
}

/** An Armox app: its inputs contract decides what a run may send. */
export class AppTarget extends BaseTarget {
  constructor(readonly app: App) {
    const title = `app "${app.name}" (${app.id})`;
    super(
      { kind: 'app', id: app.id, name: app.name, title, submitCall: 'POST /apps/run' },
      appContract(app),
      appJobs(app.id),
    );
  }

  describe(): string {
    return `App: ${this.name} (${this.id})`;
  }

  submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job> {
    return client.runApp(request.body as unknown as RunRequest, deadline);
  }
}

function appContract(app: App): Contract {
  return {
    prepare(sources, webhookUrl) {
      const { inputs, problems, warnings } = buildRequestInputs(app, sources);
      if (problems.length > 0) return { problems, warnings };
      const body: RunRequest = { app_id: app.id, inputs, ...(webhookUrl ? { webhook_url: webhookUrl } : {}) };
      return { request: { body: { ...body }, inputs }, problems, warnings };
    },
    isImageInput: (key) => isImageKey(app, key),
    table: () => formatContract(app),
    skeleton: () => inputsSkeleton(app),
  };
}
