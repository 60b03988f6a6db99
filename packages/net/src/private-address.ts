// Which addresses Earshot may not reach unless a source or channel allows it: every range of the
// IANA special-purpose registries (special-ranges.ts), for IPv4 and IPv6, looking inside the IPv6
// forms that carry an IPv4 address. One policy for every outbound connection. Anything that is not
// an IP address is refused.
import { BlockList } from 'node:net';
import { bareAddress, ipBytes, ipv4Text } from './ip-bytes.js';
import { IPV4_RANGES, IPV6_GLOBAL_UNICAST, IPV6_RANGES, type AddressClass } from './special-ranges.js';

export type { AddressClass } from './special-ranges.js';

export interface AddressPolicy {
  classify(address: string): AddressClass;
  /** Anything but a public address (the unit the `allowPrivateNetwork` switches are about). */
  isPrivate(address: string): boolean;
}

type Lists = Map<AddressClass, BlockList>;

function buildLists(): { v4: Lists; v6: Lists; global: BlockList } {
  const v4: Lists = new Map();
  const v6: Lists = new Map();
  for (const [lists, ranges, family] of [
    [v4, IPV4_RANGES, 'ipv4'],
    [v6, IPV6_RANGES, 'ipv6'],
  ] as const) {
    for (const [net, prefix, cls] of ranges) {
      const list = lists.get(cls) ?? new BlockList();
      list.addSubnet(net, prefix, family);
      lists.set(cls, list);
    }
  }
  const global = new BlockList();
  global.addSubnet(IPV6_GLOBAL_UNICAST[0], IPV6_GLOBAL_UNICAST[1], 'ipv6');
  return { v4, v6, global };
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const MAPPED = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff];
const NAT64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
const SIX_TO_FOUR = [0x20, 0x02];

export function createAddressPolicy(): AddressPolicy {
  const { v4, v6, global } = buildLists();

  function lookupClass(lists: Lists, address: string, family: 'ipv4' | 'ipv6'): AddressClass | undefined {
    for (const [cls, list] of lists) if (list.check(address, family)) return cls;
    return undefined;
  }

  function classify(raw: string): AddressClass {
    const address = bareAddress(raw);
    const bytes = ipBytes(address);
    if (!bytes) return 'reserved';
    if (bytes.length === 4) return lookupClass(v4, address, 'ipv4') ?? 'public';
    // IPv6 forms that lead to an IPv4 address are judged by that address.
    if (startsWith(bytes, MAPPED) || startsWith(bytes, NAT64)) return classify(ipv4Text(bytes, 12));
    if (startsWith(bytes, SIX_TO_FOUR)) return classify(ipv4Text(bytes, 2));
    return lookupClass(v6, address, 'ipv6') ?? (global.check(address, 'ipv6') ? 'public' : 'reserved');
  }

  return { classify, isPrivate: (address) => classify(address) !== 'public' };
}
