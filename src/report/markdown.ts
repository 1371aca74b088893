/**
 * Text from outside (Armox, storage, event payloads) made inert for GitHub
 * markdown: it cannot add markup or links, ping people, or reorder what is
 * shown. URLs in it stay valid links.
 */

/** Bidirectional controls (U+202A–U+202E, U+2066–U+2069): they can make `invoice\u202Egnp.exe` read as `invoice.exe`. */
const BIDI = /[\u202a-\u202e\u2066-\u2069]/g;

/** `@name` and `@org/team`: GitHub pings them. A word joiner after the `@` keeps the text and drops the ping. */
const MENTION = /@(?=[A-Za-z0-9])/g;

/** A bare http(s) URL in server text; trailing punctuation belongs to the sentence. */
const URL_IN_TEXT = /https?:\/\/[^\s<>"'`]*[^\s<>"'`.,;:!?]/g;

/** Visible `<U+202E>` instead of the control itself. */
export function withoutBidi(text: string): string {
  return text.replace(BIDI, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase()}>`);
}

/** Text for an HTML attribute or element body: no markup. */
export function escapeHtml(text: string): string {
  return withoutBidi(text).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text shown as text inside HTML (a caption, a summary): also no pings. */
export function htmlText(text: string): string {
  return escapeHtml(text).replace(MENTION, '@\u2060');
}

/**
 * Server text as one line of markdown: punctuation escaped, no HTML, no
 * mentions; a URL in it becomes a link to itself (never a backslash inside it).
 */
export function inline(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  let out = '';
  let at = 0;
  for (const match of flat.matchAll(URL_IN_TEXT)) {
    const url = balancedUrl(match[0]);
    out += escapeProse(flat.slice(at, match.index));
    out += link(url, url);
    at = match.index + url.length;
  }
  return out + escapeProse(flat.slice(at));
}

/** `https://x/(a)` keeps its `)`; `(see https://x/a)` does not: a closing bracket without its opener ends the sentence. */
function balancedUrl(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    const open = last === ')' ? '(' : last === ']' ? '[' : last === '}' ? '{' : undefined;
    if (!open) break;
    const text = url.slice(0, end);
    if (text.split(open).length >= text.split(last!).length) break;
    end -= 1;
  }
  return url.slice(0, end).replace(/[.,;:!?]+$/, '');
}

function escapeProse(text: string): string {
  const html = withoutBidi(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return html.replace(MENTION, '@\u2060').replace(/[\\`*_{}[\]()#+\-!|~]/g, (c) => `\\${c}`);
}

/** `<code>` with the text: inert whatever it holds. */
export function code(text: string, title?: string): string {
  const attribute = title ? ` title="${escapeHtml(title)}"` : '';
  return `<code${attribute}>${escapeHtml(text)}</code>`;
}

/** A link whose label is shown as text. */
export function link(label: string, url: string): string {
  return `<a href="${escapeHtml(url)}">${htmlText(label)}</a>`;
}

/**
 * A fenced block holding `text` as written: the fence is longer than any run
 * of backticks in it, so the text cannot close it. Only bidi controls change.
 */
export function fenced(text: string, language = ''): string[] {
  const body = withoutBidi(text.replace(/\r\n?/g, '\n').replace(/\n+$/, ''));
  const longest = Math.max(0, ...[...body.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return [`${fence}${language}`, body, fence];
}

/** A job id as its first 8 characters, the full id in the title (hover) and the manifest. */
export function shortId(id: string): string {
  return id.length > 12 ? code(id.slice(0, 8), id) : code(id);
}

/** The last path segment of a URL, decoded: how a file is named in a caption. */
export function fileName(url: string): string {
  try {
    const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? url;
    return decodeURIComponent(last);
  } catch {
    return url;
  }
}

export function byteLength(lines: string[]): number {
  return lines.reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
}
