/**
 * Pull requests end to end through dist/index.js: the `comment-on-pr` comment
 * on the fake GitHub, and the guard on who may spend the credits
 * (`issue_comment`, `pull_request_target`), against the emulator.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { runBundledAction, type ActionRun } from '../../scripts/action-runner.js';
import { FAKE_BOT_LOGIN, type FakeGitHub } from '../helpers/fake-github.js';
import { connectionInputs, useServers } from '../helpers/servers.js';

let emu: ArmoxEmulator;
let github: FakeGitHub;
useServers((servers) => ({ emu, github } = servers));

const REPOSITORY = 'octo/site';
const PR = 7;
const POSTER = { 'app-name': 'Poster Campaign', inputs: 'Prompt: a lighthouse' };
const COMMENT = { ...POSTER, 'comment-on-pr': 'true' };

/** An event payload file, as the runner writes it, and the variables that point at it. */
function event(name: string, payload: Record<string, unknown>): Record<string, string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'armox-event-')), 'event.json');
  writeFileSync(file, JSON.stringify({ repository: { full_name: REPOSITORY, private: false }, ...payload }));
  return { GITHUB_EVENT_NAME: name, GITHUB_EVENT_PATH: file };
}

const pullRequest = (association = 'MEMBER') =>
  event('pull_request', {
    action: 'synchronize',
    number: PR,
    pull_request: { number: PR, user: { login: 'author' }, author_association: association },
  });
const pullRequestTarget = (association: string) =>
  event('pull_request_target', {
    action: 'opened',
    number: PR,
    pull_request: { number: PR, user: { login: 'stranger' }, author_association: association },
  });
const issueComment = (association: string, onPullRequest = true) =>
  event('issue_comment', {
    action: 'created',
    issue: { number: PR, ...(onPullRequest ? { pull_request: { url: 'https://example.invalid/pulls/7' } } : {}) },
    comment: { id: 1, body: '/render', user: { login: 'commenter' }, author_association: association },
  });

function run(inputs: Record<string, string>, env: Record<string, string> = {}): Promise<ActionRun> {
  return runBundledAction({
    inputs: { ...connectionInputs({ emu, github }), ...inputs },
    env: {
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: REPOSITORY,
      GITHUB_RUN_ID: '4242',
      GITHUB_WORKFLOW: 'Previews',
      GITHUB_JOB: 'render',
      GITHUB_ACTION: 'poster',
      ...env,
    },
  });
}

const commentWrites = () =>
  github.requests.filter((r) => (r.method === 'POST' || r.method === 'PATCH') && r.path.includes('/issues/'));
const submissions = () => emu.requestCount('POST', '/apps/run');

