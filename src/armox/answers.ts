/**
 * The API's answers read into the action's types: the apps, the models, the
 * jobs. Each keeps what the action relies on and skips list entries it cannot
 * use; an answer of the wrong shape is a transient ApiError naming the call.
 */
import type { App, AppInput, Job, Model, ModelSetting, SettingOption, SettingValue } from './types.js';
import { ApiError } from '../core/errors.js';
import { isObject } from '../core/text.js';

/** An answer that is not what the call returns, as an ApiError naming the call. */
export function malformed(call: string, what: string): ApiError {
  return new ApiError(`${call} failed: the API sent ${what}.`, call, undefined, true);
}

/** Reads `GET /apps`, keeping what the action relies on and skipping entries it cannot use. */
export function parseAppList(body: unknown): App[] {
  const data = isObject(body) ? body.data : undefined;
  if (!Array.isArray(data)) throw malformed('GET /apps', 'a body without a "data" list of apps');
  const apps: App[] = [];
  for (const item of data) {
    if (!isObject(item) || typeof item.id !== 'string' || typeof item.name !== 'string') continue;
    const inputs: AppInput[] = [];
    for (const input of Array.isArray(item.inputs) ? item.inputs : []) {
      if (!isObject(input) || typeof input.id !== 'string' || input.id === '') continue;
      inputs.push({
        id: input.id,
        type: typeof input.type === 'string' ? input.type : 'text',
        label: typeof input.label === 'string' && input.label.trim() ? input.label : input.id,
        required: input.required === true,
        targetHandle: typeof input.targetHandle === 'string' ? input.targetHandle : undefined,
        allowMultiple: input.allowMultiple === true,
      });
    }
    apps.push({
      id: item.id,
      name: item.name,
      description: typeof item.description === 'string' ? item.description : undefined,
      inputs,
    });
  }
  return apps;
}

/**
 * Where a setting's choices may be: the reference shows none, so its field name
 * is not known. `options` first; the others are common spellings.
 */
const OPTION_FIELDS = ['options', 'values', 'choices'] as const;

/** Reads `GET /models`, keeping what the action relies on and skipping entries it cannot use. */
export function parseModelList(body: unknown): Model[] {
  const data = isObject(body) ? body.data : undefined;
  if (!Array.isArray(data)) throw malformed('GET /models', 'a body without a "data" list of models');
  return data.flatMap((item) => {
    const model = parseModel(item);
    return model ? [model] : [];
  });
}

function parseModel(item: unknown): Model | undefined {
  if (!isObject(item) || typeof item.id !== 'string' || item.id.trim() === '') return undefined;
  const settings: ModelSetting[] = [];
  const seen = new Set<string>();
  for (const entry of Array.isArray(item.settings) ? item.settings : []) {
    const setting = parseSetting(entry);
    // Two settings under one key could not both be sent: keep the first.
    if (setting && !seen.has(setting.key)) {
      seen.add(setting.key);
      settings.push(setting);
    }
  }
  const inputTypes = Array.isArray(item.inputTypes)
    ? item.inputTypes.filter((type): type is string => typeof type === 'string').map((type) => type.toLowerCase())
    : undefined;
  return {
    id: item.id,
    name: nonEmptyString(item.name) ?? item.id,
    modality: nonEmptyString(item.modality) ?? '',
    cost: typeof item.cost === 'number' && Number.isFinite(item.cost) && item.cost >= 0 ? item.cost : undefined,
    inputTypes,
    promptRequired: item.promptRequired === true,
    outputType: nonEmptyString(item.outputType),
    description: nonEmptyString(item.description),
    settings,
  };
}

function parseSetting(entry: unknown): ModelSetting | undefined {
  if (!isObject(entry)) return undefined;
  const key = nonEmptyString(entry.key);
  if (key === undefined) return undefined;
  const field = OPTION_FIELDS.find((name) => Array.isArray(entry[name]));
  const options = field ? parseOptions(entry[field] as unknown[]) : undefined;
  return {
    key,
    label: nonEmptyString(entry.label) ?? key,
    inputType: nonEmptyString(entry.inputType)?.toLowerCase() ?? (options ? 'select' : 'text'),
    defaultValue: entry.defaultValue ?? undefined,
    // An empty or unreadable list says nothing about what is allowed: no check then.
    options: options && options.length > 0 ? options : undefined,
  };
}

/** Options as plain values (`"1:1"`) or objects (`{value: "1:1", label: "Square"}`). */
function parseOptions(list: unknown[]): SettingOption[] {
  const options: SettingOption[] = [];
  for (const item of list) {
    if (isSettingValue(item)) {
      options.push({ value: item });
    } else if (isObject(item) && isSettingValue(item.value)) {
      const label = nonEmptyString(item.label) ?? nonEmptyString(item.name);
      options.push(
        label !== undefined && label !== String(item.value) ? { value: item.value, label } : { value: item.value },
      );
    }
  }
  return options;
}

function isSettingValue(value: unknown): value is SettingValue {
  return (
    typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))
  );
}

function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Reads `GET /jobs`, skipping entries that are not jobs. */
export function parseJobList(body: unknown): Job[] {
  const data = isObject(body) ? body.data : undefined;
  if (!Array.isArray(data)) throw malformed('GET /jobs', 'a body without a "data" list of jobs');
  return data.flatMap((item) => {
    try {
      return [parseJob(item, 'GET /jobs')];
    } catch {
      return [];
    }
  });
}

/** Checks that an answer is a job: an object with a string `id` and `status`. */
export function parseJob(body: unknown, call: string): Job {
  if (!isObject(body)) throw malformed(call, 'an answer that is not a job object');
  if (typeof body.id !== 'string' || body.id === '') throw malformed(call, 'a job without an "id"');
  if (typeof body.status !== 'string' || body.status === '') {
    throw malformed(call, `job ${body.id} without a "status"`);
  }
  return body as unknown as Job;
}

/**
 * The answer of `POST /models/run` as a Job: the 200 answer says `model` and
 * `output` where `GET /jobs/:id` says `model_id` and `output_data`. A job id
 * without a status is followed by polling, as for apps.
 */
export function parseModelRunAnswer(body: unknown, modelId: string): Job {
  const call = 'POST /models/run';
  if (isObject(body) && typeof body.id === 'string' && body.id !== '' && typeof body.status !== 'string') {
    body = { ...body, status: 'processing' };
  }
  const job = parseJob(body, call);
  const answer = body as Record<string, unknown>;
  const output = answer.output_data ?? answer.output;
  return {
    ...job,
    run_type: 'model',
    model_id:
      typeof job.model_id === 'string' && job.model_id !== ''
        ? job.model_id
        : typeof answer.model === 'string'
          ? answer.model
          : modelId,
    // A bare value (a text model's answer, say) is kept under `output`.
    output_data: output === undefined || output === null ? job.output_data : isObject(output) ? output : { output },
  };
}
