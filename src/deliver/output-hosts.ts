/**
 * Output URLs come from Armox's answers, and a prompt can steer them. On a
 * self-hosted runner, fetching one that points inside the network (a loopback
 * service, a private address, the cloud metadata endpoint) would hand that
 * service's answer to the workflow, even attach it to a public release. Such
 * a URL is refused, unless `api-url` itself is on such an address (a local
 * emulator or a private gateway: then its storage is too).
 *
 * The host's addresses are resolved and checked before the download; a DNS
 * answer that changes between this check and the download is not covered.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { ActionError } from '../core/errors.js';
import { printable } from '../core/text.js';

/** Names that mean this machine or the cloud's metadata service, whatever they resolve to. */
const INNER_NAMES = /^(localhost|.*\.localhost|metadata|metadata\.google\.internal|instance-data(\.ec2\.internal)?)$/;

/** True for loopback, private, link-local, carrier-grade NAT, unspecified and metadata addresses. */
export function isInnerAddress(address: string): boolean {
  const ip = address.replace(/^\[|\]$/g, '').toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(ip);
  if (mapped) return isInnerAddress(mapped[1]!);
  if (isIP(ip) === 4) {
    const [a = 0, b = 0] = ip.split('.').map(Number);
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 100 && b >= 64 && b <= 127)
    );
  }
  if (isIP(ip) === 6) return ip === '::' || ip === '::1' || /^f[cd]/.test(ip) || /^fe[89ab]/.test(ip);
  return false;
}

/** True when `hostname` is, or resolves to, an inner address. Unresolvable names are left to the download to report. */
async function isInnerHost(hostname: string): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (INNER_NAMES.test(host) || isInnerAddress(host)) return true;
  if (isIP(host)) return false;
  try {
    const addresses = await lookup(host, { all: true });
    return addresses.some(({ address }) => isInnerAddress(address));
  } catch {
    return false;
  }
}

/**
 * Throws an ActionError naming each output URL on an inner host, unless
 * `apiUrl` is on one itself.
 */
export async function refuseInnerHosts(urls: string[], apiUrl: string): Promise<void> {
  if (await isInnerHost(new URL(apiUrl).hostname)) return;
  const refused: string[] = [];
  for (const url of urls) {
    const parsed = URL.canParse(url) ? new URL(url) : undefined;
    if (parsed && (await isInnerHost(parsed.hostname))) refused.push(printable(url, 200));
  }
  if (refused.length === 0) return;
  throw new ActionError(
    `Refusing to download ${refused.join(', ')}: the host is a loopback, private, link-local or metadata address, ` +
      `and api-url (${new URL(apiUrl).host}) is not. An output URL on such a host could reach a service inside ` +
      "the runner's network; Armox's own files are served from public storage.",
  );
}
