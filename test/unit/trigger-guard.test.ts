import { describe, expect, it } from 'vitest';
import { checkTrigger, WRITER_EVENTS, type Access, type TriggerCheck } from '../../src/request/trigger-guard.js';

const comment = (association: string | undefined, login = 'stranger') => ({
  action: 'created',
  issue: { number: 7, pull_request: { url: 'https://api.github.com/repos/octo/app/pulls/7' } },
  comment: { id: 1, body: '/generate', user: { login }, author_association: association },
  repository: { full_name: 'octo/app', private: false },
});

const pullRequest = (association: string | undefined, login = 'forker') => ({
  action: 'opened',
  number: 8,
  pull_request: { number: 8, user: { login }, author_association: association },
  repository: { full_name: 'octo/app', private: false },
});

/** A payload whose subject carries no author_association: only GitHub can say. */
const bySender = (login: string, extra: Record<string, unknown> = {}) => ({ sender: { login }, ...extra });

const workflowRun = (actor: string, head = 'octo/app') => ({
  action: 'completed',
  workflow_run: {
    event: 'pull_request',
    actor: { login: actor },
    triggering_actor: { login: actor },
    head_repository: { full_name: head },
    repository: { full_name: 'octo/app' },
  },
  repository: { full_name: 'octo/app' },
  sender: { login: actor },
});

/** GitHub's answer per login; anyone else is not a collaborator. */
function github(access: Record<string, Access>) {
  const asked: string[] = [];
  const accessOf = (login: string) => {
    asked.push(login);
    return Promise.resolve(access[login] ?? { kind: 'less' as const, what: 'is not a collaborator on octo/app' });
  };
  return { asked, accessOf };
}
const WRITER: Access = { kind: 'write' };
const READER: Access = { kind: 'less', what: 'has read access to octo/app' };

function check(eventName: string | undefined, payload: unknown, more: Partial<TriggerCheck> = {}) {
  return checkTrigger({ eventName, payload, allowUntrusted: false, ...more });
}

