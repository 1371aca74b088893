import { lstatSync } from 'node:fs';
import path from 'node:path';

/**
 * The first symbolic link on the way from `root` down to `target` (`target`
 * itself included), or undefined. The step never creates links, so a link
 * there was put by someone else, and writing through it would land outside
 * the folder the user named. Only the part below `root` is looked at: the
 * runner's own folders above the workspace may be links.
 */
export function linkOnTheWay(root: string, target: string): string | undefined {
  const below = path.relative(root, target);
  if (below === '' || below.startsWith('..') || path.isAbsolute(below)) return undefined;
  let current = root;
  for (const part of below.split(path.sep)) {
    current = path.join(current, part);
    let isLink: boolean;
    try {
      isLink = lstatSync(current).isSymbolicLink();
    } catch {
      return undefined; // Missing: nothing below it exists yet, the step creates it.
    }
    if (isLink) return current;
  }
  return undefined;
}
