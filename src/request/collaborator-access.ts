/**
 * What GitHub says of one person's access to the repository, for the trigger
 * guard: `GET /repos/{owner}/{repo}/collaborators/{username}/permission`,
 * which the default GITHUB_TOKEN may read, through `core/github-api.ts`.
 */
import { CancelledError, errorMessage } from '../core/errors.js';
import { connect, GitHubCalls, LOOKUP_CALLS, splitRepository } from '../core/github-api.js';
import type { Logger } from '../core/log.js';
import type { Deadline } from '../core/timing.js';
import { isObject } from '../core/text.js';
import type { Access } from './trigger-guard.js';

export interface AccessLookup {
  token: string | undefined;
  /** GITHUB_API_URL. */
  apiUrl: string;
  /** GITHUB_REPOSITORY, `owner/repo`. */
  repository: string | undefined;
  log: Logger;
  signal?: AbortSignal;
  deadline?: Deadline;
}

/** The roles that may push (the answer's `role_name`; `permission` folds maintain into write). */
const WRITE_ROLES = ['admin', 'maintain', 'write'];

/** A function that asks GitHub about a login's access, or undefined when there is no token to ask with. */
export function accessLookup(options: AccessLookup): ((login: string) => Promise<Access>) | undefined {
  const { token } = options;
  if (!token) return undefined;
  return (login) => accessOf(login, token, options);
}

async function accessOf(login: string, token: string, options: AccessLookup): Promise<Access> {
  const repository = splitRepository(options.repository);
  if (!repository) return { kind: 'unknown', why: 'GITHUB_REPOSITORY is not set' };
  try {
    const octokit = await connect(token, options.apiUrl, options.log);
    const github = new GitHubCalls(octokit, {
      signal: options.signal,
      deadline: options.deadline,
      log: options.log,
      ...LOOKUP_CALLS,
    });
    const answer = await github.call(
      `read the permission of @${login}`,
      (request) => octokit.rest.repos.getCollaboratorPermissionLevel({ ...repository, username: login, request }),
      () => undefined,
    );
    if (!answer) return { kind: 'less', what: `is not a collaborator on ${options.repository}` };
    const data: unknown = answer.data;
    const role = isObject(data) && typeof data.role_name === 'string' ? data.role_name : undefined;
    const permission = isObject(data) && typeof data.permission === 'string' ? data.permission : 'none';
    if (WRITE_ROLES.includes(role ?? '') || WRITE_ROLES.includes(permission)) return { kind: 'write' };
    return { kind: 'less', what: `has ${role ?? permission} access to ${options.repository}` };
  } catch (error) {
    if (error instanceof CancelledError) throw error;
    return { kind: 'unknown', why: errorMessage(error) };
  }
}
