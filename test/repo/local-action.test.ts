/** `npm run local-action` (GitHub's @github/local-action) imports the entry named in package.json and calls its run(). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('npm run local-action', () => {
  it('points at an entry that exports run()', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      scripts: Record<string, string>;
    };
    const entry = /local-action \. (\S+\.ts) /.exec(pkg.scripts['local-action'] ?? '')?.[1];
    expect(entry).toBe('src/main.ts');
    const module = (await import(`../../${entry}`)) as { run?: unknown };
    expect(typeof module.run).toBe('function');
  });
});
