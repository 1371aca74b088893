/** The shapes the Armox API answers with (see shared/armox-api), as the action reads them. */

export type InputType = 'image' | 'text';

export interface AppInput {
  id: string;
  type: InputType | string;
  label: string;
  required: boolean;
  targetHandle?: string;
  allowMultiple: boolean;
}

export interface App {
  id: string;
  name: string;
  description?: string;
  inputs: AppInput[];
}

export type JobStatus = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled' | (string & {});

const TERMINAL_STATUSES: readonly string[] = ['completed', 'failed', 'cancelled'];

export function isTerminal(status: string): boolean {
  return TERMINAL_STATUSES.includes(status);
}

export interface Job {
  id: string;
  status: JobStatus;
  /** `app` or `model`. */
  run_type?: string;
  app_id?: string | null;
  app_name?: string;
  model_id?: string | null;
  credits_charged?: number;
  error_message?: string | null;
  created_at?: string;
  completed_at?: string | null;
  /** As sent: `{app_id, inputs}` for an app run, `{input}` for a model run. */
  input_data?: { app_id?: string; inputs?: Record<string, unknown>; input?: Record<string, unknown> } | null;
  /**
   * App jobs: `node_outputs` keyed by node id, each value usually `{outputImage: url}` and the like.
   * Model jobs: flat, `{outputImage: url, …}`.
   */
  output_data?: ({ app_name?: string; node_outputs?: unknown } & Record<string, unknown>) | null;
}

/** The request body of `POST /apps/run`. */
export interface RunRequest {
  app_id: string;
  inputs: Record<string, string | string[]>;
  webhook_url?: string;
}

/** A value a setting can take: what a `select` lists, what a default is. */
export type SettingValue = string | number | boolean;

/** One choice of a setting, as `GET /models` lists it (the field's name is not documented; see model-list.ts). */
export interface SettingOption {
  value: SettingValue;
  /** A display name, when the API gives one apart from the value. */
  label?: string;
}

/** One of a model's `settings[]`: sent flat in the run's `input` under `key`. */
export interface ModelSetting {
  key: string;
  label: string;
  /** `select`, `number`, `boolean`, `text`… (the set is not documented). */
  inputType: string;
  /** What the API applies when the setting is not sent. */
  defaultValue?: unknown;
  /** The allowed values, when the API lists them. */
  options?: SettingOption[];
}

/** An entry of `GET /models`. */
export interface Model {
  id: string;
  name: string;
  /** `image`, `video`, `audio`, `text`, `3d`…; empty when the API does not say. */
  modality: string;
  /** Credits one run costs, when the API says. */
  cost?: number;
  /** What the model takes: `text` (a prompt), `image` (image URLs). Undefined when the API does not say. */
  inputTypes?: string[];
  promptRequired: boolean;
  outputType?: string;
  description?: string;
  settings: ModelSetting[];
}

/** The request body of `POST /models/run`: prompt, images and settings flat in `input`. */
export type ModelRunRequest = {
  model: string;
  input: Record<string, unknown>;
  webhook_url?: string;
};
