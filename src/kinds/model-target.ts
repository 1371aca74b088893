import type { ArmoxClient } from '../armox/client.js';
import type { Job, Model, ModelRunRequest } from '../armox/types.js';
import { formatModelContract, isImagesKey, modelInputsSkeleton, prepareModelRun } from './model-contract.js';
import type { JobMatcher, PreparedRequest } from './target.js';
import { BaseTarget } from './target-base.js';
import type { Deadline } from '../core/timing.js';

/** A model job's inputs as sent. */
export const modelJobInputs = (job: Job): unknown => job.input_data?.input;

/** Recognises the jobs of model `id`. */
export function modelJobs(id: string): JobMatcher {
  return {
    ownsJob: (job) => (job.run_type === undefined || job.run_type === 'model') && job.model_id === id,
    jobInputs: modelJobInputs,
  };
}

/**
 * An Armox model as a RunTarget: one model execution per request, at a price
 * known up front (`cost`). `POST /models/run` may complete the job inline (200)
 * or hand back a job to poll (202); submit() returns either as a Job.
 */
export class ModelTarget extends BaseTarget {
  constructor(readonly model: Model) {
    const modality = model.modality || undefined;
    const title = `model ${model.id}${modality ? ` (${modality})` : ''}`;
    const facts = {
      kind: 'model',
      id: model.id,
      name: model.name,
      title,
      price: model.cost,
      submitCall: 'POST /models/run',
    };
    super({ ...facts, extra: { modality } }, modelContract(model), modelJobs(model.id));
  }

  /** `Model: Nano Banana (google/nano-banana, image, 4 credits a run)` */
  describe(): string {
    const modality = this.model.modality ? `, ${this.model.modality}` : '';
    const price = this.price !== undefined ? `, ${this.price} credits a run` : '';
    return `Model: ${this.name} (${this.id}${modality}${price})`;
  }

  /** A 200 answer is the completed job, outputs included: nothing to poll. A 202 answer is `processing`. */
  submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job> {
    // prepare() built the body as a ModelRunRequest.
    return client.runModel(request.body as ModelRunRequest, deadline);
  }
}

function modelContract(model: Model) {
  return {
    prepare: (sources: Parameters<typeof prepareModelRun>[1], webhookUrl?: string) =>
      prepareModelRun(model, sources, webhookUrl),
    isImageInput: (key: string) => isImagesKey(model, key),
    table: () => formatModelContract(model),
    skeleton: () => modelInputsSkeleton(model),
  };
}
