import type { Job } from './armox-types.js';
import { isHttpUrl, isObject } from './text.js';

/** One value found in `node_outputs`: a file URL or a piece of text. */
export interface OutputItem {
  nodeId: string;
  /** The key inside the node's object, e.g. `outputImage`. */
  key: string;
  kind: 'image' | 'video' | 'audio' | 'file' | 'text';
  value: string;
}

/**
 * Walks `output_data.node_outputs` in node order and collects every value:
 * strings that are http(s) URLs are files, other strings are text. The set of
 * keys is open (outputImage, outputVideo, …), so anything is accepted.
 */
export function collectOutputs(job: Job): { items: OutputItem[]; problem?: string } {
  const nodeOutputs = job.output_data?.node_outputs;
  if (nodeOutputs === undefined || nodeOutputs === null) return { items: [] };
  if (!isObject(nodeOutputs)) {
    return {
      items: [],
      problem: `output_data.node_outputs is ${Array.isArray(nodeOutputs) ? 'a list' : `a ${typeof nodeOutputs}`}, not an object`,
    };
  }
  const items: OutputItem[] = [];
  for (const [nodeId, node] of Object.entries(nodeOutputs)) {
    if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) collect(items, nodeId, key, value);
    } else {
      collect(items, nodeId, '', node);
    }
  }
  return { items };
}

function collect(items: OutputItem[], nodeId: string, key: string, value: unknown): void {
  if (Array.isArray(value)) {
    for (const entry of value) collect(items, nodeId, key, entry);
    return;
  }
  if (typeof value !== 'string' || value === '') return;
  items.push({ nodeId, key, kind: isHttpUrl(value) ? fileKind(key, value) : 'text', value });
}

const EXTENSION_KINDS: Array<[RegExp, OutputItem['kind']]> = [
  [/\.(png|jpe?g|gif|webp|avif|bmp|svg)$/i, 'image'],
  [/\.(mp4|webm|mov|m4v|mkv)$/i, 'video'],
  [/\.(mp3|wav|ogg|m4a|aac|flac)$/i, 'audio'],
];

function fileKind(key: string, url: string): OutputItem['kind'] {
  const lower = key.toLowerCase();
  if (lower.includes('image')) return 'image';
  if (lower.includes('video')) return 'video';
  if (lower.includes('audio')) return 'audio';
  const path = new URL(url).pathname;
  return EXTENSION_KINDS.find(([pattern]) => pattern.test(path))?.[1] ?? 'file';
}
