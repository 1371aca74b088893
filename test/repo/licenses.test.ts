/**
 * The licence check (scripts/check-licenses.js): the bundle's licences, from the
 * file ncc writes and from the production packages of the lock file, must be
 * on the allow-list.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isAllowed, parseLicenseFile, refusedLicenses } from '../../scripts/check-licenses.js';

const run = promisify(execFile);
const MIT_ENTRY = '@actions/github\nMIT\nThe MIT License (MIT)\n\nCopyright 2019 GitHub\n';
const GPL_ENTRY = 'copyleft-lib\nGPL-3.0-only\nGNU GENERAL PUBLIC LICENSE\n\nVersion 3\n';
const LOCK = {
  packages: { '': {}, 'node_modules/yaml': { license: 'ISC' }, 'node_modules/eslint': { dev: true, license: 'X' } },
};

async function check(licenses: string, lock: object = LOCK): Promise<{ code: number; stdout: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'armox-licenses-'));
  writeFileSync(path.join(dir, 'licenses.txt'), licenses);
  writeFileSync(path.join(dir, 'lock.json'), JSON.stringify(lock));
  const args = ['scripts/check-licenses.js', path.join(dir, 'licenses.txt'), path.join(dir, 'lock.json')];
  try {
    const { stdout } = await run(process.execPath, args);
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe('the licence check', () => {
  it('reads the package and licence of each entry ncc writes', () => {
    expect(parseLicenseFile(`${MIT_ENTRY}\n${GPL_ENTRY}`)).toEqual([
      { name: '@actions/github', license: 'MIT' },
      { name: 'copyleft-lib', license: 'GPL-3.0-only' },
    ]);
  });

  it('allows permissive licences and an OR with one of them, nothing else', () => {
    expect(isAllowed('MIT')).toBe(true);
    expect(isAllowed('(MIT OR GPL-3.0-only)')).toBe(true);
    expect(isAllowed('GPL-3.0-only')).toBe(false);
    expect(isAllowed('MIT AND GPL-3.0-only')).toBe(false);
    expect(isAllowed('UNKNOWN')).toBe(false);
  });

  it('passes on the bundle as it is', async () => {
    const result = await run(process.execPath, ['scripts/check-licenses.js']);
    expect(result.stdout).toContain('Every bundled licence is on the allow-list');
  });

  it('fails on a bundled dependency outside the allow-list, naming it', async () => {
    const result = await check(`${MIT_ENTRY}\n${GPL_ENTRY}`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('::error::copyleft-lib is bundled under GPL-3.0-only');
    expect(result.stdout).not.toContain('@actions/github is');
  });

  it('fails on a production package of the lock file without an allowed licence, not on dev tools', () => {
    const lock = { packages: { ...LOCK.packages, 'node_modules/secret-sauce': { license: 'UNLICENSED' } } };
    expect(refusedLicenses(MIT_ENTRY, lock)).toEqual([{ name: 'secret-sauce', license: 'UNLICENSED' }]);
    expect(refusedLicenses(MIT_ENTRY, LOCK)).toEqual([]);
  });
});
