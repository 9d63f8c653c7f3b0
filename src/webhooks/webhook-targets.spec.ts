import type { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/app-config.js';
import { RefusedTargetError, WebhookTargets } from './webhook-targets.js';

const targets = (allowed: string[] = []) => new WebhookTargets({ get: () => allowed } as unknown as ConfigService<AppConfig, true>);

const lookup = (t: WebhookTargets, host: string) =>
  new Promise<unknown>((resolve, reject) => t.lookup(host, {}, (error: unknown, address: unknown) => (error ? reject(error) : resolve(address))));

describe('webhook targets', () => {
  it.each([
    ['http://127.0.0.1/x', 'loopback'],
    ['http://2130706433/x', 'loopback'], // 127.0.0.1 spelt as one number
    ['http://0x7f.1/x', 'loopback'],
    ['http://[::1]:8080/x', 'loopback'],
    ['http://[::ffff:127.0.0.1]/x', 'mapped'],
    ['http://[64:ff9b::a9fe:a9fe]/x', 'link-local'], // NAT64 to the metadata address
    ['http://0.0.0.0:3000/x', 'unspecified'],
    ['http://10.1.2.3/x', 'private'],
    ['http://172.20.0.1/x', 'private'],
    ['http://192.168.1.1/x', 'private'],
    ['http://100.100.100.200/x', 'carrier-grade'],
    ['http://169.254.169.254/latest/meta-data/', 'link-local'],
    ['http://[fd00:ec2::254]/x', 'unique-local'],
    ['http://[fe80::1]/x', 'link-local'],
    ['http://metadata.google.internal/computeMetadata/v1/', 'metadata'],
    ['http://localhost:3000/x', 'loopback'], // a name resolving to loopback
  ])('refuses %s (%s)', async (url, what) => {
    expect(await targets().refusal(url)).toContain(what);
  });

  it('lets public addresses through and names what does not resolve', async () => {
    expect(await targets().refusal('https://93.184.215.14/hook')).toBeUndefined();
    expect(await targets().refusal('https://[2606:2800:21f:cb07:6820:80da:af6b:8b2c]/hook')).toBeUndefined();
    expect(await targets().refusal('https://no-such-host.invalid/hook')).toBe('no-such-host.invalid does not resolve');
  });

  it('opens names, addresses and ranges on the allow-list, and nothing else', async () => {
    const onPremise = targets(['127.0.0.1', 'localhost', '10.20.0.0/16', 'fd12::/16']);
    expect(await onPremise.refusal('http://127.0.0.1:9/x')).toBeUndefined();
    expect(await onPremise.refusal('http://localhost:9/x')).toBeUndefined();
    expect(await onPremise.refusal('http://10.20.3.4/x')).toBeUndefined();
    expect(await onPremise.refusal('http://[fd12::5]/x')).toBeUndefined();
    expect(await onPremise.refusal('http://10.21.3.4/x')).toContain('private');
    expect(await onPremise.refusal('http://127.0.0.2/x')).toContain('loopback');
  });

  it('refuses at connection time when a name resolves to a refused address (DNS rebinding)', async () => {
    await expect(lookup(targets(), 'localhost')).rejects.toThrow(RefusedTargetError);
    await expect(lookup(targets(), 'localhost')).rejects.toThrow(/localhost resolves to .*loopback/);
    await expect(lookup(targets(['localhost']), 'localhost')).resolves.toMatch(/^(127\.0\.0\.1|::1)$/);
  });
});
