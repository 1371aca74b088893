import { readFile } from 'node:fs/promises';

/** The event payload (`GITHUB_EVENT_PATH`), or undefined when there is none or it cannot be read. */
export async function readEventPayload(eventPath: string | undefined): Promise<unknown> {
  if (!eventPath) return undefined;
  try {
    return JSON.parse(await readFile(eventPath, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}
