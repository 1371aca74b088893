import { afterEach, beforeEach, expect } from 'vitest';
import { startEmulator, type ArmoxEmulator } from '../../emulator/armox-emulator.js';
import { startFakeGitHub, type FakeGitHub } from './fake-github.js';

export interface Servers {
  emu: ArmoxEmulator;
  github: FakeGitHub;
}

/**
 * A fresh Armox emulator and fake GitHub for each test of the calling file,
 * handed to `use` before the test and closed after it. A test also fails when
 * the emulator itself met an error while serving it.
 */
export function useServers(use: (servers: Servers) => void): void {
  let servers: Servers | undefined;
  beforeEach(async () => {
    servers = { emu: await startEmulator(), github: await startFakeGitHub() };
    use(servers);
  });
  afterEach(async () => {
    expect(servers?.emu.errors).toEqual([]);
    await servers?.emu.close();
    await servers?.github.close();
  });
}

/** The `with:` values every end-to-end run against the two servers starts from. */
export function connectionInputs({ emu, github }: Servers): Record<string, string> {
  return { 'api-key': emu.apiKey, 'api-url': emu.apiUrl, 'poll-interval': '50ms', 'github-token': github.token };
}
