import { BlockList, isIP } from 'node:net';
import { ConfigError, type Env, optional } from './env';

/** Which peer may tell us the client's address (X-Forwarded-For) and scheme (X-Forwarded-Proto). */
export type TrustProxySetting =
  { kind: 'none' } | { kind: 'loopback' } | { kind: 'addresses'; entries: readonly string[] };

/**
 * TRUST_PROXY: `loopback` (default: a proxy on this machine, e.g. nginx), `none` (the server
 * faces clients directly), or a comma-separated list of proxy addresses / CIDR ranges.
 */
export function trustProxy(env: Env): TrustProxySetting {
  const raw = optional(env, 'TRUST_PROXY') ?? 'loopback';
  if (raw === 'none' || raw === 'loopback') return { kind: raw };
  const entries = raw.split(',').map((entry) => entry.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const family = isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || extra !== undefined) {
      throw new ConfigError(
        `TRUST_PROXY must be "loopback", "none" or a comma-separated list of IP addresses or CIDR ranges (got "${entry}")`,
      );
    }
  }
  return { kind: 'addresses', entries };
}

/**
 * Express's `trust proxy` function: only the nearest hop, and only when it is a trusted proxy.
 * The addresses further left in X-Forwarded-For are whatever the client wrote, so trusting more
 * than one hop would let anyone pick their address (and so escape per-address limits) — even a
 * client on this machine talking through a loopback proxy.
 */
export function trustProxyFunction(
  setting: TrustProxySetting,
): (address: string, hop: number) => boolean {
  const trusted = new BlockList();
  if (setting.kind === 'loopback') {
    trusted.addSubnet('127.0.0.0', 8, 'ipv4');
    trusted.addAddress('::1', 'ipv6');
  } else if (setting.kind === 'addresses') {
    for (const entry of setting.entries) {
      const [address, bits] = entry.split('/') as [string, string | undefined];
      const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
      if (bits === undefined) trusted.addAddress(address, family);
      else trusted.addSubnet(address, Number(bits), family);
    }
  } else {
    return () => false;
  }
  return (address, hop) => {
    if (hop !== 0) return false;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return trusted.check(mapped[1], 'ipv4');
    return trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
  };
}
