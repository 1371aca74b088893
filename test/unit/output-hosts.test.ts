import { describe, expect, it } from 'vitest';
import { isInnerAddress, refuseInnerHosts } from '../../src/deliver/output-hosts.js';

const PUBLIC_API = 'https://api.armox.ai/api/v1';

describe('output URLs on inner hosts', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '[::1]',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('%s is inner', (address) => expect(isInnerAddress(address)).toBe(true));

  it.each(['8.8.8.8', '172.32.0.1', '192.169.0.1', '2606:4700::1111', 'example.com'])('%s is not', (address) =>
    expect(isInnerAddress(address)).toBe(false),
  );

  it.each([
    'http://127.0.0.1:9000/x.png',
    'http://169.254.169.254/latest/meta-data/',
    'http://localhost/x.png',
    'http://metadata.google.internal/computeMetadata/v1/',
    'http://[::1]/a',
    'http://10.0.0.5/a.png',
  ])('refuses %s when api-url is public, naming the URL and why', async (url) => {
    const error = await refuseInnerHosts(['https://203.0.113.9/ok.png', url], PUBLIC_API).then(
      () => undefined,
      (failure: Error) => failure.message,
    );
    expect(error).toContain(`Refusing to download ${url}`);
    expect(error).toContain('loopback, private, link-local or metadata address');
    expect(error).not.toContain('203.0.113.9');
  });

  it('allows them when api-url is on such an address itself (a local emulator)', async () => {
    await expect(refuseInnerHosts(['http://127.0.0.1:9000/x.png'], 'http://127.0.0.1:8787/api/v1')).resolves.toBe(
      undefined,
    );
  });
});
