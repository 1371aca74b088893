import type { ActionConfig } from '../config/config.js';
import { CLEANUP_MS } from '../core/run-context.js';
import { Deadline } from '../core/timing.js';
import { renderCommentDigest } from '../report/comment-digest.js';
import { commentMarker, publishPullRequestComment, workflowRunUrl } from '../report/pr-comment.js';
import type { StepRecord } from '../report/record.js';
import type { StepSink } from './sink.js';

/** `comment-on-pr`: the digest of the step as a comment on the pull request, updated on each run. */
export const commentSink: StepSink = {
  name: 'the pull-request comment',
  async deliver(step, { config, event, log, signal }) {
    if (!config?.commentOnPr) return;
    const { github } = config;
    const runUrl = workflowRunUrl({
      serverUrl: github.serverUrl,
      repository: github.repository,
      runId: github.runId,
      runAttempt: String(github.runAttempt),
    });
    const body = renderCommentDigest(step.snapshot(), { sha: github.sha, runUrl });
    const result = await publishPullRequestComment({
      token: config.githubToken,
      apiUrl: github.apiUrl,
      repository: github.repository,
      eventName: github.eventName,
      eventPayload: event,
      marker: commentMarker({
        workflow: github.workflow,
        job: github.job,
        action: github.action,
        extra: config.commentKey,
      }),
      body,
      runUrl,
      log,
      signal,
      deadline: reportDeadline(config, step.record),
    });
    log[result.level](result.message);
  },
};

/**
 * What the comment may take: what is left of `timeout`, or, when the run used
 * it all, the short time clean-up calls get, so a timed-out step still says so.
 */
function reportDeadline(config: ActionConfig, record: StepRecord): Deadline {
  const left = new Deadline(record.startedAt + config.timeoutMs).remaining();
  return Deadline.after(Math.max(left, CLEANUP_MS));
}
