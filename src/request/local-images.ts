import { isRepoFileValue, resolveRepoFiles, type RepoContext, type RepoFileMapping } from './repo-files.js';
import type { InputsSource } from '../kinds/target.js';

/**
 * Stands in for a path that could not be mapped, so the contract check does
 * not report the same value a second time ("not an http(s) URL"). It is never
 * sent: the path's problem is listed, so nothing is submitted.
 */
const UNMAPPED = 'https://unmapped-repository-file.invalid/';

/**
 * Image inputs given as workspace paths, sent as their public URL at the commit
 * being built (public repositories only; see repo-files.ts). Every string value
 * of an image input (`isImageInput(key)`, by the target's contract) that is not
 * an http(s) URL is resolved once; the sources come back with the URLs in
 * place, and every value that cannot be mapped is a problem. Other inputs are
 * left alone: a text input may well say `hero.png`.
 */
export async function mapLocalImages(
  runs: InputsSource[][],
  context: RepoContext,
  isImageInput: (key: string) => boolean,
): Promise<{ runs: InputsSource[][]; mappings: RepoFileMapping[]; problems: string[] }> {
  const requests = new Map<string, string>();
  for (const sources of runs) {
    for (const source of sources) {
      for (const [key, value] of source.entries) {
        if (!isImageInput(key)) continue;
        for (const text of localPaths(value)) if (!requests.has(text)) requests.set(text, `${source.name}: "${key}"`);
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
    typeof value === 'string'
      ? requests.has(value)
        ? (urls.get(value) ?? UNMAPPED)
        : value
      : Array.isArray(value)
        ? value.map(swap)
        : value;
  return {
    runs: runs.map((sources) =>
      sources.map((source) => ({
        ...source,
        entries: source.entries.map(([key, value]) => [key, isImageInput(key) ? swap(value) : value]),
      })),
    ),
    mappings,
    problems,
  };
}

/** The non-empty strings of a value (one, or a list) that are not http(s) URLs. */
function localPaths(value: unknown): string[] {
  if (typeof value === 'string') return value.trim() !== '' && isRepoFileValue(value) ? [value] : [];
  return Array.isArray(value) ? value.flatMap(localPaths) : [];
}
