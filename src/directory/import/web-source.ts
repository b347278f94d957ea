import { isIP } from 'node:net';
import { AppError } from '../../errors.js';

/**
 * What an import started from the web reads. A feed address must be a public http(s) address:
 * the server fetches it, so an address inside the hosting network (loopback, private ranges,
 * link-local, metadata services) is refused. Names are not resolved here, so a public name
 * that points inside is not caught; deployments should also restrict outbound traffic.
 */

function privateIPv4(ip: string): boolean {
  const [a = 0, b = 0] = ip.split('.').map(Number);
  return a === 0 || a === 10 || a === 127 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}

function privateIPv6(ip: string): boolean {
  const lower = ip.toLowerCase();
  if (lower === '::1' || lower === '::') return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped?.[1]) return privateIPv4(mapped[1]);
  // Forms that carry an IPv4 address inside (mapped ::ffff:7f00:1, compatible ::7f00:1, NAT64
  // 64:ff9b::) could name an inside address in hex: none is a feed's public address, so refuse them all.
  if (lower.startsWith('::') || lower.startsWith('64:ff9b:')) return true;
  return /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower);
}

export function assertPublicFeedUrl(url: string): void {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const refused =
    !['http:', 'https:'].includes(parsed.protocol) ||
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    host.endsWith('.internal') ||
    (isIP(host) === 4 && privateIPv4(host)) ||
    (isIP(host) === 6 && privateIPv6(host));
  if (refused) {
    throw new AppError('validation', 'That address is not a public web address.', {
      fields: [{ field: 'body.url', message: 'Enter the public https:// address of an ORUK feed' }],
    });
  }
}
