/**
 * Pull request comments against the fake GitHub: one comment per step,
 * created once and updated in place, and never a thrown error.
 */
import { createServer } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  commentMarker,
  publishPullRequestComment,
  type PullRequestCommentOptions,
} from '../../src/report/pr-comment.js';
import { FAKE_BOT_LOGIN, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { MemoryLogger } from '../helpers/memory-logger.js';
import { Deadline } from '../../src/core/timing.js';

let github: FakeGitHub;
let log: MemoryLogger;

beforeEach(async () => {
  github = await startFakeGitHub();
  log = new MemoryLogger();
});

afterEach(async () => {
  await github.close();
});

const marker = commentMarker({ workflow: 'Renders', job: 'generate', action: 'sketch' });
const runUrl = 'https://github.com/octo/app/actions/runs/99';
const pullRequestEvent = { action: 'synchronize', number: 12, pull_request: { number: 12 } };

function options(overrides: Partial<PullRequestCommentOptions> = {}): PullRequestCommentOptions {
  return {
    token: github.token,
    apiUrl: github.url,
    repository: 'octo/app',
    eventName: 'pull_request',
    eventPayload: pullRequestEvent,
    marker,
    body: '## Armox · Sketch to Render: ✅ completed',
    runUrl,
    log,
    calls: { retryBaseMs: 10, retryMaxMs: 20 },
    ...overrides,
  };
}

const writes = () => github.requests.filter((r) => r.method === 'POST' || r.method === 'PATCH');

describe('publishPullRequestComment', () => {
  it('creates one comment, then updates it in place on the next run', async () => {
    const first = await publishPullRequestComment(options({ body: 'first run' }));
    expect(first.outcome).toBe('created');
    expect(first.level).toBe('info');
    const [comment] = github.commentsOn('octo/app', 12);
    expect(first.url).toBe(`${github.url}/octo/app/pull/12#issuecomment-${comment!.id}`);
    expect(first.message).toBe(`Commented on pull request #12: ${first.url}`);
    expect(comment!.body).toBe(`${marker}\nfirst run\n\n<sub>[Workflow run](${runUrl}) · armox-app-action</sub>`);
    expect(comment!.login).toBe(FAKE_BOT_LOGIN);

    const second = await publishPullRequestComment(options({ body: 'second run' }));
    expect(second).toMatchObject({ outcome: 'updated', url: first.url, level: 'info' });
    expect(github.commentsOn('octo/app', 12)).toHaveLength(1);
    expect(github.commentsOn('octo/app', 12)[0]!.body).toContain('second run');
    expect(writes().map((r) => r.method)).toEqual(['POST', 'PATCH']);
  });

  it('keeps two comments for two steps', async () => {
    const other = commentMarker({ workflow: 'Renders', job: 'generate', action: 'poster' });
    await publishPullRequestComment(options({ body: 'sketch 1' }));
    await publishPullRequestComment(options({ marker: other, body: 'poster 1' }));
    await publishPullRequestComment(options({ body: 'sketch 2' }));
    await publishPullRequestComment(options({ marker: other, body: 'poster 2' }));
    const bodies = github.commentsOn('octo/app', 12).map((c) => c.body.split('\n')[1]);
    expect(bodies).toEqual(['sketch 2', 'poster 2']);
  });

  it('finds its comment on a later page and leaves other comments alone', async () => {
    for (let i = 0; i < 130; i++) github.seedComment('octo/app', 12, `review comment ${i}`);
    // Quoting the marker later in a comment does not make it ours.
    github.seedComment('octo/app', 12, `> see ${marker}`);
    const ours = github.seedComment('octo/app', 12, `${marker}\nold`, FAKE_BOT_LOGIN);
    github.seedComment('octo/app', 99, `${marker}\nanother pull request`, FAKE_BOT_LOGIN);

    const result = await publishPullRequestComment(options({ body: 'new' }));
    expect(result.outcome).toBe('updated');
    expect(ours.body).toContain('\nnew');
    expect(github.commentsOn('octo/app', 12)).toHaveLength(132);
    expect(github.commentsOn('octo/app', 99)[0]!.body).toContain('another pull request');
    const lists = github.requests.filter((r) => r.method === 'GET' && r.path.includes('/comments'));
    expect(lists.map((r) => new URL(r.path, github.url).searchParams.get('page') ?? '1')).toEqual(['1', '2']);
  });

  it('does not take over a copy of the marker written by someone else: it comments anew', async () => {
    const copy = github.seedComment('octo/app', 12, `${marker}\nswap these previews later`, 'mallory');
    const result = await publishPullRequestComment(options({ body: 'ours' }));
    expect(result.outcome).toBe('created');
    expect(copy.body).toContain('swap these previews later');
    const [, ours] = github.commentsOn('octo/app', 12);
    expect(ours!.login).toBe(FAKE_BOT_LOGIN);
    expect(ours!.body).toContain('\nours');
    expect(log.text).toContain("not updating the comment with this step's marker by mallory");
  });

  it('with a personal access token, updates the comment its own user wrote', async () => {
    github.tokenLogin = 'release-bot-user';
    github.seedComment('octo/app', 12, `${marker}\nnot ours`, 'mallory');
    const own = github.seedComment('octo/app', 12, `${marker}\nold`, 'release-bot-user');
    const result = await publishPullRequestComment(options({ body: 'new' }));
    expect(result.outcome).toBe('updated');
    expect(own.body).toContain('\nnew');
    expect(github.commentsOn('octo/app', 12)).toHaveLength(2);
  });

  it("with GITHUB_TOKEN, never updates another bot's comment carrying the marker, however they are ordered", async () => {
    for (const others of [['renovate[bot]'], ['dependabot[bot]', 'renovate[bot]'], ['some-app[bot]', 'mallory']]) {
      await github.close();
      github = await startFakeGitHub();
      const theirs = others.map((login) => github.seedComment('octo/app', 12, `${marker}\ntheirs`, login));
      const result = await publishPullRequestComment(options({ body: 'ours' }));
      expect(result.outcome).toBe('created');
      for (const comment of theirs) expect(comment.body).toContain('\ntheirs');
      expect(github.commentsOn('octo/app', 12).at(-1)!.login).toBe(FAKE_BOT_LOGIN);
      // The next run finds its own comment among the others and updates it.
      const own = github.seedComment('octo/app', 12, `${marker}\nold`, FAKE_BOT_LOGIN);
      github.comments.splice(github.comments.indexOf(github.commentsOn('octo/app', 12).at(-2)!), 1);
      const again = await publishPullRequestComment(options({ body: 'again' }));
      expect(again.outcome).toBe('updated');
      expect(own.body).toContain('\nagain');
      for (const comment of theirs) expect(comment.body).toContain('\ntheirs');
      expect(github.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    }
  });

  it('ends by the deadline when GitHub accepts the connection and never answers', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = silent.address() as { port: number };
      const started = Date.now();
      const result = await publishPullRequestComment(
        options({ apiUrl: `http://127.0.0.1:${port}`, deadline: Deadline.after(500) }),
      );
      expect(result).toMatchObject({ outcome: 'failed', level: 'warning' });
      expect(result.message).toContain('timeout ran out while trying to list the comments of pull request #12');
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      silent.close();
    }
  });

  it('comments for pull_request_target and for an issue_comment on a pull request', async () => {
    const target = await publishPullRequestComment(
      options({ eventName: 'pull_request_target', eventPayload: { pull_request: { number: 3 } } }),
    );
    expect(target.outcome).toBe('created');
    const onComment = await publishPullRequestComment(
      options({
        eventName: 'issue_comment',
        eventPayload: { issue: { number: 4, pull_request: { url: 'x' } }, comment: { body: '/render' } },
      }),
    );
    expect(onComment.outcome).toBe('created');
    expect(github.commentsOn('octo/app', 3)).toHaveLength(1);
    expect(github.commentsOn('octo/app', 4)).toHaveLength(1);
  });

  it('sends no request on a push, or on a comment on an issue', async () => {
    const push = await publishPullRequestComment(
      options({ eventName: 'push', eventPayload: { ref: 'refs/heads/main' } }),
    );
    expect(push).toEqual({
      outcome: 'skipped',
      level: 'notice',
      message: 'comment-on-pr: no pull request to comment on (this run was triggered by a push event).',
    });
    const issue = await publishPullRequestComment(
      options({ eventName: 'issue_comment', eventPayload: { issue: { number: 4 } } }),
    );
    expect(issue.outcome).toBe('skipped');
    expect(issue.message).toContain('on an issue, not a pull request');
    expect(github.requests).toHaveLength(0);
  });

  it('answers forbidden, naming pull-requests: write, when the token is read-only', async () => {
    github.forbidCommentWrites = true;
    const created = await publishPullRequestComment(options());
    expect(created.outcome).toBe('forbidden');
    expect(created.level).toBe('warning');
    expect(created.message).toContain('`permissions: pull-requests: write`');
    expect(created.message).toContain('403 "Resource not accessible by integration"');
    expect(created.url).toBeUndefined();

    github.seedComment('octo/app', 12, `${marker}\nold`, FAKE_BOT_LOGIN);
    const updated = await publishPullRequestComment(options());
    expect(updated.outcome).toBe('forbidden');
    expect(updated.message).toMatch(/could not update comment \d+ on pull request #12: GitHub answered 403/);
  });

  it('returns a warning, not an error, for a bad token, no token, or no answer', async () => {
    const badToken = await publishPullRequestComment(options({ token: 'ghs_wrong' }));
    expect(badToken).toMatchObject({ outcome: 'failed', level: 'warning' });
    expect(badToken.message).toContain(
      'could not list the comments of pull request #12: GitHub refused github-token (401 Bad credentials)',
    );
    expect(badToken.message).toContain('This does not fail the step.');

    const noToken = await publishPullRequestComment(options({ token: '' }));
    expect(noToken.outcome).toBe('failed');
    expect(noToken.message).toContain('github-token is empty');
    expect(noToken.message).toContain('pull-requests: write');

    const closedPort = await unusedPort();
    const unreachable = await publishPullRequestComment(options({ apiUrl: `http://127.0.0.1:${closedPort}` }));
    expect(unreachable.outcome).toBe('failed');
    expect(unreachable.message).toMatch(/could not list the comments of pull request #12: /);
    expect(unreachable.message).not.toContain('GitHub answered');
  });

  it('stops when the workflow is cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const result = await publishPullRequestComment(options({ signal: controller.signal }));
    expect(result.outcome).toBe('failed');
    expect(result.message).toContain('the workflow was cancelled');
    expect(github.commentsOn('octo/app', 12)).toHaveLength(0);
  });

  it('never sends the token anywhere but the Authorization header', async () => {
    await publishPullRequestComment(options());
    expect(github.requests.length).toBeGreaterThan(0);
    for (const request of github.requests) {
      expect(request.path).not.toContain(github.token);
      expect(request.headers.authorization).toMatch(new RegExp(`^(token|Bearer) ${github.token}$`));
    }
    expect(log.text).not.toContain(github.token);
  });
});

/** A loopback port with nothing listening. */
async function unusedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
