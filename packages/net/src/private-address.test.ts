import { describe, expect, it } from 'vitest';
import { createAddressPolicy } from './private-address.js';

describe('address policy', () => {
  const policy = createAddressPolicy();
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['[::1]', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd00::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['ff02::1', 'multicast'],
    ['192.0.0.9', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['198.51.100.7', 'reserved'],
    ['203.0.113.7', 'reserved'],
    ['255.255.255.255', 'reserved'],
    // NAT64 well-known prefix: judged by the IPv4 address inside
    ['64:ff9b::a9fe:a9fe', 'link-local'],
    ['64:ff9b::127.0.0.1', 'loopback'],
    ['64:ff9b::10.0.0.1', 'private'],
    // local-use NAT64
    ['64:ff9b:1::808:808', 'private'],
    // 6to4: the IPv4 address in bits 16–48
    ['2002:a9fe:a9fe::1', 'link-local'],
    ['2002:7f00:1::', 'loopback'],
    ['2002:c0a8:101::1', 'private'],
    // Teredo and the rest of 2001::/23
    ['2001::1', 'reserved'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'reserved'],
    ['2001:2::1', 'reserved'],
    ['2001:db8::1', 'reserved'],
    // IPv4-compatible, site-local, discard, documentation, SRv6, unassigned space
    ['::127.0.0.1', 'reserved'],
    ['::a9fe:a9fe', 'reserved'],
    ['fec0::1', 'private'],
    ['100::1', 'reserved'],
    ['3fff::1', 'reserved'],
    ['5f00::1', 'reserved'],
    ['4000::1', 'reserved'],
    ['nonsense', 'reserved'],
    ['', 'reserved'],
  ])('classifies %s as %s', (address, cls) => {
    expect(policy.classify(address)).toBe(cls);
    expect(policy.isPrivate(address)).toBe(true);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808', '2002:808:808::1', '2620:4f:8000::1'])(
    'allows the public address %s',
    (address) => {
      expect(policy.classify(address)).toBe('public');
      expect(policy.isPrivate(address)).toBe(false);
    },
  );
});
