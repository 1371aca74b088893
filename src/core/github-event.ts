import { readFile } from 'node:fs/promises';
import { errorMessage } from './errors.js';
import type { Logger } from './log.js';

/**
 * The event payload (`GITHUB_EVENT_PATH`), or undefined when there is none or
 * it cannot be read (then a warning says so: the trigger guard, repository
 * files, the release lookup and the comment treat the event as unknown).
 * The main step reads it once and hands it on (`RunContext.event`).
 */
export async function readEventPayload(eventPath: string | undefined, log: Logger): Promise<unknown> {
  if (!eventPath) return undefined;
  try {
    return JSON.parse(await readFile(eventPath, 'utf8')) as unknown;
  } catch (error) {
    log.warning(
      `Could not read the event payload (GITHUB_EVENT_PATH ${eventPath}): ${errorMessage(error)}. ` +
        'The event is treated as unknown.',
    );
    return undefined;
  }
}
