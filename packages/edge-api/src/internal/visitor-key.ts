/**
 * The key a visitor is counted under: an IPv4 address as it is, an IPv6 address by its network
 * prefix (/64 by default: one subscriber's whole allocation, which a bot can otherwise walk through
 * 2^64 addresses). IPv4-mapped IPv6 addresses count as the IPv4 address.
 */

/** The counting key of `address` (anything that is not an IP address is kept as it is). */
export function visitorKey(address: string, ipv6Prefix = 64): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  if (groups.ipv4) return groups.ipv4;
  const bits = Math.max(0, Math.min(128, ipv6Prefix));
  const out: string[] = [];
  for (let i = 0; i < 8; i++) {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    const mask = keep === 0 ? 0 : (0xffff << (16 - keep)) & 0xffff;
    out.push(((groups.words[i] as number) & mask).toString(16));
  }
  return `${out.join(":")}/${bits}`;
}

/** The eight 16-bit words of an IPv6 address, or its IPv4 address when it is IPv4-mapped. */
function ipv6Groups(address: string): { words: number[]; ipv4?: string } | undefined {
  let a = address.trim();
  if (a.startsWith("[") && a.endsWith("]")) a = a.slice(1, -1);
  const zone = a.indexOf("%");
  if (zone >= 0) a = a.slice(0, zone);
  if (!a.includes(":")) return undefined;
  let tail: number[] = [];
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
  if (dotted) {
    const octets = dotted.slice(2).map(Number);
    if (octets.some((o) => o > 255)) return undefined;
    const [b0, b1, b2, b3] = octets as [number, number, number, number];
    tail = [(b0 << 8) | b1, (b2 << 8) | b3];
    a = `${dotted[1]}0:0`;
  }
  const halves = a.split("::");
  if (halves.length > 2) return undefined;
  const parse = (s: string) => (s === "" ? [] : s.split(":"));
  const head = parse(halves[0] as string);
  const rest = halves.length === 2 ? parse(halves[1] as string) : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const parts = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill("0"), ...rest];
  if (!parts.every((p) => /^[0-9a-f]{1,4}$/i.test(p))) return undefined;
  const words = parts.map((p) => Number.parseInt(p, 16));
  if (dotted) words.splice(6, 2, ...tail);
  const mapped = words.slice(0, 5).every((w) => w === 0) && words[5] === 0xffff;
  if (mapped) {
    const [hi, lo] = [words[6] as number, words[7] as number];
    return { words, ipv4: `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}` };
  }
  return { words };
}
