import type { ArmoxClient } from '../armox/client.js';
import type { Job } from '../armox/types.js';
import type { ActionInputs } from '../config/inputs.js';
import type { OutputName } from '../config/names.js';
import type { Logger } from '../core/log.js';
import type { Deadline } from '../core/timing.js';
import type { JobMatcher, RunTarget, TargetInfo } from './target.js';

/** The inputs a kind is chosen by and loads its target from (ActionConfig has them). */
export type KindInputs = Omit<ActionInputs, 'apiUrl' | 'reuse'>;

/**
 * A kind of run (an app, a model): everything that differs between kinds, in
 * one module each, listed once in `registry.ts`. Everything else asks the kind.
 */
export interface RunKind {
  /** Its name in TargetInfo, the step state and the manifest: `app`, `model`. */
  readonly name: string;
  /** How the summary labels the id: `App`, `Model`. */
  readonly label: string;
  /** The log group while it is looked up: `Checking the app and its inputs`. */
  readonly checking: string;
  /** True when the inputs ask for a run of this kind. */
  chosenBy(config: KindInputs): boolean;
  /** Finds what the inputs name (errors list what the key can see) and its contract. */
  load(config: KindInputs, client: ArmoxClient, deadline: Deadline): Promise<RunTarget>;
  /** True when a job, whatever it runs, is of this kind. */
  isKindOf(job: Job): boolean;
  /** What a job of this kind followed by `job-id` ran, named as a new run of it is. */
  followed(job: Job, client: ArmoxClient, deadline: Deadline, log: Logger): Promise<TargetInfo | undefined>;
  /** A job's inputs as sent, from its `input_data` (`inputs` for an app, `input` for a model). */
  jobInputs(job: Job): unknown;
  /** Recognises the jobs of the target with this id (the post step knows only kind and id). */
  matcher(id: string): JobMatcher;
  /** The job's output object as the API gave it: what the `outputs` step output holds. */
  rawOutputs(job: Job): unknown;
  /** Where rawOutputs sits in the job, for problems: `output_data`. */
  readonly outputsField: string;
  /** True when rawOutputs is keyed by node (an app's), each node holding its outputs. */
  readonly outputsByNode: boolean;
  /** The step outputs that name the target: `app-id` and `app-name`, or `model`. */
  targetOutputs(target: TargetInfo): Array<{ name: OutputName; value: string | undefined }>;
  /** What the report's title adds in brackets after the name: `image model`; undefined for nothing. */
  titleNote(target: TargetInfo): string | undefined;
}
