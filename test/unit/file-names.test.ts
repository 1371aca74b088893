import { describe, expect, it } from 'vitest';
import {
  addExtension,
  contentTypeForName,
  decodeLoosely,
  extensionForContentType,
  MAX_NAME_BYTES,
  safeFileName,
  sanitizeFileName,
} from '../../src/deliver/file-names.js';

const name = (url: string, contentType?: string) => safeFileName(url, contentType, new Set());
const base = 'https://storage.example.com/outputs/';

/** What every produced name must satisfy, on every runner OS. */
function expectSafe(result: string): void {
  expect(result).not.toBe('');
  // eslint-disable-next-line no-control-regex
  expect(result).not.toMatch(/[/\\<>:"|?*\u0000-\u001f\u007f]/);
  expect(result).not.toMatch(/^[.\s-]/);
  expect(result).not.toMatch(/[.\s]$/);
  expect(result).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b\ufeff]/);
  expect(result).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
  expect(Buffer.byteLength(result)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  expect(Buffer.from(result, 'utf8').toString('utf8')).toBe(result); // no lone surrogates
}

describe('safeFileName', () => {
  it('uses the last path segment, decoded, ignoring query and fragment', () => {
    expect(name(`${base}cat%20photo.png?X-Amz-Signature=abc&name=evil.exe#frag`)).toBe('cat photo.png');
    expect(name(`${base}a/b/c/result.mp4`)).toBe('result.mp4');
    expect(name(`${base}dir/`)).toBe('dir');
  });

  it('keeps unicode names', () => {
    expect(name(`${base}${encodeURIComponent('café-日本語-🎨.png')}`)).toBe('café-日本語-🎨.png');
    expect(name(`${base}Пример.webp`)).toBe('Пример.webp');
  });

  const hostile: Array<[string, string]> = [
    ['..%2F..%2Fetc%2Fpasswd', '_.._etc_passwd'],
    ['..%5C..%5Cwindows%5Cwin.ini', '_.._windows_win.ini'],
    ['%2e%2e', 'output'],
    ['...', 'output'],
    ['.bashrc', 'bashrc'],
    ['a%00b.png', 'a_b.png'],
    ['evil%0A%0Dname.png', 'evil__name.png'],
    ['photo%E2%80%AEgnp.exe', 'photognp.exe'], // U+202E right-to-left override removed
    ['zero%E2%80%8Bwidth.png', 'zerowidth.png'],
    ['CON.png', '_CON.png'],
    ['nul', '_nul'],
    ['com1.tar.gz', '_com1.tar.gz'],
    ['LPT9.txt', '_LPT9.txt'],
    ['console.png', 'console.png'],
    ['what%3F%2A%3C%3E%7C%22%3A.png', 'what_______.png'],
    ['%24(rm%20-rf%20~).png', '_(rm -rf ~).png'],
    ['%60id%60.png', '_id_.png'],
    ['-rf', '_rf'],
    ['trailing.%20.%20', 'trailing'],
    ['100%25.png', '100%.png'],
    ['bad%ZZescape%E2.png', 'bad%ZZescape%E2.png'],
    ['ok%20then%ZZ.png', 'ok then%ZZ.png'],
  ];
  it.each(hostile)('%s → %s', (segment, expected) => {
    const result = name(base + segment);
    expect(result).toBe(expected);
    expectSafe(result);
  });

  it('never escapes upward whatever the URL says', () => {
    for (const url of [
      'https://h/../../etc/passwd',
      'https://h/a/..%2f..%2f..%2fetc',
      'https://h/%2F',
      'https://h/%5C',
      'https://h/',
      'https://h',
      'not a url/../../x',
      'file:///etc/passwd',
    ]) {
      const result = name(url);
      expectSafe(result);
      expect(result).not.toContain('/');
      expect(result).not.toBe('..');
    }
  });

  it('shortens long names to the byte limit, keeping the extension', () => {
    const long = name(`${base}${'a'.repeat(500)}.png`);
    expect(long.endsWith('.png')).toBe(true);
    expect(Buffer.byteLength(long)).toBe(MAX_NAME_BYTES);
    // Multi-byte characters are cut whole, never in the middle.
    const wide = name(`${base}${encodeURIComponent('日'.repeat(200))}.mp4`);
    expectSafe(wide);
    expect(wide).toMatch(/^日+\.mp4$/);
    const emoji = name(`${base}${encodeURIComponent('🎨'.repeat(100))}`);
    expectSafe(emoji);
    expect(emoji).toMatch(/^(🎨)+$/u);
  });

  it('adds an extension from the Content-Type when the name has none', () => {
    expect(name(`${base}render`, 'image/png')).toBe('render.png');
    expect(name(`${base}render`, 'image/jpeg')).toBe('render.jpg');
    expect(name(`${base}clip`, 'video/mp4')).toBe('clip.mp4');
    expect(name(`${base}voice`, 'audio/mpeg')).toBe('voice.mp3');
    expect(name(`${base}notes`, 'text/plain; charset=utf-8')).toBe('notes.txt');
    expect(name(`${base}data`, 'Application/JSON')).toBe('data.json');
    expect(name(`${base}blob`, 'application/x-unknown')).toBe('blob');
    expect(name(`${base}blob`, undefined)).toBe('blob');
    // An existing extension wins over the header.
    expect(name(`${base}photo.jpeg`, 'image/png')).toBe('photo.jpeg');
    // No name at all still gets one.
    expect(name('https://h/', 'image/webp')).toBe('output.webp');
  });

  it('numbers duplicates before the extension, ignoring case', () => {
    const taken = new Set<string>();
    expect(safeFileName(`${base}same.png`, undefined, taken)).toBe('same.png');
    expect(safeFileName(`https://other/same.png?v=2`, undefined, taken)).toBe('same-2.png');
    expect(safeFileName(`${base}SAME.png`, undefined, taken)).toBe('SAME-3.png');
    expect(safeFileName(`${base}same`, undefined, taken)).toBe('same');
    expect(safeFileName(`${base}same`, undefined, taken)).toBe('same-2');
    expect([...taken]).toEqual(['same.png', 'same-2.png', 'same-3.png', 'same', 'same-2']);
  });

  it('keeps numbered long names within the limit', () => {
    const taken = new Set<string>();
    const first = safeFileName(`${base}${'x'.repeat(300)}.png`, undefined, taken);
    const second = safeFileName(`${base}${'x'.repeat(300)}.png`, undefined, taken);
    expect(second).not.toBe(first);
    expect(second.endsWith('-2.png')).toBe(true);
    expect(Buffer.byteLength(second)).toBeLessThanOrEqual(MAX_NAME_BYTES);
  });
});

describe('addExtension', () => {
  it('adds the type extension to a claimed name, keeping names unique', () => {
    const taken = new Set<string>();
    const a = safeFileName(`${base}image`, undefined, taken); // image
    const b = safeFileName(`${base}x/image`, undefined, taken); // image-2
    const c = safeFileName(`${base}image.png`, undefined, taken); // image.png
    expect([a, b, c]).toEqual(['image', 'image-2', 'image.png']);
    // Whichever answers first, a gets image-3.png (image-2.png belongs to b's base) and b gets image-2.png.
    expect(addExtension(a, 'image/png', taken)).toBe('image-3.png');
    expect(addExtension(b, 'image/png', taken)).toBe('image-2.png');

    const reversed = new Set<string>();
    const a2 = safeFileName(`${base}image`, undefined, reversed);
    const b2 = safeFileName(`${base}x/image`, undefined, reversed);
    safeFileName(`${base}image.png`, undefined, reversed);
    expect(addExtension(b2, 'image/png', reversed)).toBe('image-2.png');
    expect(addExtension(a2, 'image/png', reversed)).toBe('image-3.png');
  });

  it('leaves names that have an extension, or unknown types, alone', () => {
    const taken = new Set(['a.mp4', 'b']);
    expect(addExtension('a.mp4', 'image/png', taken)).toBe('a.mp4');
    expect(addExtension('b', 'application/octet-stream', taken)).toBe('b');
    expect(addExtension('b', undefined, taken)).toBe('b');
  });
});

describe('helpers', () => {
  it('maps types both ways', () => {
    expect(extensionForContentType('image/webp')).toBe('.webp');
    expect(extensionForContentType('audio/wav')).toBe('.wav');
    expect(extensionForContentType('')).toBeUndefined();
    expect(contentTypeForName('a.PNG')).toBe('image/png');
    expect(contentTypeForName('a.jpg')).toBe('image/jpeg');
    expect(contentTypeForName('a.jpeg')).toBe('image/jpeg');
    expect(contentTypeForName('a.mp3')).toBe('audio/mpeg');
    expect(contentTypeForName('a.bin')).toBe('application/octet-stream');
    expect(contentTypeForName('noext')).toBe('application/octet-stream');
  });

  it('decodes what it can', () => {
    expect(decodeLoosely('a%20b')).toBe('a b');
    expect(decodeLoosely('50%')).toBe('50%');
    expect(decodeLoosely('%E2%82%AC%ZZ')).toBe('€%ZZ');
    expect(decodeLoosely('%FF%20')).toBe('%FF%20');
  });

  it('sanitizes lone surrogates and odd whitespace', () => {
    expect(sanitizeFileName('a\ud800b.png')).toBe('a_b.png');
    expect(sanitizeFileName('tab\there\u00a0nbsp.txt')).toBe('tab_here nbsp.txt');
    expect(sanitizeFileName('line\u2028sep')).toBe('line_sep');
  });
});
