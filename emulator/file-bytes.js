// @ts-check
/**
 * Deterministic content of emulated storage files.
 *
 * A file's bytes repeat a fixed 64 KiB block derived from its name with
 * sha256, so a test can compute the expected bytes (`expectedFileBytes`) and
 * the server can stream any size (300 MiB and more) without holding it.
 */
import { createHash } from 'node:crypto';

export const BLOCK_SIZE = 64 * 1024;
const HASH_SIZE = 32;

/** A few recently used blocks; building one costs ~2048 sha256 calls. */
const blockCache = new Map();
const BLOCK_CACHE_LIMIT = 32;

/**
 * The 64 KiB block a file named `seed` repeats. Treat it as read-only.
 * @param {string} seed
 * @returns {Buffer}
 */
export function fileBlock(seed) {
  const cached = blockCache.get(seed);
  if (cached) return cached;
  const block = Buffer.allocUnsafe(BLOCK_SIZE);
  for (let i = 0; i < BLOCK_SIZE / HASH_SIZE; i++) {
    createHash('sha256')
      .update(`${seed}\n${i}`)
      .digest()
      .copy(block, i * HASH_SIZE);
  }
  if (blockCache.size >= BLOCK_CACHE_LIMIT) {
    const oldest = blockCache.keys().next().value;
    if (oldest !== undefined) blockCache.delete(oldest);
  }
  blockCache.set(seed, block);
  return block;
}

/**
 * Yields the bytes [start, end) of a file whose content repeats `block`,
 * as views on the block (no copies).
 * @param {Buffer} block
 * @param {number} start
 * @param {number} end
 * @returns {Generator<Buffer>}
 */
export function* blockRange(block, start, end) {
  let position = start;
  while (position < end) {
    const offset = position % block.length;
    const length = Math.min(block.length - offset, end - position);
    yield block.subarray(offset, offset + length);
    position += length;
  }
}

/**
 * The exact bytes the storage origin serves for an output file `name` of
 * `size` bytes. Allocates `size` bytes: use it for small files in tests.
 * @param {string} name
 * @param {number} size
 * @returns {Buffer}
 */
export function expectedFileBytes(name, size) {
  const out = Buffer.allocUnsafe(size);
  let offset = 0;
  for (const chunk of blockRange(fileBlock(name), 0, size)) {
    chunk.copy(out, offset);
    offset += chunk.length;
  }
  return out;
}

/**
 * sha256 (hex) of the file `name` of `size` bytes, computed in streaming
 * fashion: lets a benchmark check a 300 MiB download without holding it.
 * @param {string} name
 * @param {number} size
 * @returns {string}
 */
export function expectedFileSha256(name, size) {
  const hash = createHash('sha256');
  for (const chunk of blockRange(fileBlock(name), 0, size)) hash.update(chunk);
  return hash.digest('hex');
}
