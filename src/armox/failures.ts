import { ApiError } from '../core/errors.js';
import type { HttpResult } from '../core/http.js';
import { clip, isObject } from '../core/text.js';

/** How the API's failed answers become errors that name the call and say what to do. */

const STATUS_HINTS: Record<number, string> = {
  401: 'Check the api-key secret: it must be a valid Armox key (sk_live_…) for this api-url.',
  402: 'Add credits to the Armox account, or run a cheaper app or model.',
  403: 'API access needs an eligible Armox subscription, and the key must be allowed to use the app or model.',
};

export function header(result: HttpResult, name: string): string | undefined {
  const value = result.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** The `error` text of an Armox error body, when the body is one. */
export function apiErrorText(result: HttpResult): string | undefined {
  try {
    const parsed = JSON.parse(result.body) as unknown;
    if (isObject(parsed) && typeof parsed.error === 'string') return clip(oneLine(parsed.error), 500);
    if (isObject(parsed) && isObject(parsed.error) && typeof parsed.error.message === 'string')
      return clip(oneLine(parsed.error.message), 500);
  } catch {
    // not JSON: described below
  }
  return undefined;
}

export function httpError(call: string, result: HttpResult): ApiError {
  const status = result.status;
  const transient = status >= 500 || status === 408;
  if (status >= 300 && status < 400) {
    const location = header(result, 'location');
    return new ApiError(
      `${call} failed: the API answered ${status} redirecting to ${location ?? '(nowhere)'}. Set api-url to the final address.`,
      call,
      status,
    );
  }
  const text = apiErrorText(result) ?? describeNonJson(result);
  const hint = STATUS_HINTS[status];
  return new ApiError(
    `${call} failed: ${status} ${JSON.stringify(text)}.${hint ? ` ${hint}` : ''}`,
    call,
    status,
    transient,
  );
}

export function describeNonJson(result: HttpResult): string {
  const type = header(result, 'content-type') ?? 'no content type';
  const text = result.body
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const snippet = text ? `: ${clip(oneLine(text), 160)}` : '';
  return `an answer that is not JSON (${type}, ${Buffer.byteLength(result.body)} bytes${snippet})`;
}

/** Server text on one line: control characters (newlines too) become spaces. */
function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, ' ');
}
