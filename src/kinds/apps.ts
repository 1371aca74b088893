import type { App } from '../armox/types.js';
import { printable } from '../core/text.js';
import { InputError } from '../core/errors.js';
import { foldName } from './inputs-check.js';

/** Finds the app by exact id, or by name (case-insensitive); errors list what the key can see. */
export function resolveApp(apps: App[], wanted: { appId?: string; appName?: string }): App {
  if (wanted.appId) {
    const app = apps.find((candidate) => candidate.id === wanted.appId);
    if (app) return app;
    throw new InputError(
      `app-id "${printable(wanted.appId)}" is not among the apps this API key can use.\n${listApps(apps)}`,
    );
  }
  const name = foldName(wanted.appName ?? '');
  const matches = apps.filter((candidate) => foldName(candidate.name) === name);
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) {
    throw new InputError(
      `app-name "${printable(wanted.appName ?? '')}" matches no app this API key can use.\n${listApps(apps)}`,
    );
  }
  throw new InputError(
    `app-name "${printable(wanted.appName ?? '')}" matches ${matches.length} apps; use app-id to pick one.\n${listApps(matches)}`,
  );
}

function listApps(apps: App[]): string {
  if (apps.length === 0) return 'This API key sees no apps (check that the key belongs to the right Armox account).';
  const width = Math.max(...apps.map((app) => app.name.length));
  return ['Apps available (name, app-id):', ...apps.map((app) => `  ${app.name.padEnd(width)}  ${app.id}`)].join('\n');
}
