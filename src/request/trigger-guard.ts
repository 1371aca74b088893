import { triggeringActor, type TriggeringActor } from './trigger-actor.js';

/**
 * Who may spend the credits. A workflow gets the repository's secrets on
 * behalf of whoever triggered it; on a public repository, many events can be
 * triggered by anyone (a comment, an issue, a review, a fork's pull request
 * whose run starts a `workflow_run`). So the run goes ahead on an event only
 * people with write access can start, and on any other event (known or not)
 * only when the person who triggered it has write access.
 */

/** Events only people with write access (or GitHub itself, on their behalf) can start. */
export const WRITER_EVENTS: readonly string[] = [
  'push',
  'workflow_dispatch',
  'schedule',
  'release',
  'merge_group',
  'repository_dispatch',
  'create',
  'delete',
  'deployment',
  'deployment_status',
  'page_build',
  'registry_package',
  'branch_protection_rule',
  'public',
];

/** The associations GitHub gives to people with write access or organisation membership. */
const TRUSTED_ASSOCIATIONS: readonly string[] = ['OWNER', 'MEMBER', 'COLLABORATOR'];

/** What GitHub says of a person's access: `write` covers admin, maintain and write. */
export type Access = { kind: 'write' } | { kind: 'less'; what: string } | { kind: 'unknown'; why: string };

export interface TriggerCheck {
  /** GITHUB_EVENT_NAME. */
  eventName: string | undefined;
  /** The parsed event payload (the JSON file at GITHUB_EVENT_PATH). */
  payload: unknown;
  /** The `allow-untrusted-trigger` input. */
  allowUntrusted: boolean;
  /** GITHUB_ACTOR, when the payload names no sender. */
  actor?: string;
  /** Asks GitHub about a login's access (`GET /repos/{o}/{r}/collaborators/{u}/permission`). */
  accessOf?: (login: string) => Promise<Access>;
}

/**
 * Returns the problem text when the trigger may not spend credits, else
 * undefined. Call it before any request that costs.
 */
export async function checkTrigger(check: TriggerCheck): Promise<string | undefined> {
  const { eventName } = check;
  if (check.allowUntrusted || !eventName || WRITER_EVENTS.includes(eventName)) return undefined;
  const actor = triggeringActor(eventName, check.payload, check.actor);
  const why = await whyUntrusted(actor, check);
  return why === undefined ? undefined : refusal(eventName, actor, why);
}

/** Why `actor` may not spend, or undefined when they have write access. */
async function whyUntrusted(actor: TriggeringActor, check: TriggerCheck): Promise<string | undefined> {
  if (actor.forkHead) return `from the fork ${actor.forkHead}`;
  if (actor.association) {
    if (TRUSTED_ASSOCIATIONS.includes(actor.association)) return undefined;
    return `whose author_association is ${actor.association} (only ${TRUSTED_ASSOCIATIONS.join(', ')} may spend credits on this event)`;
  }
  const unsaid = 'and the event payload does not say how they are associated with the repository';
  if (!actor.login) return unsaid;
  if (!check.accessOf) return `${unsaid}, and github-token is empty, so GitHub cannot be asked`;
  const access = await check.accessOf(actor.login);
  if (access.kind === 'write') return undefined;
  if (access.kind === 'less')
    return `who ${access.what} (only people with write access may spend credits on this event)`;
  return `${unsaid}, and GitHub could not say whether they have write access: ${access.why}`;
}

function refusal(eventName: string, actor: TriggeringActor, why: string): string {
  const who = actor.login ? `@${actor.login}` : 'a user the payload does not name';
  const what = actor.deed ? `${actor.deed} by ${who}` : who;
  return (
    `Refusing to run: this ${eventName} run was triggered by ${what}, ${why}. ` +
    `On ${eventName} the workflow gets the repository's secrets on behalf of whoever triggered it, so on a public repository ` +
    "anyone could spend your Armox key's credits. To allow it anyway, set `allow-untrusted-trigger: true` " +
    '(and gate the job another way: an environment with required reviewers, or a label only maintainers can add).'
  );
}
