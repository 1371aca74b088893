import { createHash, type Hash } from 'node:crypto';

/**
 * SHA-256 of downloads as they stream, on the main thread, in the socket's
 * `data` handler: each chunk is hashed once, where it already is, and dropped.
 * Chosen by measurement (bench/README.md, "Hashing the downloads"): OpenSSL's
 * SHA-256 keeps up with loopback; a worker thread needed a copy of every
 * chunk, a second V8 isolate and blocks in flight, and was slower on two
 * cores. Nothing is held between chunks, so memory stays flat whatever the
 * CPU's speed: a digest never needs to be given up for lack of memory.
 */
export class DigestPool {
  /** A digest for one stream (one download attempt). */
  start(): StreamDigest {
    return new StreamDigest();
  }

  /** Nothing to release; kept so callers need not know how digests are computed. */
  async close(): Promise<void> {}
}

/** The SHA-256 of one stream: `update` with each chunk, then `digest`. */
export class StreamDigest {
  private hash: Hash | undefined = createHash('sha256');

  update(chunk: Buffer): void {
    this.hash?.update(chunk);
  }

  /** The hex digest of everything passed to `update`; undefined when asked twice. */
  async digest(): Promise<string | undefined> {
    const hex = this.hash?.digest('hex');
    this.hash = undefined;
    return hex;
  }
}
