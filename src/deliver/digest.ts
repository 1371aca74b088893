import { Worker } from 'node:worker_threads';

/**
 * The worker's code: one SHA-256 per stream id, fed with the chunks the main
 * thread transfers, answered with the hex digest when the stream is done.
 */
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const hashes = new Map();
parentPort.on('message', ({ id, chunk, done }) => {
  let hash = hashes.get(id);
  if (!hash) hashes.set(id, (hash = createHash('sha256')));
  if (chunk) {
    hash.update(chunk);
    // The block goes back to the main thread to be filled again: no allocation per block.
    parentPort.postMessage({ block: chunk.buffer }, [chunk.buffer]);
  }
  if (done) {
    hashes.delete(id);
    parentPort.postMessage({ id, hex: hash.digest('hex') });
  }
});
`;

/** Chunks go to the worker in blocks of this size (fewer messages, one copy each). */
const BLOCK_BYTES = 1024 * 1024;
/** Blocks at most, in use or waiting for the worker (a slow CPU): past that a digest is given up, memory stays flat. */
const MAX_BLOCKS = 32;

/**
 * SHA-256 of downloads as they stream, computed on a worker thread: on a fast
 * link the main thread is busy moving bytes, and hashing there (or reading the
 * files back afterwards for the manifest) would cost as much again. A digest
 * that cannot be had (no worker, a slow CPU) is simply undefined; the manifest
 * then hashes the file from disk.
 */
export class DigestPool {
  private worker?: Worker;
  private failed = false;
  private nextId = 0;
  private blocks = 0;
  private readonly free: ArrayBuffer[] = [];
  private readonly waiting = new Map<number, (hex: string | undefined) => void>();

  /** A digest for one stream (one download attempt). */
  start(): StreamDigest {
    return new StreamDigest(this, this.nextId++);
  }

  /** Stops the worker; digests not finished resolve to undefined. */
  async close(): Promise<void> {
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
    await this.worker?.terminate();
    this.worker = undefined;
  }

  /** An empty block to fill: one the worker gave back, or a new one while under MAX_BLOCKS. */
  takeBlock(): Buffer | undefined {
    const reused = this.free.pop();
    if (reused) return Buffer.from(reused);
    if (this.blocks >= MAX_BLOCKS) return undefined;
    this.blocks += 1;
    return Buffer.allocUnsafeSlow(BLOCK_BYTES);
  }

  /** Sends a filled block (transferred, not copied) and/or the end of a stream; false when the digest must be given up. */
  send(id: number, chunk: Buffer | undefined, done: boolean): boolean {
    const worker = this.connect();
    if (!worker) return false;
    if (chunk) worker.postMessage({ id, chunk }, [chunk.buffer as ArrayBuffer]);
    if (done) worker.postMessage({ id, done: true });
    return true;
  }

  wait(id: number): Promise<string | undefined> {
    if (!this.worker) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.set(id, resolve));
  }

  private connect(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const worker = new Worker(WORKER_SOURCE, { eval: true });
      worker.unref();
      worker.on('message', ({ id, hex, block }: { id?: number; hex?: string; block?: ArrayBuffer }) => {
        if (block) this.free.push(block);
        if (id === undefined) return;
        this.waiting.get(id)?.(hex);
        this.waiting.delete(id);
      });
      worker.on('error', () => this.giveUp());
      worker.on('exit', () => this.giveUp());
      this.worker = worker;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }

  private giveUp(): void {
    this.failed = true;
    this.worker = undefined;
    for (const resolve of this.waiting.values()) resolve(undefined);
    this.waiting.clear();
  }
}

/** The SHA-256 of one stream: `update` with each chunk, then `digest`. */
export class StreamDigest {
  private block: Buffer | undefined;
  private used = 0;
  private abandoned = false;

  constructor(
    private readonly pool: DigestPool,
    private readonly id: number,
  ) {}

  update(chunk: Buffer): void {
    let offset = 0;
    while (!this.abandoned && offset < chunk.length) {
      this.block ??= this.pool.takeBlock();
      if (!this.block) {
        this.abandoned = true;
        return;
      }
      const copied = chunk.copy(this.block, this.used, offset);
      this.used += copied;
      offset += copied;
      if (this.used === this.block.length) this.flush(false);
    }
  }

  /** The hex digest of everything passed to `update`, or undefined when it could not be computed. */
  async digest(): Promise<string | undefined> {
    if (this.abandoned) return undefined;
    this.flush(true);
    // Registered in the same tick as the last message: the worker cannot answer before.
    return this.abandoned ? undefined : this.pool.wait(this.id);
  }

  /** Sends the filled part of the block; the block belongs to the worker until it gives it back. */
  private flush(done: boolean): void {
    const chunk = this.block && this.used > 0 ? this.block.subarray(0, this.used) : undefined;
    if (!this.pool.send(this.id, chunk, done)) this.abandoned = true;
    if (chunk) this.block = undefined;
    this.used = 0;
  }
}
