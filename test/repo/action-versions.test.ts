/**
 * No workflow and no README example uses an action that runs on Node 20
 * (removed from GitHub's runners): each action the repository names is pinned
 * by full SHA to a major that declares node24, the version in a comment.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';

/** The first major of each action whose action.yml says `using: node24`. */
const FIRST_NODE24_MAJOR: Record<string, number> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'actions/attest-build-provenance': 3,
  'github/codeql-action': 4,
};

function usesLines(): Array<{ where: string; line: string }> {
  const files = [
    'README.md',
    ...readdirSync('.github/workflows').map((name) => path.posix.join('.github/workflows', name)),
  ];
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .map((line, index) => ({ where: `${file}:${index + 1}`, line: line.trim() }))
      .filter(({ line }) => /^(- )?uses: /.test(line) && !/uses: (\.\/|armox\/)/.test(line)),
  );
}

describe('the actions the workflows and the README use', () => {
  it('are each pinned to a full SHA with its version in a comment', () => {
    const unpinned = usesLines().filter(({ line }) => !/uses: [\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+/.test(line));
    expect(unpinned).toEqual([]);
  });

  it('are on a major that runs on node24', () => {
    const old = usesLines().filter(({ line }) => {
      const match = /uses: ([\w-]+\/[\w-]+)[\w/-]*@[0-9a-f]{40} # v(\d+)/.exec(line);
      const first = match ? FIRST_NODE24_MAJOR[match[1]!] : undefined;
      return first !== undefined && Number(match![2]) < first;
    });
    expect(usesLines().length).toBeGreaterThan(10);
    expect(old).toEqual([]);
  });
});
