import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DigestPool } from '../../src/deliver/digest.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('DigestPool (SHA-256 of streams, on a worker thread)', () => {
  it('hashes chunks of any size, across block boundaries, several streams at once', async () => {
    const pool = new DigestPool();
    try {
      const a = randomBytes(3 * 1024 * 1024 + 17);
      const b = randomBytes(100);
      const da = pool.start();
      const db = pool.start();
      for (let offset = 0; offset < a.length; offset += 65_537) da.update(a.subarray(offset, offset + 65_537));
      db.update(b);
      expect(await Promise.all([da.digest(), db.digest()])).toEqual([sha256(a), sha256(b)]);
    } finally {
      await pool.close();
    }
  });

  it('an empty stream has the digest of nothing', async () => {
    const pool = new DigestPool();
    try {
      expect(await pool.start().digest()).toBe(sha256(Buffer.alloc(0)));
    } finally {
      await pool.close();
    }
  });

  it('gives a digest up (undefined) rather than holding unbounded memory for a worker that lags', async () => {
    const pool = new DigestPool();
    try {
      const digest = pool.start();
      // 40 MiB in one go: more blocks than the pool lends before the worker gives any back.
      digest.update(Buffer.alloc(40 * 1024 * 1024, 1));
      expect(await digest.digest()).toBeUndefined();
      // The pool still works for the next stream once the worker caught up.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const next = pool.start();
      next.update(Buffer.from('ok'));
      expect(await next.digest()).toBe(sha256(Buffer.from('ok')));
    } finally {
      await pool.close();
    }
  });
});
