/**
 * Cutting markdown to a size without breaking it: only between lines, never
 * inside a fenced block or an HTML element (`<details>`, `<table>`), so what
 * is kept renders as it would have whole.
 */

const OPEN_TAG = /<(details|table|tr|td|p|sub|b|a|code)\b[^>]*>/gi;
const CLOSE_TAG = /<\/(details|table|tr|td|p|sub|b|a|code)\s*>/gi;

/**
 * The longest prefix of `text`, cut at a line end where no fence or tag is
 * open, that fits in `max` characters; the whole text when it fits.
 */
export function cutAtSafeLine(text: string, max: number): { kept: string; cut: boolean } {
  if (text.length <= max) return { kept: text, cut: false };
  const lines = text.split('\n');
  let fence: string | undefined;
  let depth = 0;
  let length = 0;
  let safe = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    length += line.length + (index > 0 ? 1 : 0);
    if (length > max) break;
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (fence) {
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker)
        fence = undefined;
    } else if (marker) {
      fence = marker;
    } else {
      depth += (line.match(OPEN_TAG)?.length ?? 0) - (line.match(CLOSE_TAG)?.length ?? 0);
    }
    if (!fence && depth <= 0) safe = length;
  }
  return { kept: text.slice(0, safe).replace(/\s+$/, ''), cut: true };
}
