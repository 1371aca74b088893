import { describe, expect, it } from 'vitest';
import { inertLogText, mayHoldCommand } from '../../src/core/inert-log.js';

describe('inertLogText', () => {
  it('leaves text that cannot hold a command as it is', () => {
    for (const text of ['Job 1 accepted', 'a :: b', 'ratio 16:9', '#[x]']) expect(inertLogText(text)).toBe(text);
  });

  it.each([
    '::warning::x',
    '  ::add-mask::Job',
    'ok\n::error::x',
    'ok\r::error::x',
    'ok\u2028::error::x',
    '\u00a0\u3000::debug::x',
    '\ufeff::debug::x',
    'text ##[error]legacy',
  ])('fences %j with a fresh token', (text) => {
    expect(mayHoldCommand(text)).toBe(true);
    const tokens = ['t1', 't2'];
    const first = inertLogText(text, () => tokens.shift()!);
    expect(first).toBe(`::stop-commands::t1\n${text}\n::t1::`);
    expect(inertLogText(text, () => tokens.shift()!)).toContain('::stop-commands::t2\n');
  });

  it('draws a different random token each time', () => {
    expect(inertLogText('::x::y')).not.toBe(inertLogText('::x::y'));
  });
});
