import type { ArmoxClient } from '../armox/client.js';
import type { Job, Model, ModelRunRequest } from '../armox/types.js';
import { formatModelContract, isImagesKey, modelInputsSkeleton, prepareModelRun } from './model-contract.js';
import type { InputsSource, Preparation, PreparedRequest, RunTarget } from './target.js';
import type { Deadline } from '../core/timing.js';
import type { TargetInfo } from '../report/run-data.js';

/**
 * An Armox model as a RunTarget: one model execution per request, at a price
 * known up front (`cost`). `POST /models/run` may complete the job inline (200)
 * or hand back a job to poll (202); submit() returns either as a Job.
 */
export class ModelTarget implements RunTarget {
  readonly kind = 'model' as const;
  readonly id: string;
  readonly name: string;
  readonly title: string;
  readonly price?: number;
  readonly submitCall = 'POST /models/run';

  constructor(readonly model: Model) {
    this.id = model.id;
    this.name = model.name;
    this.title = `model ${model.id}${model.modality ? ` (${model.modality})` : ''}`;
    this.price = model.cost;
  }

  info(): TargetInfo {
    const modality = this.model.modality || undefined;
    return { kind: this.kind, id: this.id, name: this.name, title: this.title, modality };
  }

  /** `Model: Nano Banana (google/nano-banana, image, 4 credits a run)` */
  describe(): string {
    const modality = this.model.modality ? `, ${this.model.modality}` : '';
    const price = this.price !== undefined ? `, ${this.price} credits a run` : '';
    return `Model: ${this.name} (${this.id}${modality}${price})`;
  }

  prepare(sources: InputsSource[], webhookUrl?: string): Preparation {
    return prepareModelRun(this.model, sources, webhookUrl);
  }

  isImageInput(key: string): boolean {
    return isImagesKey(this.model, key);
  }

  contractTable(): string {
    return formatModelContract(this.model);
  }

  inputsSkeleton(): string {
    return modelInputsSkeleton(this.model);
  }

  /** A 200 answer is the completed job, outputs included: nothing to poll. A 202 answer is `processing`. */
  submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job> {
    // prepare() built the body as a ModelRunRequest.
    return client.runModel(request.body as ModelRunRequest, deadline);
  }

  ownsJob(job: Job): boolean {
    if (job.run_type !== undefined && job.run_type !== 'model') return false;
    return job.model_id === this.id;
  }

  jobInputs(job: Job): unknown {
    return job.input_data?.input;
  }
}
