/** The committed dist/ must be exactly what the sources build: the runner runs dist/, not src/. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../scripts/action-runner.js';

describe('dist/', () => {
  it('matches a fresh build of src/', { timeout: 600_000 }, () => {
    const out = mkdtempSync(path.join(tmpdir(), 'armox-dist-'));
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/@vercel/ncc/dist/ncc/cli.js'),
        'build',
        'src/index.ts',
        '-o',
        out,
        '--license',
        'licenses.txt',
        '--quiet',
      ],
      {
        cwd: ROOT,
        stdio: 'pipe',
      },
    );
    const committed = readdirSync(path.join(ROOT, 'dist')).sort();
    expect(readdirSync(out).sort()).toEqual(committed);
    for (const file of committed) {
      const fresh = readFileSync(path.join(out, file), 'utf8');
      const current = readFileSync(path.join(ROOT, 'dist', file), 'utf8');
      expect(current === fresh, `dist/${file} is stale: run npm run build and commit dist/`).toBe(true);
    }
    expect(JSON.parse(readFileSync(path.join(ROOT, 'dist/package.json'), 'utf8'))).toEqual({ type: 'module' });
  });
});
