import { Input } from './names.js';

/** Reads one input by its action.yml name; empty string when not given. */
export type InputReader = (name: string) => string;

export interface Secrets {
  /** `api-key`, else the ARMOX_API_KEY environment variable. */
  apiKey: string;
  /** `github-token`, else the GITHUB_TOKEN environment variable. */
  githubToken: string;
  /** `webhook-url`: it often carries a token, so it is masked and never shown. */
  webhookUrl: string;
}

/**
 * The secrets, read one way for everyone: the configuration uses them, and
 * the start-up masking hides exactly these values before anything is printed.
 */
export function readSecrets(read: InputReader, env: Record<string, string | undefined>): Secrets {
  return {
    apiKey: read(Input.ApiKey).trim() || (env.ARMOX_API_KEY ?? '').trim(),
    githubToken: read(Input.GithubToken).trim() || (env.GITHUB_TOKEN ?? '').trim(),
    webhookUrl: read(Input.WebhookUrl).trim(),
  };
}

/** The non-empty secret values, for masking and redaction. */
export function secretValues(secrets: Secrets): string[] {
  const values = [secrets.apiKey, secrets.githubToken, secrets.webhookUrl];
  // The URL as the request sends it too (`new URL` may add a slash or lower the host).
  return [...new Set([...values, urlHref(secrets.webhookUrl)])].filter((value) => value.length > 0);
}

function urlHref(text: string): string {
  try {
    return text ? new URL(text).href : '';
  } catch {
    return '';
  }
}
