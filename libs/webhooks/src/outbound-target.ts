// Where a webhook may be sent. Unless its organisation allows it explicitly, a URL must not reach
// a private, loopback, link-local or otherwise special address, so webhooks cannot probe the
// service's own network. Every address the host resolves to is checked, at registration and
// again at each delivery; the connection itself uses a lookup that re-checks what it connects to,
// so a DNS answer that changes between the check and the connect (rebinding) is refused too.
import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions, type LookupOptions } from 'node:dns';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

export class OutboundTargetError extends Error {}

/** Only ordinary public unicast addresses (ipaddr.js names every special range otherwise). */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  return ipaddr.process(address).range() === 'unicast';
}

/** The URL's host without IPv6 brackets. */
export function targetHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1');
}

export function parseTargetUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundTargetError(`"${raw}" is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundTargetError('the URL must be http or https');
  if (url.username || url.password) throw new OutboundTargetError('the URL must not carry credentials');
  return url;
}

/** Resolves the URL's host and refuses it when an address is not public and private targets are not allowed. */
export async function checkOutboundTarget(raw: string, allowPrivate: boolean): Promise<URL> {
  const url = parseTargetUrl(raw);
  const host = targetHost(url);
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = (await lookup(host, { all: true })).map((entry) => entry.address);
    } catch {
      throw new OutboundTargetError(`the host "${host}" does not resolve`);
    }
  }
  if (!allowPrivate) {
    const refused = addresses.find((address) => !isPublicAddress(address));
    if (refused !== undefined) {
      throw new OutboundTargetError(
        `"${host}" resolves to ${refused}, a private, loopback or link-local address; the organisation does not allow such targets`,
      );
    }
  }
  return url;
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A dns.lookup for http.request that refuses non-public answers unless allowed. */
export function guardedLookup(allowPrivate: boolean) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true } as LookupAllOptions, (error, addresses) => {
      if (error) {
        callback(error, []);
        return;
      }
      const refused = allowPrivate ? undefined : addresses.find((entry) => !isPublicAddress(entry.address));
      if (refused !== undefined || addresses.length === 0) {
        callback(new OutboundTargetError(`"${hostname}" resolves to a refused address ${refused?.address ?? '(none)'}`), []);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    });
  };
}
