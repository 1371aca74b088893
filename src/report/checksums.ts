/**
 * The checksums file: every downloaded file's sha256 in `sha256sum` format
 * (`<hex>  <path>`, paths relative to the workspace), written beside the
 * manifest. `sha256sum -c` checks it from the workspace, and
 * actions/attest-build-provenance takes it as `subject-checksums`.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Manifest } from './manifest.js';

/** `renders/armox.json` → `renders/armox.sha256`: the checksums file beside a manifest. */
export function checksumsPathFor(manifestPath: string): string {
  const extension = path.extname(manifestPath);
  const base = extension.toLowerCase() === '.json' ? manifestPath.slice(0, -extension.length) : manifestPath;
  return `${base}.sha256`;
}

/**
 * One line a file, as `sha256sum` writes it: a name holding a backslash or a
 * line break is escaped and its line starts with a backslash.
 */
export function checksumLines(manifest: Manifest): string {
  const seen = new Set<string>();
  let text = '';
  for (const file of manifest.runs.flatMap((run) => run.files)) {
    if (seen.has(file.path)) continue;
    seen.add(file.path);
    const escaped = /[\\\n\r]/.test(file.path);
    const name = escaped ? file.path.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : file.path;
    text += `${escaped ? '\\' : ''}${file.sha256}  ${name}\n`;
  }
  return text;
}

/** Writes the checksums atomically (a temporary file, then a rename); false when there is no file to list. */
export async function writeChecksums(filePath: string, manifest: Manifest): Promise<boolean> {
  const text = checksumLines(manifest);
  if (text === '') return false;
  await mkdir(path.dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, filePath);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return true;
}
