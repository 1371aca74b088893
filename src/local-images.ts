import { resolveRepoFiles, type RepoContext, type RepoFileMapping } from './repo-files.js';
import type { InputsSource } from './target.js';

/** A value that names an image file by a path (no URL scheme, no spaces): `sketches/hall.png`. */
const IMAGE_PATH = /^[^\s:]+\.(png|jpe?g|webp|gif|avif|bmp|tiff?|heic|heif)$/i;

/**
 * Image inputs given as workspace paths, sent as their public URL at the commit
 * being built (public repositories only; see repo-files.ts). Every value in the
 * sources that names an image file is resolved once; the sources come back with
 * the URLs in place, and every path that cannot be mapped is a problem.
 */
export async function mapLocalImages(
  runs: InputsSource[][],
  context: RepoContext,
): Promise<{ runs: InputsSource[][]; mappings: RepoFileMapping[]; problems: string[] }> {
  const requests = new Map<string, string>();
  for (const sources of runs) {
    for (const source of sources) {
      for (const [key, value] of source.entries) {
        for (const text of imagePaths(value)) if (!requests.has(text)) requests.set(text, `${source.name}: "${key}"`);
      }
    }
  }
  if (requests.size === 0) return { runs, mappings: [], problems: [] };
  const { mappings, problems } = await resolveRepoFiles(
    [...requests].map(([value, input]) => ({ input, value })),
    context,
  );
  const urls = new Map(mappings.map((mapping) => [mapping.value, mapping.url]));
  const swap = (value: unknown): unknown =>
    typeof value === 'string' ? (urls.get(value) ?? value) : Array.isArray(value) ? value.map(swap) : value;
  return {
    runs: runs.map((sources) =>
      sources.map((source) => ({ ...source, entries: source.entries.map(([key, value]) => [key, swap(value)]) })),
    ),
    mappings,
    problems,
  };
}

function imagePaths(value: unknown): string[] {
  if (typeof value === 'string') return IMAGE_PATH.test(value.trim()) ? [value] : [];
  return Array.isArray(value) ? value.flatMap(imagePaths) : [];
}
