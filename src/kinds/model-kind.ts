import type { Job, Model } from '../armox/types.js';
import { Output } from '../config/names.js';
import { CancelledError, errorMessage } from '../core/errors.js';
import type { RunKind } from './kind.js';
import { resolveModel } from './model-list.js';
import { ModelTarget, modelJobInputs, modelJobs } from './model-target.js';

/** A model job (flat `output_data`) rather than an app job (`output_data.node_outputs`). */
export function isModelJob(job: Job): boolean {
  if (job.run_type !== undefined && job.run_type !== null) return job.run_type === 'model';
  return typeof job.model_id === 'string' && job.model_id !== '' && typeof job.app_id !== 'string';
}

/** A run of an Armox model (`model`): outputs flat in `output_data`, a price known up front. */
export const modelKind: RunKind = {
  name: 'model',
  label: 'Model',
  checking: 'Checking the model and its inputs',
  chosenBy: (config) => Boolean(config.model),
  load: async (config, client, deadline) =>
    new ModelTarget(resolveModel(await client.listModels(deadline), config.model ?? '')),
  isKindOf: isModelJob,
  /** Named by its name and modality (one `GET /models`); without it, by its id. */
  async followed(job, client, deadline, log) {
    if (job.run_type !== 'model' || !job.model_id) return undefined;
    const id = job.model_id;
    let model: Model | undefined;
    try {
      model = (await client.listModels(deadline)).find((listed) => listed.id === id);
    } catch (error) {
      if (error instanceof CancelledError) throw error;
      log.debug(`The model of job ${job.id} is named by its id: ${errorMessage(error)}`);
    }
    return model ? new ModelTarget(model).info() : { kind: 'model', id, title: `model ${id}` };
  },
  jobInputs: modelJobInputs,
  matcher: modelJobs,
  rawOutputs: (job) => job.output_data ?? {},
  outputsField: 'output_data',
  outputsByNode: false,
  targetOutputs: (target) => [{ name: Output.Model, value: target.id }],
  titleNote: (target) => (target.modality ? `${target.modality} model` : 'model'),
};
