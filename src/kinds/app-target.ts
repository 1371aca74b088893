import type { ArmoxClient } from '../armox/client.js';
import { buildRequestInputs, formatContract, inputsSkeleton, isImageKey } from './app-contract.js';
import type { App, Job, RunRequest } from '../armox/types.js';
import type { InputsSource, Preparation, PreparedRequest, RunTarget } from './target.js';
import type { Deadline } from '../core/timing.js';
import type { TargetInfo } from '../report/run-data.js';

/** An Armox app: its inputs contract decides what a run may send. */
export class AppTarget implements RunTarget {
  readonly kind = 'app';
  readonly submitCall = 'POST /apps/run';
  readonly price = undefined;

  constructor(readonly app: App) {}

  get id(): string {
    return this.app.id;
  }

  get name(): string {
    return this.app.name;
  }

  get title(): string {
    return `app "${this.app.name}" (${this.app.id})`;
  }

  info(): TargetInfo {
    return { kind: this.kind, id: this.id, name: this.name, title: this.title };
  }

  describe(): string {
    return `App: ${this.name} (${this.id})`;
  }

  prepare(sources: InputsSource[], webhookUrl?: string): Preparation {
    const { inputs, problems, warnings } = buildRequestInputs(this.app, sources);
    if (problems.length > 0) return { problems, warnings };
    const body: RunRequest = { app_id: this.app.id, inputs, ...(webhookUrl ? { webhook_url: webhookUrl } : {}) };
    return { request: { body: { ...body }, inputs }, problems, warnings };
  }

  isImageInput(key: string): boolean {
    return isImageKey(this.app, key);
  }

  contractTable(): string {
    return formatContract(this.app);
  }

  inputsSkeleton(): string {
    return inputsSkeleton(this.app);
  }

  submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job> {
    return client.runApp(request.body as unknown as RunRequest, deadline);
  }

  ownsJob(job: Job): boolean {
    return job.run_type !== 'model' && job.app_id === this.app.id;
  }

  jobInputs(job: Job): unknown {
    return job.input_data?.inputs ?? null;
  }
}
