import type { Job } from '../armox/types.js';
import { isHttpUrl, isObject } from '../core/text.js';
import { kindOfJob } from '../kinds/registry.js';

/** One value found in a job's outputs: a file URL or a piece of text. */
export interface OutputItem {
  /** The app node that produced it; empty for a model job (its outputs are flat). */
  nodeId: string;
  /** The key inside the node's (or the model's) output object, e.g. `outputImage`. */
  key: string;
  kind: 'image' | 'video' | 'audio' | 'file' | 'text';
  value: string;
}

/** The URLs of the files among `items`, in order (what `output-urls` lists). */
export function fileUrlsOf(items: OutputItem[]): string[] {
  return items.filter((item) => item.kind !== 'text').map((item) => item.value);
}

/** How deep nested objects are searched for values: outputs are shallow; this only bounds hostile input. */
const MAX_DEPTH = 4;

/**
 * The job's output object as the API gave it, for the `outputs` step output:
 * `node_outputs` (keyed by node id) for an app job, the flat `output_data` for a
 * model job; `{}` when there is none.
 */
export function rawOutputs(job: Job): unknown {
  return kindOfJob(job).rawOutputs(job);
}

/**
 * Collects every value of a job's outputs, in order: http(s) URLs under a
 * media key are files, every other string is text. App jobs nest them per node under
 * `output_data.node_outputs`; model jobs have them flat in `output_data`. The
 * set of keys is open (outputImage, outputVideo, outputText, …), so anything is accepted.
 */
export function collectOutputs(job: Job): { items: OutputItem[]; problem?: string } {
  const kind = kindOfJob(job);
  const outputs = kind.rawOutputs(job);
  if (!isObject(outputs)) {
    const what = kind.outputsField;
    return {
      items: [],
      problem: `${what} is ${Array.isArray(outputs) ? 'a list' : `a ${typeof outputs}`}, not an object`,
    };
  }
  const items: OutputItem[] = [];
  if (!kind.outputsByNode) {
    for (const [key, value] of Object.entries(outputs)) collect(items, '', key, value, 0);
    return { items };
  }
  for (const [nodeId, node] of Object.entries(outputs)) collect(items, nodeId, '', node, 0);
  return { items };
}

function collect(items: OutputItem[], nodeId: string, key: string, value: unknown, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (Array.isArray(value)) {
    for (const entry of value) collect(items, nodeId, key, entry, depth + 1);
    return;
  }
  if (isObject(value)) {
    for (const [inner, entry] of Object.entries(value)) {
      collect(items, nodeId, key ? `${key}.${inner}` : inner, entry, depth + 1);
    }
    return;
  }
  if (typeof value !== 'string' || value === '') return;
  items.push({ nodeId, key, kind: isHttpUrl(value) ? mediaKind(key) : 'text', value });
}

/**
 * The media outputs, by key (`outputImage`, `outputVideo`, `outputAudio`,
 * `outputFile`, a 3D model…). Any other key is text, even when its value
 * looks like a URL: a text model's answer or a text node can be steered by
 * the prompt, so it is never fetched as a file.
 */
const MEDIA_KEYS: Array<[RegExp, OutputItem['kind']]> = [
  [/image/i, 'image'],
  [/video/i, 'video'],
  [/audio/i, 'audio'],
  [/file|3d|mesh|glb|model/i, 'file'],
];

function mediaKind(key: string): OutputItem['kind'] {
  if (/text/i.test(key)) return 'text';
  return MEDIA_KEYS.find(([pattern]) => pattern.test(key))?.[1] ?? 'text';
}
