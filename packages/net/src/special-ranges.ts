// The IANA special-purpose address registries (IPv4 and IPv6, as of 2025), plus the deprecated
// ranges still seen in the wild, each with the class Earshot gives it. Ranges IANA marks globally
// reachable inside a reserved block (anycast services in 2001::/23, 192.0.0.9) are refused too: no
// feed or webhook lives there. IPv6 forms that carry an IPv4 address (IPv4-mapped, NAT64 64:ff9b::/96,
// 6to4 2002::/16) are not listed: address-policy.ts judges the IPv4 address inside them.

/** What kind of peer an address is. Only `public` is reachable without allowPrivateNetwork. */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

export const IPV4_RANGES: readonly (readonly [string, number, AddressClass])[] = [
  ['0.0.0.0', 8, 'unspecified'], // "this network"; 0.0.0.0 reaches the local host on Linux
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'], // carrier-grade NAT (shared address space)
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'], // cloud metadata (169.254.169.254) lives here
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'], // IETF protocol assignments (DS-Lite, NAT64 discovery, PCP/TURN anycast)
  ['192.0.2.0', 24, 'reserved'], // TEST-NET-1
  ['192.88.99.0', 24, 'reserved'], // 6to4 relay anycast (deprecated)
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'], // benchmarking
  ['198.51.100.0', 24, 'reserved'], // TEST-NET-2
  ['203.0.113.0', 24, 'reserved'], // TEST-NET-3
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'], // future use, and 255.255.255.255 broadcast
];

export const IPV6_RANGES: readonly (readonly [string, number, AddressClass])[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['::', 96, 'reserved'], // IPv4-compatible ::a.b.c.d (deprecated)
  ['64:ff9b:1::', 48, 'private'], // local-use NAT64 (RFC 8215)
  ['100::', 64, 'reserved'], // discard-only
  ['100:0:0:1::', 64, 'reserved'], // dummy prefix (RFC 9780)
  ['2001::', 23, 'reserved'], // IETF protocol assignments: Teredo 2001::/32, benchmarking, ORCHID, AMT, anycast
  ['2001:db8::', 32, 'reserved'], // documentation
  ['3fff::', 20, 'reserved'], // documentation
  ['5f00::', 16, 'reserved'], // SRv6 SIDs
  ['fc00::', 7, 'private'], // unique local
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'], // site-local (deprecated, still routed on old networks)
  ['ff00::', 8, 'multicast'],
];

/** Global unicast: every IPv6 address outside it (and outside the forms above) is reserved. */
export const IPV6_GLOBAL_UNICAST = ['2000::', 3] as const;
