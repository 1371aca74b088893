import { readFile } from 'node:fs/promises';
import { errorMessage } from './errors.js';
import type { Logger } from './log.js';

/**
 * The event payload (`GITHUB_EVENT_PATH`), or undefined when there is none or
 * it cannot be read (then, with `log`, a warning says so: the trigger guard,
 * repository files and comments treat the event as unknown).
 */
export async function readEventPayload(eventPath: string | undefined, log?: Logger): Promise<unknown> {
  if (!eventPath) return undefined;
  try {
    return JSON.parse(await readFile(eventPath, 'utf8')) as unknown;
  } catch (error) {
    log?.warning(
      `Could not read the event payload (GITHUB_EVENT_PATH ${eventPath}): ${errorMessage(error)}. ` +
        'The event is treated as unknown.',
    );
    return undefined;
  }
}