describe('comment-on-pr', () => {
  it('creates one comment on the pull request, then updates it in place on the next run', async () => {
    const env = pullRequest();
    const first = await run(COMMENT, env);
    expect(first.code).toBe(0);
    const comments = github.commentsOn(REPOSITORY, PR);
    expect(comments).toHaveLength(1);
    const comment = comments[0]!;
    expect(comment.login).toBe(FAKE_BOT_LOGIN);
    expect(comment.body).toMatch(/^<!-- armox-app-action: Previews \/ render \/ poster -->\n/);
    expect(comment.body).toContain(first.outputs['job-id']!);
    expect(comment.body).toContain('Poster Campaign');
    expect(comment.body).toContain('[Workflow run](https://github.com/octo/site/actions/runs/4242)');
    // The comment is the job summary: previews included.
    expect(comment.body).toContain(first.summary.trim().split('\n')[0]!);
    expect(first.stdout).toContain(
      `Commented on pull request #${PR}: ${github.url}/octo/site/pull/${PR}#issuecomment-`,
    );

    const second = await run(COMMENT, env);
    expect(second.code).toBe(0);
    expect(second.outputs['job-id']).not.toBe(first.outputs['job-id']);
    expect(github.commentsOn(REPOSITORY, PR)).toHaveLength(1);
    expect(github.commentsOn(REPOSITORY, PR)[0]!.body).toContain(second.outputs['job-id']!);
    expect(github.commentsOn(REPOSITORY, PR)[0]!.body).not.toContain(first.outputs['job-id']!);
    expect(commentWrites().map((r) => r.method)).toEqual(['POST', 'PATCH']);
    expect(second.stdout).toContain(`Updated the comment on pull request #${PR}`);
  });

  it('keeps one comment per step: two steps (GITHUB_ACTION) leave two comments, others untouched', async () => {
    const human = github.seedComment(REPOSITORY, PR, 'Looks good to me', 'reviewer');
    const env = pullRequest();
    expect((await run(COMMENT, { ...env, GITHUB_ACTION: 'poster' })).code).toBe(0);
    expect((await run(COMMENT, { ...env, GITHUB_ACTION: '__armox_app-action_2' })).code).toBe(0);
    expect((await run(COMMENT, { ...env, GITHUB_ACTION: 'poster' })).code).toBe(0);
    const comments = github.commentsOn(REPOSITORY, PR);
    expect(comments).toHaveLength(3);
    expect(comments[0]).toEqual(human);
    expect(comments[1]!.body).toContain('/ poster -->');
    expect(comments[2]!.body).toContain('/ __armox_app-action_2 -->');
    expect(commentWrites().map((r) => r.method)).toEqual(['POST', 'POST', 'PATCH']);
  });

  it('comment-key keeps one comment per matrix leg (same workflow, job and step ids)', async () => {
    const env = pullRequest();
    expect((await run({ ...COMMENT, 'comment-key': 'en' }, env)).code).toBe(0);
    expect((await run({ ...COMMENT, 'comment-key': 'fr' }, env)).code).toBe(0);
    expect((await run({ ...COMMENT, 'comment-key': 'en' }, env)).code).toBe(0);
    const comments = github.commentsOn(REPOSITORY, PR);
    expect(comments.map((comment) => comment.body.split('\n')[0]!.match(/ \/ (\w+) -->$/)?.[1])).toEqual(['en', 'fr']);
    expect(commentWrites().map((r) => r.method)).toEqual(['POST', 'POST', 'PATCH']);
  });

  it('comments for an issue_comment on a pull request, on that pull request', async () => {
    const result = await run(COMMENT, issueComment('COLLABORATOR'));
    expect(result.code).toBe(0);
    expect(github.commentsOn(REPOSITORY, PR)).toHaveLength(1);
  });

  it('warns naming pull-requests: write on a 403, and the step stays green with its outputs', async () => {
    github.forbidCommentWrites = true;
    const result = await run(COMMENT, pullRequest());
    expect(result.code).toBe(0);
    expect(result.outputs['job-id']).toBeTruthy();
    expect(result.outputs.status).toBe('completed');
    const warnings = result.stdout.split('\n').filter((line) => line.startsWith('::warning::comment-on-pr'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/comment-on-pr: .*403.*`permissions: pull-requests: write`.*does not fail the step/);
    expect(result.stdout).not.toContain('::error::');
    expect(github.comments).toHaveLength(0);
    expect(submissions()).toBe(1);
  });

  it('on a push event, logs one notice line and sends GitHub no request', async () => {
    const result = await run(COMMENT, event('push', { ref: 'refs/heads/main' }));
    expect(result.code).toBe(0);
    const notices = result.stdout.split('\n').filter((line) => line.startsWith('::notice::'));
    expect(notices).toEqual([
      '::notice::comment-on-pr: no pull request to comment on (this run was triggered by a push event).',
    ]);
    expect(github.requests).toHaveLength(0);
  });

  it('on an issue_comment on an issue (not a pull request), logs a notice and sends GitHub no request', async () => {
    const result = await run(COMMENT, issueComment('OWNER', false));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/::notice::comment-on-pr: .*issue_comment event on an issue, not a pull request/);
    expect(github.requests).toHaveLength(0);
  });

  it('without comment-on-pr, sends GitHub nothing on a pull request', async () => {
    const result = await run(POSTER, pullRequest());
    expect(result.code).toBe(0);
    expect(github.requests).toHaveLength(0);
  });

  it('comments when the run failed too: reviewers see failures', async () => {
    emu.setJobPlan({ outcome: 'failed', errorMessage: 'The model could not render this prompt' });
    const result = await run(COMMENT, pullRequest());
    expect(result.code).toBe(1);
    const [comment] = github.commentsOn(REPOSITORY, PR);
    expect(comment?.body).toContain('failed');
    expect(comment?.body).toContain('The model could not render this prompt');
  });

  it('comments when the inputs were refused before any submission', async () => {
    const result = await run({ ...COMMENT, inputs: 'Nonsense: 1' }, pullRequest());
    expect(result.code).toBe(1);
    expect(submissions()).toBe(0);
    expect(github.commentsOn(REPOSITORY, PR)).toHaveLength(1);
  });

  it('never shows the API key or the GitHub token in the comment, even when a job text output echoes them', async () => {
    emu.apps.push({
      id: 'echo-app',
      name: 'Echo',
      inputs: [],
      cost: 1,
      outputs: [{ nodeId: 'n1', key: 'outputText', text: `Called with ${emu.apiKey} and ${github.token}` }],
    });
    const result = await run({ 'app-id': 'echo-app', 'comment-on-pr': 'true' }, pullRequest());
    expect(result.code).toBe(0);
    const [comment] = github.commentsOn(REPOSITORY, PR);
    for (const text of [comment!.body, result.summary].map((body) => body.replace(/\\/g, ''))) {
      expect(text).toContain('Called with');
      expect(text).not.toContain(emu.apiKey);
      expect(text).not.toContain(github.token);
    }
  });

  it('never shows the API key or the GitHub token in the comment, even when an error echoes them', async () => {
    emu.fault({
      kind: 'status',
      method: 'POST',
      path: '/apps/run',
      status: 400,
      body: JSON.stringify({ error: `Bad request from ${emu.apiKey} with ${github.token}` }),
    });
    const result = await run(COMMENT, pullRequest());
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('Bad request from');
    const [comment] = github.commentsOn(REPOSITORY, PR);
    expect(comment?.body).toContain('Bad request from');
    // Markdown escaping (sk\_test\_…) would hide a key from a plain search: search without it.
    for (const text of [comment!.body, result.summary].map((body) => body.replace(/\\/g, ''))) {
      expect(text).toContain('Bad request from');
      expect(text).not.toContain(emu.apiKey);
      expect(text).not.toContain(github.token);
    }
  });
});

