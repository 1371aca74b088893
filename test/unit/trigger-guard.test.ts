import { describe, expect, it } from 'vitest';
import { checkTrigger } from '../../src/request/trigger-guard.js';

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

describe('checkTrigger', () => {
  it.each(['OWNER', 'MEMBER', 'COLLABORATOR'])('lets %s comment and open pull requests', (association) => {
    expect(checkTrigger('issue_comment', comment(association), false)).toBeUndefined();
    expect(checkTrigger('pull_request_target', pullRequest(association), false)).toBeUndefined();
  });

  it.each(['NONE', 'CONTRIBUTOR', 'FIRST_TIME_CONTRIBUTOR', 'FIRST_TIMER', 'MANNEQUIN'])(
    'refuses a %s commenter, explaining the risk and the input that lifts the guard',
    (association) => {
      const problem = checkTrigger('issue_comment', comment(association), false);
      expect(problem).toContain('@stranger');
      expect(problem).toContain(`author_association is ${association}`);
      expect(problem).toMatch(/anyone could spend your Armox key's credits/);
      expect(problem).toContain('`allow-untrusted-trigger: true`');
      expect(problem).toContain('OWNER, MEMBER, COLLABORATOR');
    },
  );

  it('refuses an untrusted pull_request_target author', () => {
    const problem = checkTrigger('pull_request_target', pullRequest('CONTRIBUTOR'), false);
    expect(problem).toContain('this pull_request_target run was triggered by a pull request opened by @forker, whose');
    expect(problem).toContain('allow-untrusted-trigger: true');
  });

  it('judges the pull request author on pull_request_target, not a trusted comment elsewhere in the payload', () => {
    const payload = { ...pullRequest('NONE'), comment: { author_association: 'OWNER' } };
    expect(checkTrigger('pull_request_target', payload, false)).toBeDefined();
  });

  it('refuses when the payload does not say who triggered the run', () => {
    for (const payload of [undefined, {}, { comment: 'x' }, { comment: { user: { login: 'a' } } }]) {
      const problem = checkTrigger('issue_comment', payload, false);
      expect(problem).toMatch(/does not say how they are associated/);
    }
    expect(checkTrigger('pull_request_target', { pull_request: {} }, false)).toContain(
      'a user the payload does not name',
    );
  });

  it('accepts the association in any letter case', () => {
    expect(checkTrigger('issue_comment', comment('member'), false)).toBeUndefined();
  });

  it('is lifted by allow-untrusted-trigger', () => {
    expect(checkTrigger('issue_comment', comment('NONE'), true)).toBeUndefined();
    expect(checkTrigger('pull_request_target', pullRequest(undefined), true)).toBeUndefined();
  });

  it.each(['push', 'pull_request', 'workflow_dispatch', 'release', undefined])('does not guard %s', (eventName) => {
    expect(checkTrigger(eventName, comment('NONE'), false)).toBeUndefined();
  });
});
