import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import type { AppConfig } from '../config/app-config.js';

type Family = 'ipv4' | 'ipv6';

/** Address ranges a webhook may not reach unless allowed: the service's own host, its networks, and cloud metadata. */
const REFUSED_RANGES: Array<{ network: string; prefix: number; family: Family; what: string }> = [
  { network: '0.0.0.0', prefix: 8, family: 'ipv4', what: 'an unspecified ("this host") address' },
  { network: '10.0.0.0', prefix: 8, family: 'ipv4', what: 'a private address' },
  { network: '100.64.0.0', prefix: 10, family: 'ipv4', what: 'a shared (carrier-grade NAT) address' },
  { network: '127.0.0.0', prefix: 8, family: 'ipv4', what: 'a loopback address' },
  { network: '169.254.0.0', prefix: 16, family: 'ipv4', what: 'a link-local address (cloud metadata lives here)' },
  { network: '172.16.0.0', prefix: 12, family: 'ipv4', what: 'a private address' },
  { network: '192.0.0.0', prefix: 24, family: 'ipv4', what: 'an IETF protocol address' },
  { network: '192.168.0.0', prefix: 16, family: 'ipv4', what: 'a private address' },
  { network: '198.18.0.0', prefix: 15, family: 'ipv4', what: 'a benchmarking address' },
  { network: '224.0.0.0', prefix: 4, family: 'ipv4', what: 'a multicast address' },
  { network: '240.0.0.0', prefix: 4, family: 'ipv4', what: 'a reserved address' },
  { network: '::', prefix: 128, family: 'ipv6', what: 'an unspecified address' },
  { network: '::1', prefix: 128, family: 'ipv6', what: 'a loopback address' },
  { network: 'fc00::', prefix: 7, family: 'ipv6', what: 'a unique-local (private) address (cloud metadata lives here too)' },
  { network: 'fe80::', prefix: 10, family: 'ipv6', what: 'a link-local address' },
  { network: 'ff00::', prefix: 8, family: 'ipv6', what: 'a multicast address' },
];

/** Names that reach cloud metadata services without an address in the ranges above. */
const REFUSED_NAMES = new Set(['metadata', 'metadata.google.internal', 'metadata.goog', 'instance-data', 'instance-data.ec2.internal']);

const NAT64 = /^64:ff9b::([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i;

/** Thrown by the guarded DNS lookup when a name resolves into a refused range (DNS rebinding included). */
export class RefusedTargetError extends Error {
  readonly code = 'EWEBHOOKTARGET';
}

/**
 * Where webhooks may go. Loopback, private, link-local, metadata and other special addresses are
 * refused unless `AIMSFLOW_WEBHOOK_ALLOWED_HOSTS` names the host (a name, an address or a CIDR
 * range). A subscription's URL is checked when it is created; each delivery checks again, on the
 * addresses the connection actually uses (the lookup below), so a name that later resolves to
 * 127.0.0.1 gains nothing.
 */
@Injectable()
export class WebhookTargets {
  private readonly refused = new BlockList();
  private readonly allowedRanges = new BlockList();
  private readonly allowedNames = new Set<string>();

  constructor(config: ConfigService<AppConfig, true>) {
    for (const range of REFUSED_RANGES) this.refused.addSubnet(range.network, range.prefix, range.family);
    for (const entry of config.get('webhookAllowedHosts', { infer: true })) this.allow(entry);
  }

  /** Why deliveries to this URL are refused (naming the address and its range), or undefined when they may go. */
  async refusal(url: string): Promise<string | undefined> {
    const host = hostOf(url);
    if (this.allowedNames.has(host)) return undefined;
    if (REFUSED_NAMES.has(host)) return `${host} is a cloud metadata name`;
    if (isIP(host)) return this.addressRefusal(host);
    let addresses: LookupAddress[];
    try {
      addresses = await new Promise<LookupAddress[]>((resolve, reject) => dnsLookup(host, { all: true }, (e, a) => (e ? reject(e) : resolve(a))));
    } catch {
      return `${host} does not resolve`;
    }
    for (const { address } of addresses) {
      const why = this.addressRefusal(address);
      if (why) return `${host} resolves to ${why}`;
    }
    return undefined;
  }

  /** A DNS lookup for `http.request` that fails on refused addresses, so the connection only uses checked ones. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: (...args: unknown[]) => void): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error);
      const allowed = this.allowedNames.has(hostname.toLowerCase());
      for (const { address } of addresses) {
        const why = allowed ? undefined : this.addressRefusal(address);
        if (why) return callback(new RefusedTargetError(`refused: ${hostname} resolves to ${why} (AIMSFLOW_WEBHOOK_ALLOWED_HOSTS opens it)`));
      }
      if (options.all) return callback(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  };

  /**
   * POSTs the body to a URL that may be reached (checked first, then again on the addresses the
   * connection uses) and answers the status code. Redirects are not followed (a 3xx is for the
   * caller to judge); throws RefusedTargetError for a refused target.
   */
  async post(url: string, body: string, options: { headers: Record<string, string>; timeoutMs: number }): Promise<number> {
    const refused = await this.refusal(url);
    if (refused) throw new RefusedTargetError(`refused: ${refused} (AIMSFLOW_WEBHOOK_ALLOWED_HOSTS opens it)`);
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = send(target, {
        method: 'POST',
        headers: { ...options.headers, 'content-length': Buffer.byteLength(body) },
        lookup: this.lookup as LookupFunction,
        timeout: options.timeoutMs,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      req.on('response', (res) => {
        res.resume(); // the receiver's answer body is not kept
        resolve(res.statusCode ?? 0);
      });
      req.on('timeout', () => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)));
      req.on('error', reject);
      req.end(body);
    });
  }

  private addressRefusal(address: string): string | undefined {
    const family: Family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (this.allowedNames.has(address) || this.allowedRanges.check(address, family)) return undefined;
    const embedded = family === 'ipv6' ? nat64Embedded(address) : undefined;
    if (embedded) return this.addressRefusal(embedded);
    if (!this.refused.check(address, family)) return undefined;
    const range = REFUSED_RANGES.find((r) => r.family === family && subnet(r).check(address, family));
    return `${address}, ${range?.what ?? 'a mapped private or loopback address'}`;
  }

  private allow(entry: string): void {
    const [network, prefix] = entry.split('/');
    const family = isIP(network);
    if (prefix !== undefined && family) this.allowedRanges.addSubnet(network, Number(prefix), family === 6 ? 'ipv6' : 'ipv4');
    else this.allowedNames.add(entry.toLowerCase().replace(/^\[|\]$/g, ''));
  }
}

function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

function subnet(range: { network: string; prefix: number; family: Family }): BlockList {
  const list = new BlockList();
  list.addSubnet(range.network, range.prefix, range.family);
  return list;
}

/** The IPv4 address a NAT64 address (64:ff9b::/96) reaches. */
function nat64Embedded(address: string): string | undefined {
  const match = NAT64.exec(address);
  if (!match) return undefined;
  const [hi, lo] = [parseInt(match[1], 16), parseInt(match[2], 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}
