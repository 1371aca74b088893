import { randomBytes } from 'node:crypto';

/**
 * The runner executes a stdout line as a workflow command when, after its
 * leading blanks (.NET's TrimStart: any Unicode white space), it starts with
 * `::`, and it still honours the legacy `##[command]` anywhere in a line. It
 * splits lines at `\n` and at a lone `\r`. Text from outside the step (names,
 * descriptions, error bodies, text outputs, file names) may hold such lines.
 *
 * Such a message is fenced with `::stop-commands::<token>` … `::<token>::`, the
 * toolkit's way, rather than escaped: the text stays exactly as written (an
 * error or a path can be copied from the log), one rule covers both command
 * forms and every line break, and a fresh random token per message cannot be
 * guessed by the text to end the fence early. Messages that cannot hold a
 * command are printed as they are, so ordinary logs do not change.
 */

/** A line whose start (after white space, the BOM and zero-width characters) is `::`. */
const COMMAND_LINE = /(^|[\n\r\u0085\u2028\u2029])[\s\u0085\u180e\u200b-\u200d\u2060\ufeff]*::/;

/** True when some line of `text` could be read by the runner as a workflow command. */
export function mayHoldCommand(text: string): boolean {
  return COMMAND_LINE.test(text) || text.includes('##[');
}

/** A stop-commands token: random, so no text written before the step ran can hold it. */
export function freshToken(): string {
  return `armox-${randomBytes(16).toString('hex')}`;
}

/** `text` as a log message in which no line acts as a workflow command. */
export function inertLogText(text: string, token: () => string = freshToken): string {
  if (!mayHoldCommand(text)) return text;
  const fence = token();
  return `::stop-commands::${fence}\n${text}\n::${fence}::`;
}
