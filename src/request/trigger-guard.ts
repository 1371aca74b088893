import { isObject } from '../core/text.js';

/**
 * Who may spend the credits. `issue_comment` and `pull_request_target` runs get
 * the repository's secrets on behalf of whoever wrote the comment or opened the
 * pull request: on a public repository, anyone. On those events the run goes
 * ahead only for a trusted `author_association`.
 */

/** The associations GitHub gives to people with write access or organisation membership. */
const TRUSTED_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/** The events whose runs get secrets on behalf of someone who may be a stranger. */
const GUARDED_EVENTS: readonly string[] = ['issue_comment', 'pull_request_target'];

/**
 * Returns the problem text when the trigger may not spend credits, else undefined.
 * Call it before any request that costs (with the other input problems).
 *
 * @param eventName GITHUB_EVENT_NAME.
 * @param payload The parsed event payload (the JSON file at GITHUB_EVENT_PATH).
 * @param allowUntrusted The `allow-untrusted-trigger` input.
 */
export function checkTrigger(
  eventName: string | undefined,
  payload: unknown,
  allowUntrusted: boolean,
): string | undefined {
  if (allowUntrusted || !eventName || !GUARDED_EVENTS.includes(eventName)) return undefined;
  const trigger = triggeringUser(eventName, payload);
  if (trigger.association && TRUSTED_ASSOCIATIONS.includes(trigger.association)) return undefined;

  const who = trigger.login ? `@${trigger.login}` : 'a user the payload does not name';
  const what = eventName === 'issue_comment' ? `a comment by ${who}` : `a pull request opened by ${who}`;
  const association = trigger.association
    ? `whose author_association is ${trigger.association}`
    : 'and the event payload does not say how they are associated with the repository';
  return (
    `Refusing to run: this ${eventName} run was triggered by ${what}, ${association} ` +
    `(only ${TRUSTED_ASSOCIATIONS.join(', ')} may spend credits on this event). ` +
    `On ${eventName} the workflow gets the repository's secrets on behalf of that user, so on a public repository ` +
    "anyone could spend your Armox key's credits. To allow it anyway, set `allow-untrusted-trigger: true` " +
    '(and gate the job another way: an environment with required reviewers, or a label only maintainers can add).'
  );
}

/** The login and `author_association` of the user the guarded event acts for. */
function triggeringUser(eventName: string, payload: unknown): { login?: string; association?: string } {
  const key = eventName === 'issue_comment' ? 'comment' : 'pull_request';
  const subject = isObject(payload) ? payload[key] : undefined;
  if (!isObject(subject)) return {};
  const user = isObject(subject.user) ? subject.user : undefined;
  return {
    login: typeof user?.login === 'string' ? user.login : undefined,
    association: typeof subject.author_association === 'string' ? subject.author_association.toUpperCase() : undefined,
  };
}