describe('checkTrigger: author_association where the payload carries it', () => {
  it.each(['OWNER', 'MEMBER', 'COLLABORATOR'])('lets %s comment and open pull requests', async (association) => {
    expect(await check('issue_comment', comment(association))).toBeUndefined();
    expect(await check('pull_request_target', pullRequest(association))).toBeUndefined();
    expect(await check('pull_request', pullRequest(association))).toBeUndefined();
  });

  it.each(['NONE', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN'])(
    'refuses a %s commenter, explaining the risk and the input that lifts the guard',
    async (association) => {
      const problem = await check('issue_comment', comment(association));
      expect(problem).toContain('a comment by @stranger');
      expect(problem).toContain(`author_association is ${association}`);
      expect(problem).toMatch(/anyone could spend your Armox key's credits/);
      expect(problem).toContain('`allow-untrusted-trigger: true`');
      expect(problem).toContain('OWNER, MEMBER, COLLABORATOR');
    },
  );

  it.each([
    ['pull_request_review', 'review', 'a review'],
    ['pull_request_review_comment', 'comment', 'a review comment'],
    ['issues', 'issue', 'an issue opened'],
    ['discussion', 'discussion', 'a discussion opened'],
    ['discussion_comment', 'comment', 'a discussion comment'],
  ])('judges the author of the %s subject', async (eventName, key, deed) => {
    const payload = (association: string) => ({
      sender: { login: 'someone' },
      [key]: { user: { login: 'someone' }, author_association: association },
    });
    expect(await check(eventName, payload('NONE'))).toContain(`${deed} by @someone, whose author_association is NONE`);
    expect(await check(eventName, payload('MEMBER'))).toBeUndefined();
  });

  it('judges the pull request author on pull_request_target, not a trusted comment elsewhere in the payload', async () => {
    const payload = { ...pullRequest('NONE'), comment: { author_association: 'OWNER' } };
    expect(await check('pull_request_target', payload)).toBeDefined();
  });

  it("asks GitHub about the sender when someone else wrote the subject (a maintainer labels a stranger's issue)", async () => {
    const payload = {
      sender: { login: 'maintainer' },
      issue: { user: { login: 'stranger' }, author_association: 'NONE' },
    };
    const { asked, accessOf } = github({ maintainer: WRITER });
    expect(await check('issues', payload, { accessOf })).toBeUndefined();
    expect(asked).toEqual(['maintainer']);
    const owner = {
      sender: { login: 'stranger' },
      issue: { user: { login: 'maintainer' }, author_association: 'OWNER' },
    };
    expect(await check('issues', owner, { accessOf })).toContain('@stranger, who is not a collaborator on octo/app');
  });

  it('accepts the association in any letter case', async () => {
    expect(await check('issue_comment', comment('member'))).toBeUndefined();
  });
});

describe('checkTrigger: GitHub says, where the payload does not', () => {
  it.each(['check_run', 'watch', 'fork', 'gollum', 'label', 'some_future_event'])(
    'refuses a stranger on %s, and lets a writer through',
    async (eventName) => {
      const { asked, accessOf } = github({ writer: WRITER, reader: READER });
      expect(await check(eventName, bySender('writer'), { accessOf })).toBeUndefined();
      const problem = await check(eventName, bySender('reader'), { accessOf });
      expect(problem).toContain(`this ${eventName} run was triggered by @reader, who has read access to octo/app`);
      expect(problem).toContain('allow-untrusted-trigger');
      expect(await check(eventName, bySender('nobody'), { accessOf })).toContain('is not a collaborator');
      expect(asked).toEqual(['writer', 'reader', 'nobody']);
    },
  );

  it('uses GITHUB_ACTOR when the payload names no sender', async () => {
    const { asked, accessOf } = github({ actor: WRITER });
    expect(await check('watch', {}, { actor: 'actor', accessOf })).toBeUndefined();
    expect(asked).toEqual(['actor']);
  });

  it('refuses when GitHub cannot say, or cannot be asked, or nobody is named', async () => {
    const unknown = () => Promise.resolve<Access>({ kind: 'unknown', why: 'GitHub answered 502 "Bad gateway"' });
    expect(await check('issue_comment', comment(undefined), { accessOf: unknown })).toMatch(
      /does not say how they are associated.*could not say whether they have write access: GitHub answered 502/,
    );
    expect(await check('issue_comment', comment(''))).toMatch(/github-token is empty/);
    expect(await check('pull_request_target', { pull_request: {} })).toContain('a user the payload does not name');
    for (const payload of [undefined, {}, { comment: 'x' }]) {
      expect(await check('issue_comment', payload)).toMatch(/does not say how they are associated/);
    }
  });
});

describe('checkTrigger: workflow_run', () => {
  it("judges the upstream run's actor", async () => {
    const { asked, accessOf } = github({ writer: WRITER });
    expect(await check('workflow_run', workflowRun('writer'), { accessOf })).toBeUndefined();
    expect(await check('workflow_run', workflowRun('stranger'), { accessOf })).toContain(
      'the upstream workflow run started by @stranger, who is not a collaborator',
    );
    expect(asked).toEqual(['writer', 'stranger']);
  });

  it('counts a fork head repository as a stranger, whoever the actor is', async () => {
    const { asked, accessOf } = github({ writer: WRITER });
    const problem = await check('workflow_run', workflowRun('writer', 'forker/app'), { accessOf });
    expect(problem).toContain('from the fork forker/app');
    expect(asked).toEqual([]);
  });
});

describe('checkTrigger: events only writers can start', () => {
  it.each([...WRITER_EVENTS, undefined])('does not guard %s', async (eventName) => {
    const { asked, accessOf } = github({});
    expect(await check(eventName, comment('NONE'), { accessOf })).toBeUndefined();
    expect(asked).toEqual([]);
  });

  it('includes the events the issue names, and not those anyone can start', () => {
    for (const name of ['push', 'workflow_dispatch', 'schedule', 'release', 'merge_group', 'repository_dispatch'])
      expect(WRITER_EVENTS).toContain(name);
    for (const name of ['pull_request', 'issues', 'issue_comment', 'workflow_run', 'watch', 'fork', 'discussion'])
      expect(WRITER_EVENTS).not.toContain(name);
  });

  it('is lifted by allow-untrusted-trigger', async () => {
    expect(await check('issue_comment', comment('NONE'), { allowUntrusted: true })).toBeUndefined();
    expect(await check('workflow_run', workflowRun('x', 'fork/app'), { allowUntrusted: true })).toBeUndefined();
  });
});
