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
  DownloadDir: 'download-dir',
  UploadToRelease: 'upload-to-release',
  GithubToken: 'github-token',
  Reuse: 'reuse',
  Manifest: 'manifest',
  CommentOnPr: 'comment-on-pr',
  AllowUntrustedTrigger: 'allow-untrusted-trigger',
} as const;
export type InputName = (typeof Input)[keyof typeof Input];

export const Output = {
  JobId: 'job-id',
  JobIds: 'job-ids',
  Status: 'status',
  CreditsCharged: 'credits-charged',
  OutputUrl: 'output-url',
  OutputUrls: 'output-urls',
  Outputs: 'outputs',
  ErrorMessage: 'error-message',
  AppId: 'app-id',
  AppName: 'app-name',
  Model: 'model',
  Files: 'files',
  ReleaseAssets: 'release-assets',
  Results: 'results',
  Reused: 'reused',
  Manifest: 'manifest',
} as const;
export type OutputName = (typeof Output)[keyof typeof Output];

/** What the main step leaves for the post step (`core.saveState`, read back as `STATE_<name>`). */
export const State = {
  /** JSON list of the job ids this step started and has not finished with yet. */
  OpenJobs: 'armox-open-jobs',
  ApiUrl: 'armox-api-url',
  /** Set by the post step's own run, so a main step never mistakes itself for the post step. */
  IsPost: 'armox-is-post',
} as const;
