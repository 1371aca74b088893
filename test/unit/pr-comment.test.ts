import { describe, expect, it } from 'vitest';
import {
  commentMarker,
  MAX_COMMENT_CHARS,
  pullRequestNumber,
  renderCommentBody,
  workflowRunUrl,
} from '../../src/report/pr-comment.js';

describe('commentMarker', () => {
  it('names the workflow, job and step in a hidden HTML comment', () => {
    expect(commentMarker({ workflow: 'Renders', job: 'generate', action: 'sketch' })).toBe(
      '<!-- armox-app-action: Renders / generate / sketch -->',
    );
  });

  it('differs between two steps of one job, including steps without an id', () => {
    const ids = { workflow: 'CI', job: 'previews' };
    const markers = new Set([
      commentMarker({ ...ids, action: '__armox_armox-app-action' }),
      commentMarker({ ...ids, action: '__armox_armox-app-action_2' }),
      commentMarker({ ...ids, action: 'hero' }),
      commentMarker({ ...ids, action: 'hero', extra: 'os=linux' }),
    ]);
    expect(markers.size).toBe(4);
  });

  it('cannot be closed early or broken across lines by the values', () => {
    const marker = commentMarker({ workflow: 'evil --> <b>x</b>', job: 'a\nb', action: undefined });
    expect(marker.match(/-->/g)).toHaveLength(1);
    expect(marker.endsWith(' -->')).toBe(true);
    expect(marker.slice(4, -3)).not.toMatch(/[<>\n]/);
  });
});

describe('workflowRunUrl', () => {
  it('links the run on the server', () => {
    expect(workflowRunUrl({ serverUrl: 'https://github.com', repository: 'octo/app', runId: '42' })).toBe(
      'https://github.com/octo/app/actions/runs/42',
    );
    expect(
      workflowRunUrl({ serverUrl: 'https://ghe.example/', repository: 'octo/app', runId: '42', runAttempt: '3' }),
    ).toBe('https://ghe.example/octo/app/actions/runs/42/attempts/3');
    expect(workflowRunUrl({ serverUrl: undefined, repository: 'octo/app', runId: '7', runAttempt: '1' })).toBe(
      'https://github.com/octo/app/actions/runs/7',
    );
  });

  it('is undefined without a repository or a run id (a local run)', () => {
    expect(workflowRunUrl({ serverUrl: 'https://github.com', repository: undefined, runId: '1' })).toBeUndefined();
    expect(workflowRunUrl({ serverUrl: 'https://github.com', repository: 'o/r', runId: '' })).toBeUndefined();
  });
});

describe('renderCommentBody', () => {
  const marker = commentMarker({ workflow: 'W', job: 'J', action: 'S' });

  it('puts the marker first, then the body, then the link to the run', () => {
    const text = renderCommentBody(marker, '## Armox · ✅ completed\n', 'https://github.com/o/r/actions/runs/1');
    expect(text).toBe(
      `${marker}\n## Armox · ✅ completed\n\n<sub>[Workflow run](https://github.com/o/r/actions/runs/1) · armox-app-action</sub>`,
    );
  });

  it('leaves the link out when there is no run URL', () => {
    expect(renderCommentBody(marker, 'body', undefined)).toBe(`${marker}\nbody`);
  });

  it("cuts a body over GitHub's limit, keeping the marker and the link", () => {
    const text = renderCommentBody(marker, 'x'.repeat(200_000), 'https://github.com/o/r/actions/runs/1');
    expect(text.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(text.startsWith(`${marker}\n`)).toBe(true);
    expect(text).toContain('lines are left out: the comment is too long.');
    expect(text.endsWith('armox-app-action</sub>')).toBe(true);
  });
});

describe('pullRequestNumber', () => {
  it('reads pull_request and pull_request_target payloads', () => {
    expect(pullRequestNumber('pull_request', { number: 5, pull_request: { number: 5 } })).toBe(5);
    expect(pullRequestNumber('pull_request_target', { pull_request: { number: 6 } })).toBe(6);
    expect(pullRequestNumber('pull_request', { number: 9 })).toBe(9);
  });

  it('reads an issue_comment only when the issue is a pull request', () => {
    expect(pullRequestNumber('issue_comment', { issue: { number: 7, pull_request: { url: 'x' } } })).toBe(7);
    expect(pullRequestNumber('issue_comment', { issue: { number: 7 } })).toBeUndefined();
  });

  it('is undefined for other events and odd payloads', () => {
    expect(pullRequestNumber('push', { pull_request: { number: 1 } })).toBeUndefined();
    expect(pullRequestNumber(undefined, { pull_request: { number: 1 } })).toBeUndefined();
    expect(pullRequestNumber('pull_request', undefined)).toBeUndefined();
    expect(pullRequestNumber('pull_request', { pull_request: { number: '1' } })).toBeUndefined();
  });
});