describe('who may spend the credits', () => {
  it.each([
    [
      'an untrusted commenter',
      () => issueComment('CONTRIBUTOR'),
      /a comment by @commenter, whose author_association is CONTRIBUTOR/,
    ],
    [
      'an untrusted pull_request_target author',
      () => pullRequestTarget('FIRST_TIME_CONTRIBUTOR'),
      /a pull request opened by @stranger, whose author_association is FIRST_TIME_CONTRIBUTOR/,
    ],
    [
      'a payload without author_association, for a user GitHub does not list',
      () => pullRequestTarget(''),
      /a pull request opened by @stranger, who is not a collaborator on octo\/site/,
    ],
    [
      'an issue opener with read access',
      () => {
        github.roles.reader = 'triage';
        return event('issues', { action: 'opened', sender: { login: 'reader' }, issue: { user: { login: 'reader' } } });
      },
      /an issue opened by @reader, who has triage access to octo\/site/,
    ],
    [
      'a discussion comment by a first-timer',
      () => event('discussion_comment', { comment: { user: { login: 'new' }, author_association: 'FIRST_TIMER' } }),
      /a discussion comment by @new, whose author_association is FIRST_TIMER/,
    ],
    [
      "a workflow_run started by a fork's pull request",
      () => {
        github.roles.maintainer = 'maintain';
        return event('workflow_run', {
          workflow_run: {
            actor: { login: 'maintainer' },
            head_repository: { full_name: 'forker/site' },
            repository: { full_name: REPOSITORY },
          },
        });
      },
      /from the fork forker\/site/,
    ],
    [
      'a workflow_run whose upstream actor is a stranger',
      () => event('workflow_run', { workflow_run: { actor: { login: 'stranger' } } }),
      /started by @stranger, who is not a collaborator/,
    ],
  ])('refuses %s before any request, naming allow-untrusted-trigger', async (_, env, who) => {
    const result = await run(POSTER, env());
    expect(result.code).toBe(1);
    const errors = result.stdout.split('\n').filter((line) => line.startsWith('::error::'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(who);
    expect(errors[0]).toContain('`allow-untrusted-trigger: true`');
    expect(errors[0]).toContain('spend your Armox key');
    expect(emu.requests).toHaveLength(0);
    expect(result.outputs['error-message']).toMatch(/^Refusing to run/);
    // GitHub was asked only what the payload did not say (the permission route).
    for (const request of github.requests) expect(request.path).toMatch(/\/collaborators\/[^/]+\/permission$/);
  });

  it.each([
    ['MEMBER on issue_comment', () => issueComment('MEMBER')],
    ['OWNER on pull_request_target', () => pullRequestTarget('OWNER')],
    ['COLLABORATOR on pull_request_target', () => pullRequestTarget('COLLABORATOR')],
  ])('lets %s through', async (_, env) => {
    const result = await run(POSTER, env());
    expect(result.code).toBe(0);
    expect(submissions()).toBe(1);
  });

  it('is lifted by allow-untrusted-trigger: true', async () => {
    const result = await run({ ...POSTER, 'allow-untrusted-trigger': 'true' }, issueComment('NONE'));
    expect(result.code).toBe(0);
    expect(submissions()).toBe(1);
  });

  it('applies to pull_request too, and to any event not started by writers only', async () => {
    const result = await run(POSTER, pullRequest('NONE'));
    expect(result.code).toBe(1);
    expect(submissions()).toBe(0);
  });

  it.each([
    ['a writer on watch (asking GitHub)', () => event('watch', { sender: { login: 'writer' } })],
    [
      'a writer whose push starts a workflow_run',
      () =>
        event('workflow_run', {
          workflow_run: {
            actor: { login: 'writer' },
            head_repository: { full_name: REPOSITORY },
            repository: { full_name: REPOSITORY },
          },
        }),
    ],
    ['anyone on workflow_dispatch', () => event('workflow_dispatch', { sender: { login: 'stranger' } })],
  ])('lets %s through', async (_, env) => {
    github.roles.writer = 'write';
    const result = await run(POSTER, env());
    expect(result.code).toBe(0);
    expect(submissions()).toBe(1);
  });

  it('refuses, naming the reason, when GitHub cannot say', async () => {
    github.permissionFailure = { status: 403, body: 'Forbidden' };
    const result = await run(POSTER, event('discussion', { sender: { login: 'writer' } }));
    expect(result.code).toBe(1);
    expect(result.outputs['error-message']).toMatch(/GitHub could not say whether they have write access/);
    expect(submissions()).toBe(0);
  });

  it('still comments the refusal on the pull request, without spending', async () => {
    const result = await run(COMMENT, pullRequestTarget('NONE'));
    expect(result.code).toBe(1);
    expect(emu.requests).toHaveLength(0);
    const [comment] = github.commentsOn(REPOSITORY, PR);
    expect(comment?.body).toContain('Refusing to run');
    // Quoted, the login does not ping: a word joiner follows the @.
    expect(comment?.body).toContain('@\u2060stranger');
    expect(comment?.body).not.toMatch(/@stranger/);
  });
});
