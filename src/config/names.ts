/**
 * Every input, output and step-state name, declared once (as actions/cache does),
 * so no bare name string is spread over the code. The values are action.yml's names.
 */
export const Input = {
  ApiKey: 'api-key',
  ApiUrl: 'api-url',
  AppId: 'app-id',
  AppName: 'app-name',
  Model: 'model',
  Inputs: 'inputs',
  InputsFile: 'inputs-file',
  Batch: 'batch',
  BatchFile: 'batch-file',
  MaxConcurrency: 'max-concurrency',
  MaxCredits: 'max-credits',
  FailFast: 'fail-fast',
  Wait: 'wait',
  JobId: 'job-id',
  Timeout: 'timeout',
  PollInterval: 'poll-interval',
  CancelOnTimeout: 'cancel-on-timeout',
  WebhookUrl: 'webhook-url',
  DryRun: 'dry-run',
  /** A completed job of the target stands in for each run: nothing is submitted or paid. */
  Rehearsal: 'rehearsal',
  DownloadDir: 'download-dir',
  UploadToRelease: 'upload-to-release',
  GithubToken: 'github-token',
  /** rerun, false, or a maximum age. */
  Reuse: 'reuse',
  Manifest: 'manifest',
  CommentOnPr: 'comment-on-pr',
  /** Tells apart the comments of steps that share workflow, job and step ids (matrix legs). */
  CommentKey: 'comment-key',
  AllowUntrustedTrigger: 'allow-untrusted-trigger',
} as const;

export const Output = {
  /** The single run's job: set the moment it is accepted. */
  JobId: 'job-id',
  /** Every job of the step, in item order. */
  JobIds: 'job-ids',
  Status: 'status',
  /** What this step caused to be charged (0 for a reused job); with job-id, the followed job's charge. */
  CreditsCharged: 'credits-charged',
  OutputUrl: 'output-url',
  OutputUrls: 'output-urls',
  /** The raw output object: an app's node_outputs, a model's output_data. */
  Outputs: 'outputs',
  ErrorMessage: 'error-message',
  AppId: 'app-id',
  AppName: 'app-name',
  Model: 'model',
  /** Downloaded files, workspace-relative. */
  Files: 'files',
  ReleaseAssets: 'release-assets',
  /** One entry per run, in item order. */
  Results: 'results',
  Reused: 'reused',
  /** `true` when a completed job stood in for each run (the `rehearsal` input). */
  Rehearsal: 'rehearsal',
  /** Path of the manifest file. */
  Manifest: 'manifest',
  /** Path of the sha256sum-format checksums of the downloaded files, beside the manifest. */
  Checksums: 'checksums',
} as const;

/** What the main step leaves for the post step (`core.saveState`, read back as `STATE_<name>`). */
export const State = {
  /**
   * Prefix of one entry per job this step started (`armox-job-<n>`): its id
   * while the step has not finished with it, empty once it has. One entry per
   * job, written twice at most, so the state grows with the batch, not with
   * the batch times its concurrency.
   */
  OpenJob: 'armox-job-',
  /**
   * Prefix of one entry per submission sent (`armox-submission-<n>`): its JSON
   * (see PendingSubmission) until it is answered, then empty. Its job may exist
   * without this step knowing its id.
   */
  PendingSubmission: 'armox-submission-',
  /** The target of the step's submissions (`{ kind, id }`), saved once rather than in every submission's entry. */
  SubmissionTarget: 'armox-target',
  ApiUrl: 'armox-api-url',
  /** Saved by the main step: the runner passes it to the post step only, which is how index.ts tells them apart. */
  IsPost: 'armox-is-post',
} as const;

type ValueOf<T> = T[keyof T];
export type InputName = ValueOf<typeof Input>;
export type OutputName = ValueOf<typeof Output>;
