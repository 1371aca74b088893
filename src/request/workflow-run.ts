/**
 * When this workflow run began, from GitHub's REST API: `reuse: rerun` adopts
 * only jobs created since then (a re-run keeps its run's `created_at`).
 */
import { ActionError, CancelledError, errorMessage } from '../core/errors.js';
import { connect, GitHubCalls, LOOKUP_CALLS, splitRepository, type GitHubCallOptions } from '../core/github-api.js';
import type { Logger } from '../core/log.js';
import type { Deadline } from '../core/timing.js';

export interface WorkflowRunOptions {
  /** github-token. */
  token: string | undefined;
  /** GITHUB_API_URL, e.g. `https://api.github.com`. */
  apiUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository: string | undefined;
  /** GITHUB_RUN_ID. */
  runId: string | undefined;
  log: Logger;
  signal?: AbortSignal;
  /** What is left of the step's `timeout`. */
  deadline?: Deadline;
  /** Retry settings (tests shorten them). */
  calls?: Pick<GitHubCallOptions, 'retryBaseMs' | 'retryMaxMs' | 'attempts'>;
}

const PERMISSION =
  'Give the job `permissions: actions: read` (next to any other permissions it has) and pass `github-token: ${{ github.token }}`.';

/**
 * When this workflow run began (its `created_at`), in ms since the epoch, from
 * `GET /repos/{owner}/{repo}/actions/runs/{run_id}`. Throws an ActionError that
 * names the permission to add when it cannot be read.
 */
export async function workflowRunStartedAt(options: WorkflowRunOptions): Promise<number> {
  const what = 'reuse: rerun cannot read when this workflow run began';
  if (!options.token) throw new ActionError(`${what}: github-token is empty. ${PERMISSION}`);
  const repository = splitRepository(options.repository);
  if (!repository || !/^\d+$/.test(options.runId ?? '')) {
    throw new ActionError(
      `${what}: GITHUB_REPOSITORY or GITHUB_RUN_ID is not set (is this running on GitHub Actions?).`,
    );
  }
  try {
    const octokit = await connect(options.token, options.apiUrl, options.log);
    const github = new GitHubCalls(
      octokit,
      {
        signal: options.signal,
        deadline: options.deadline,
        log: options.log,
        // A re-run that cannot reuse is charged as usual: not worth a long wait.
        ...LOOKUP_CALLS,
        ...options.calls,
      },
      // A token that may not read the repository's runs gets a 404 as often as a 403.
      { permission: PERMISSION, notFound: PERMISSION },
    );
    const { data } = await github.call(`read workflow run ${options.runId}`, (request) =>
      octokit.rest.actions.getWorkflowRun({ ...repository, run_id: Number(options.runId), request }),
    );
    const time = Date.parse(data.created_at);
    if (Number.isNaN(time)) throw new ActionError(`GitHub's answer has no created_at.`);
    return time;
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    const reason = errorMessage(error);
    throw new ActionError(`${what}: ${reason[0]!.toLowerCase()}${reason.slice(1)}`);
  }
}
