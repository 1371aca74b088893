import type { ArmoxClient } from '../armox/client.js';
import type { Job } from '../armox/types.js';
import type { Deadline } from '../core/timing.js';

/** What is being run, as outputs, the summary and the manifest name it. */
export interface TargetInfo {
  /** The name of its kind of run (`app`, `model`): see RunKind.name. */
  kind: string;
  id: string;
  name?: string;
  title: string;
  /** A model's modality: image, video, audio, text, 3d. */
  modality?: string;
}

/** How a job of a kind is recognised and its inputs read: what reuse and lost answers compare. */
export interface JobMatcher {
  /** True when a job (from `GET /jobs`) is a run of this app or model. */
  ownsJob(job: Job): boolean;
  /** A job's inputs as sent, from its `input_data`, to compare with `PreparedRequest.inputs`. */
  jobInputs(job: Job): unknown;
}

/** One source of input values, already parsed: `inputs`, `inputs-file`, or a batch item. */
export interface InputsSource {
  /** How to name the source in errors: `inputs`, `inputs-file (renders.yml)`, `batch item "2"`. */
  name: string;
  /** The keys as written, with their raw (YAML/JSON) values, in order. */
  entries: Array<[key: string, value: unknown]>;
}

/** A run checked against its target's contract, ready to be sent. */
export interface PreparedRequest {
  /** The JSON body of the submission (`POST /apps/run` or `POST /models/run`). */
  body: Record<string, unknown>;
  /** The inputs as sent, as the job list shows them back in `input_data` (app: `inputs`; model: `input`). */
  inputs: Record<string, unknown>;
}

/** What checking one run's inputs found. `request` is set only when there is no problem. */
export interface Preparation {
  request?: PreparedRequest;
  /** Each problem on its own line, naming the source and the key. */
  problems: string[];
  warnings: string[];
}

/**
 * *What* is run: an Armox app (with its contract of inputs) or a model (with its
 * settings and price). *How* a run is carried out — validate, submit once, wait,
 * deliver — is the same for every target and lives in the pipeline, not here.
 */
export interface RunTarget extends JobMatcher {
  /** The name of its kind of run (see RunKind). */
  readonly kind: string;
  /** The app id or the model id. */
  readonly id: string;
  readonly name: string;
  /** How the log and the summary name it: `app "Sketch to Render"`, `model google/nano-banana (image)`. */
  readonly title: string;
  /** Credits one run costs, when known before submitting (models); undefined for apps. */
  readonly price?: number;
  /** How the outputs, the summary and the manifest name it. */
  info(): TargetInfo;
  /** One line for the log once it is found: `App: Sketch to Render (app-1)`. */
  describe(): string;
  /** The submitting call, for logs: `POST /apps/run`. */
  readonly submitCall: string;
  /** Checks one run's inputs (later sources win where two give the same key) against the contract. */
  prepare(sources: InputsSource[], webhookUrl?: string): Preparation;
  /** True when a user's key names an image input (whose values Armox fetches by URL). */
  isImageInput(key: string): boolean;
  /** The contract as a text table, for errors and dry runs. */
  contractTable(): string;
  /** A ready-to-paste `inputs:` block. */
  inputsSkeleton(): string;
  /** Sends the paid request, once (see ArmoxClient for what "once" means). */
  submit(client: ArmoxClient, request: PreparedRequest, deadline: Deadline): Promise<Job>;
}
