// Which addresses Earshot may not reach unless a source or channel allows it: loopback, private,
// link-local, CGNAT, benchmarking, multicast, reserved and the unspecified address, for IPv4 and
// IPv6 (including IPv4-mapped IPv6). One policy for every outbound connection.
import { BlockList, isIP } from 'node:net';

export interface AddressPolicy {
  isPrivate(address: string): boolean;
}

export function createAddressPolicy(): AddressPolicy {
  const list = new BlockList();
  for (const [net, prefix] of [
    ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16],
    ['172.16.0.0', 12], ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
  ] as const) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) list.addSubnet(net, prefix, 'ipv6');
  return {
    isPrivate(address) {
      const family = isIP(address);
      if (family === 0) return true;
      const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
      if (mapped) return list.check(mapped[1]!, 'ipv4');
      return list.check(address, family === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
