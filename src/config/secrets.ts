import { Input } from './names.js';

/** Reads one input by its action.yml name; empty string when not given. */
export type InputReader = (name: string) => string;

export interface Secrets {
  /** `api-key`, else the ARMOX_API_KEY environment variable. */
  apiKey: string;
  /** `github-token`, else the GITHUB_TOKEN environment variable. */
  githubToken: string;
}

/**
 * The two secrets, read one way for everyone: the configuration uses them, and
 * the start-up masking hides exactly these values before anything is printed.
 */
export function readSecrets(read: InputReader, env: Record<string, string | undefined>): Secrets {
  return {
    apiKey: read(Input.ApiKey).trim() || (env.ARMOX_API_KEY ?? '').trim(),
    githubToken: read(Input.GithubToken).trim() || (env.GITHUB_TOKEN ?? '').trim(),
  };
}

/** The non-empty secret values, for masking and redaction. */
export function secretValues(secrets: Secrets): string[] {
  return [secrets.apiKey, secrets.githubToken].filter((value) => value.length > 0);
}
