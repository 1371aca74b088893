/**
 * Secrets are removed before outside text is cut (issue 17 §3): a body that
 * echoes the Authorization header, cut at any offset, shows no fragment of the
 * key or the token, whichever host sent it (Armox, GitHub).
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { ArmoxClient } from '../../src/armox/client.js';
import { errorMessage } from '../../src/core/errors.js';
import { Deadline } from '../../src/core/timing.js';
import { redactSecrets, registerSecrets } from '../../src/core/log.js';
import { clip, printable } from '../../src/core/text.js';
import { accessLookup } from '../../src/request/collaborator-access.js';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.js';
import { MemoryLogger } from '../helpers/memory-logger.js';

const KEY = 'sk_test_k3y9Q7wXz2Lp8Rv4';
const KEY_SECRET_PART = KEY.slice('sk_test_'.length);

/** Every run of 4 characters of `secret` found in `text`. */
function fragments(text: string, secret: string): string[] {
  const found: string[] = [];
  for (let i = 0; i + 4 <= secret.length; i++)
    if (text.includes(secret.slice(i, i + 4))) found.push(secret.slice(i, i + 4));
  return found;
}

/** `Authorization: <credential>` placed so that a cut at `cutAt` falls `into` characters inside the credential. */
function echo(credential: string, cutAt: number, into: number): string {
  const before = 'Authorization: ';
  return `${'.'.repeat(cutAt - into - before.length)}${before}${credential} (request headers echoed back)`;
}

const OFFSETS = [1, 3, 5, 8, 12, 17];
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

describe('redaction comes before any cut', () => {
  beforeAll(() => registerSecrets([KEY]));

  it.each(OFFSETS)('clip and printable cut %i characters into the key show none of it', (into) => {
    const text = echo(KEY, 100, into);
    for (const shown of [clip(text, 100), printable(text, 100)]) {
      expect(fragments(redactSecrets(shown, [KEY]), KEY_SECRET_PART)).toEqual([]);
    }
  });

  it.each(OFFSETS)('an Armox HTML error page, cut %i characters into the key', async (into) => {
    const emu: ArmoxEmulator = await startEmulator({ apiKey: KEY });
    cleanups.push(() => emu.close());
    // The client quotes the first 160 characters of a page that is not JSON.
    emu.fault({ kind: 'html', method: 'GET', path: '/apps', status: 400, body: echo(KEY, 160, into) });
    const log = new MemoryLogger();
    const client = new ArmoxClient({ apiUrl: emu.apiUrl, apiKey: KEY, log });
    const error = await client.listApps(Deadline.after(10_000)).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    const text = `${errorMessage(error)}\n${log.text}`;
    expect(text).toMatch(/400/);
    expect(fragments(text, KEY_SECRET_PART)).toEqual([]);
  });

  it.each(OFFSETS)('a GitHub error page, cut %i characters into the token', async (into) => {
    const github: FakeGitHub = await startFakeGitHub();
    cleanups.push(() => github.close());
    registerSecrets([github.token]);
    const secretPart = github.token.slice('ghs_'.length);
    github.permissionFailure = { status: 403, body: echo(`token ${github.token}`, 300, into + 'token '.length) };
    const log = new MemoryLogger();
    const lookup = accessLookup({ token: github.token, apiUrl: github.url, repository: 'octo/site', log })!;
    const access = await lookup('someone');
    expect(access.kind).toBe('unknown');
    const text = `${JSON.stringify(access)}\n${log.text}`;
    expect(text).toContain('Authorization: token');
    expect(fragments(text, secretPart)).toEqual([]);
  });
});
