// @ts-check
/**
 * A loopback TCP relay that paces each connection's download to a fixed rate.
 * Put between a client and the emulator's storage origin, it stands in for a
 * real network: S3 serves one connection at tens of MB/s, not at the GB/s of
 * loopback, where the client's CPU is the only limit.
 */
import { connect, createServer } from 'node:net';

/**
 * @typedef {object} Relay
 * @property {string} url e.g. http://127.0.0.1:PORT
 * @property {() => Promise<void>} close destroys every connection
 */

/**
 * @param {{ targetPort: number, bytesPerSecond: number, host?: string }} options
 * @returns {Promise<Relay>}
 */
export async function startThrottledRelay({ targetPort, bytesPerSecond, host = '127.0.0.1' }) {
  /** @type {Set<import('node:net').Socket>} */
  const sockets = new Set();
  /** @type {Set<NodeJS.Timeout>} */
  const timers = new Set();
  const server = createServer((client) => {
    const upstream = connect(targetPort, host);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.end());
    client.pipe(upstream); // requests go through at once
    // Responses are paced: each chunk books its share of the link; when the
    // booked time runs ahead of the clock, reading pauses until it catches up.
    let booked = Date.now();
    upstream.on('data', (/** @type {Buffer} */ chunk) => {
      client.write(chunk);
      const now = Date.now();
      booked = Math.max(booked, now) + (chunk.length / bytesPerSecond) * 1000;
      const wait = booked - now;
      if (wait > 1) {
        upstream.pause();
        const timer = setTimeout(() => {
          timers.delete(timer);
          upstream.resume();
        }, wait);
        timers.add(timer);
      }
    });
  });
  const port = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, host, () => {
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : 0);
    });
  });
  return {
    url: `http://${host}:${port}`,
    close() {
      for (const timer of timers) clearTimeout(timer);
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
