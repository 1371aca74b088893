/** Durations, sizes and counts as users write and read them. */
const UNIT_MS: Record<string, number> = { h: 3_600_000, m: 60_000, s: 1_000, ms: 1 };

/** Matches `1h30m`, `15m`, `90s`, `250ms`, `1h2m3s`: each unit at most once, largest first. */
const COMPOUND = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m(?!s))?(?:(\d+(?:\.\d+)?)s)?(?:(\d+)ms)?$/;

/** The longest wait a timer can express (setTimeout's limit, about 24.8 days). */
export const MAX_DURATION_MS = 2_147_483_647;

/**
 * Parses a duration as users write it in a workflow: a bare number of seconds
 * (`900`), or units `h`, `m`, `s`, `ms` (`90s`, `15m`, `1h30m`).
 * Returns milliseconds, or undefined when the text is not a duration.
 */
export function parseDuration(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  if (value === '') return undefined;
  if (/^\d+(?:\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const match = COMPOUND.exec(value);
  if (!match || match.slice(1).every((part) => part === undefined)) return undefined;
  const [, h, m, s, ms] = match;
  const total =
    Number(h ?? 0) * UNIT_MS.h! + Number(m ?? 0) * UNIT_MS.m! + Number(s ?? 0) * UNIT_MS.s! + Number(ms ?? 0);
  return Math.round(total);
}

/** `95000` → `1m35s`; used in logs and the summary. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))}ms`;
  let seconds = Math.round(ms / 1000);
  const hours = Math.floor(seconds / 3600);
  seconds -= hours * 3600;
  const minutes = Math.floor(seconds / 60);
  seconds -= minutes * 60;
  const parts: string[] = [];
  if (hours) parts.push(`${hours}h`);
  if (minutes) parts.push(`${minutes}m`);
  if (seconds || parts.length === 0) parts.push(`${seconds}s`);
  return parts.join('');
}

/** `2500000` → `2.4 MiB`; used in logs and the summary. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/** `plural(3, 'file')` → `3 files`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
