import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DigestPool } from '../../src/deliver/digest.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('DigestPool (SHA-256 of streams, as the chunks arrive)', () => {
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

  it('holds nothing between chunks: a stream far larger than any buffer is hashed, never given up', async () => {
    const pool = new DigestPool();
    try {
      const digest = pool.start();
      const expected = createHash('sha256');
      // 40 MiB in 8 MiB chunks (the worker design gave a stream this large up rather than buffer it): hashed in place.
      const chunk = Buffer.alloc(8 * 1024 * 1024, 1);
      digest.update(chunk);
      expected.update(chunk);
      const before = process.memoryUsage().arrayBuffers;
      for (let i = 1; i < 5; i++) {
        digest.update(chunk);
        expected.update(chunk);
      }
      expect(process.memoryUsage().arrayBuffers).toBe(before);
      expect(await digest.digest()).toBe(expected.digest('hex'));
      const next = pool.start();
      next.update(Buffer.from('ok'));
      expect(await next.digest()).toBe(sha256(Buffer.from('ok')));
    } finally {
      await pool.close();
    }
  });
});
