/**
 * Local file names for downloaded outputs. The names come from URLs the action
 * does not control, so they are made safe to write anywhere (Linux, macOS,
 * Windows runners) and to paste into a shell script: no path separators, no
 * hidden or relative names, no control or invisible characters, bounded length.
 */

/** Longest name, in UTF-8 bytes (file systems allow 255; room is left for temp-file affixes). */
export const MAX_NAME_BYTES = 120;

/** Used when nothing usable is left of the URL's last segment. */
const FALLBACK_NAME = 'output';

/** An extension is a short ASCII suffix: `.png`, `.mp4`, `.json`. */
const EXTENSION = /\.[A-Za-z0-9]{1,12}$/;

const EXTENSIONS_BY_TYPE: Record<string, string> = {
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/jpg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
  'image/avif': '.avif',
  'image/bmp': '.bmp',
  'image/svg+xml': '.svg',
  'image/tiff': '.tiff',
  'video/mp4': '.mp4',
  'video/webm': '.webm',
  'video/quicktime': '.mov',
  'video/x-matroska': '.mkv',
  'audio/mpeg': '.mp3',
  'audio/mp3': '.mp3',
  'audio/wav': '.wav',
  'audio/x-wav': '.wav',
  'audio/wave': '.wav',
  'audio/ogg': '.ogg',
  'audio/aac': '.aac',
  'audio/flac': '.flac',
  'audio/mp4': '.m4a',
  'audio/webm': '.weba',
  'text/plain': '.txt',
  'text/html': '.html',
  'text/csv': '.csv',
  'text/markdown': '.md',
  'application/json': '.json',
  'application/pdf': '.pdf',
  'application/zip': '.zip',
  'model/gltf-binary': '.glb',
};

/** The reverse direction, for uploads: the first extension listed for a type wins. */
const TYPES_BY_EXTENSION: Record<string, string> = {};
for (const [type, extension] of Object.entries(EXTENSIONS_BY_TYPE)) TYPES_BY_EXTENSION[extension] ??= type;
TYPES_BY_EXTENSION['.jpeg'] = 'image/jpeg';
TYPES_BY_EXTENSION['.htm'] = 'text/html';

/** `.png` for `image/png; charset=binary`; undefined for unknown or missing types. */
export function extensionForContentType(contentType: string | undefined): string | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  return type ? EXTENSIONS_BY_TYPE[type] : undefined;
}

/** The media type for a file name, `application/octet-stream` when unknown. */
export function contentTypeForName(name: string): string {
  const extension = EXTENSION.exec(name)?.[0].toLowerCase();
  return (extension && TYPES_BY_EXTENSION[extension]) || 'application/octet-stream';
}

function hasExtension(name: string): boolean {
  return EXTENSION.test(name);
}

/**
 * A safe, unique file name for `url`: its last path segment, decoded and
 * cleaned, with an extension from `contentType` when it has none. The result
 * is added to `taken`, which holds lower-cased names (file systems on macOS
 * and Windows ignore case).
 */
export function safeFileName(url: string, contentType: string | undefined, taken: Set<string>): string {
  const name = sanitizeFileName(decodeLoosely(lastPathSegment(url)));
  const extension = EXTENSION.exec(name)?.[0];
  if (extension) return claimUnique(name.slice(0, -extension.length), extension, taken);
  return claimUnique(name, extensionForContentType(contentType) ?? '', taken);
}

/**
 * `name` (already claimed in `taken`) with the extension for `contentType`
 * added, when it has none and the type is known; otherwise `name` unchanged.
 * Used once a download's response reveals its type. Base names stay claimed,
 * and a candidate whose base is claimed by another file is skipped (`photo-2.png`
 * while `photo-2` is taken), so two files can never race for the same name and
 * the outcome does not depend on which download answers first.
 */
