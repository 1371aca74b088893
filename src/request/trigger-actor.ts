import { isObject } from '../core/text.js';

/**
 * Who triggered a run, read from the event payload: the `sender` (else
 * GITHUB_ACTOR), and the `author_association` of the event's subject (the
 * comment, the pull request, the issue…) when its author is that person.
 * Payload text is data: it names people, it is never trusted to say more.
 */
export interface TriggeringActor {
  /** The login GitHub's permission is asked for; undefined when nothing names one. */
  login?: string;
  /** How the subject's author is associated with the repository, when they triggered the run. */
  association?: string;
  /** `a comment`, `a pull request opened`…: what the actor did, for the refusal. */
  deed?: string;
  /** On workflow_run, the upstream run's head repository when it is not this repository. */
  forkHead?: string;
}

/** The event's subject: its payload key and what its author did. */
const SUBJECTS: Record<string, [key: string, deed: string]> = {
  issue_comment: ['comment', 'a comment'],
  pull_request: ['pull_request', 'a pull request opened'],
  pull_request_target: ['pull_request', 'a pull request opened'],
  pull_request_review: ['review', 'a review'],
  pull_request_review_comment: ['comment', 'a review comment'],
  issues: ['issue', 'an issue opened'],
  discussion: ['discussion', 'a discussion opened'],
  discussion_comment: ['comment', 'a discussion comment'],
};

export function triggeringActor(eventName: string, payload: unknown, envActor?: string): TriggeringActor {
  const event = isObject(payload) ? payload : {};
  if (eventName === 'workflow_run') return upstreamActor(event, envActor);
  const [key, deed] = SUBJECTS[eventName] ?? [];
  const subject = key !== undefined ? objectAt(event, key) : undefined;
  const author = loginOf(subject?.user);
  const login = loginOf(event.sender) ?? (envActor || undefined) ?? author;
  if (!subject || author !== login) return { login };
  const raw = subject.author_association;
  return { login, deed, association: typeof raw === 'string' && raw ? raw.toUpperCase() : undefined };
}

/** The actor of the run that triggered this one, and whether its code came from a fork. */
function upstreamActor(event: Record<string, unknown>, envActor?: string): TriggeringActor {
  const run = objectAt(event, 'workflow_run') ?? {};
  const login = loginOf(run.triggering_actor) ?? loginOf(run.actor) ?? loginOf(event.sender) ?? (envActor || undefined);
  const head = fullName(run.head_repository);
  const base = fullName(run.repository) ?? fullName(event.repository);
  const forkHead = head && head.toLowerCase() !== base?.toLowerCase() ? head : undefined;
  return { login, forkHead, deed: 'the upstream workflow run started' };
}

function objectAt(record: Record<string, unknown>, key: string): Record<string, unknown> | undefined {
  const value = record[key];
  return isObject(value) ? value : undefined;
}

function loginOf(value: unknown): string | undefined {
  return isObject(value) && typeof value.login === 'string' && value.login ? value.login : undefined;
}

function fullName(value: unknown): string | undefined {
  return isObject(value) && typeof value.full_name === 'string' ? value.full_name : undefined;
}
