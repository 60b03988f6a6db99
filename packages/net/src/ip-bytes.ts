// IP addresses as bytes, so the address policy can look inside IPv6 forms that carry an IPv4
// address (IPv4-mapped, NAT64, 6to4) and judge the IPv4 address they lead to.
import { isIP } from 'node:net';

/** Without brackets and zone id (`[fe80::1%eth0]` → `fe80::1`). */
export function bareAddress(address: string): string {
  const unbracketed = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const zone = unbracketed.indexOf('%');
  return zone >= 0 ? unbracketed.slice(0, zone) : unbracketed;
}

/** 4 bytes for IPv4, 16 for IPv6, undefined for anything that is not an IP address. */
export function ipBytes(address: string): Uint8Array | undefined {
  const family = isIP(address);
  if (family === 4) return Uint8Array.from(address.split('.').map(Number));
  if (family !== 6) return undefined;
  let text = address.toLowerCase();
  const tail: number[] = [];
  const dotted = /:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    tail.push(...dotted[1]!.split('.').map(Number));
    // `::ffff:1.2.3.4` → `::ffff:`, `1:2:3:4:5:6:1.2.3.4` → `1:2:3:4:5:6`
    text = text.slice(0, dotted.index + 1);
    if (!text.endsWith('::')) text = text.slice(0, -1);
  }
  const [head, rest] = text.includes('::') ? (text.split('::') as [string, string]) : [text, undefined];
  const groups = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const front = groups(head);
  const back = rest === undefined ? [] : groups(rest);
  const missing = 8 - tail.length / 2 - front.length - back.length;
  const words = [...front, ...Array<number>(rest === undefined ? 0 : missing).fill(0), ...back];
  const bytes = new Uint8Array(16);
  words.forEach((w, i) => {
    bytes[i * 2] = w >> 8;
    bytes[i * 2 + 1] = w & 0xff;
  });
  tail.forEach((b, i) => (bytes[12 + i] = b));
  return bytes;
}

export function ipv4Text(bytes: Uint8Array, offset = 0): string {
  return `${bytes[offset]}.${bytes[offset + 1]}.${bytes[offset + 2]}.${bytes[offset + 3]}`;
}