export function addExtension(name: string, contentType: string | undefined, taken: Set<string>): string {
  const extension = extensionForContentType(contentType);
  if (!extension || hasExtension(name)) return name;
  return claimUnique(name, extension, taken, true);
}

/** Claims `name` in `taken`, or the first free `stem-2.ext`, `stem-3.ext`… */
export function claimUniqueName(name: string, taken: Set<string>): string {
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  return claimUnique(name.slice(0, name.length - extension.length), extension, taken);
}

/** The last non-empty path segment, without query or fragment; still percent-encoded. */
function lastPathSegment(url: string): string {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    pathname = url.replace(/[?#].*$/s, '');
  }
  const segments = pathname.split('/').filter((segment) => segment !== '');
  return segments[segments.length - 1] ?? '';
}

/** Percent-decodes what decodes; a malformed `%` sequence is kept as written. */
export function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text.replace(/(%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run);
      } catch {
        return run;
      }
    });
  }
}

/* eslint-disable no-control-regex */
/** Characters replaced by `_`: separators, controls, what Windows forbids, and shell metacharacters. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029/\\<>:"|?*$`'!;&]/g;
/** Invisible format characters (bidi overrides such as U+202E, zero-width spaces, BOM), removed; ZWNJ/ZWJ are kept for the scripts that need them. */
const INVISIBLE = /(?![\u200c\u200d])\p{Cf}/gu;
/** A UTF-16 half without its other half (cannot be written as UTF-8). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;
/* eslint-enable no-control-regex */

/** Device names Windows reserves whatever the extension (`CON.png` cannot be created). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)\s*(\.|$)/i;

/** True for a name Windows cannot create as a file or folder (`CON`, `nul.txt`, `Com1.png`). */
export function isWindowsReservedName(name: string): boolean {
  return WINDOWS_RESERVED.test(name);
}

/** One path segment made safe as a file name; never empty. */
export function sanitizeFileName(raw: string): string {
  let name = raw
    .normalize('NFC')
    .replace(LONE_SURROGATE, '_')
    .replace(INVISIBLE, '')
    .replace(UNSAFE, '_')
    .replace(/\s/g, (c) => (c === ' ' ? c : ' '));
  // Leading dots make a name hidden or relative (`..`); trailing dots and spaces vanish on Windows.
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  // A name starting with `-` reads as an option to most commands.
  name = name.replace(/^-/, '_');
  if (WINDOWS_RESERVED.test(name)) name = `_${name}`;
  if (name === '') name = FALLBACK_NAME;
  const extension = EXTENSION.exec(name)?.[0] ?? '';
  return fitLength(name.slice(0, name.length - extension.length), extension);
}

/** `stem + extension`, the stem shortened (by whole characters) to fit MAX_NAME_BYTES. */
function fitLength(stem: string, extension: string, suffix = ''): string {
  const budget = MAX_NAME_BYTES - utf8Length(extension) - utf8Length(suffix);
  let kept = '';
  let bytes = 0;
  for (const char of stem) {
    bytes += utf8Length(char);
    if (bytes > budget) break;
    kept += char;
  }
  if (kept.length < stem.length) kept = kept.replace(/[\s.]+$/, '');
  return `${kept || FALLBACK_NAME}${suffix}${extension}`;
}

/**
 * Claims `stem + extension`, or the first free `stem-2.ext`, `stem-3.ext`…
 * With `skipClaimedStems`, a numbered candidate whose extension-less form is
 * claimed is skipped too (see addExtension).
 */
function claimUnique(stem: string, extension: string, taken: Set<string>, skipClaimedStems = false): string {
  const isFree = (name: string) => !taken.has(name.toLowerCase());
  let candidate = fitLength(stem, extension);
  for (let n = 2; !isFree(candidate); n++) {
    const numbered = fitLength(stem, extension, `-${n}`);
    const stemClaimed = skipClaimedStems && !isFree(numbered.slice(0, numbered.length - extension.length));
    if (!stemClaimed) candidate = numbered;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

function utf8Length(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}
