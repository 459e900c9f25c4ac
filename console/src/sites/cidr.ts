/** Parses an IPv4 address into its 4 bytes as a bigint, or null. */
function ipv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return null;
  return parts.reduce((acc, p) => (acc << 8n) | BigInt(Number(p)), 0n);
}

/** Parses an IPv6 address (with "::" and an optional trailing IPv4 part) into a 128-bit bigint, or null. */
function ipv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (part: string): number[] | null => {
    if (!part) return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i];
      if (i === pieces.length - 1 && piece.includes('.')) {
        const v4 = ipv4(piece);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else if (/^[0-9a-fA-F]{1,4}$/.test(piece)) out.push(parseInt(piece, 16));
      else return null;
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...Array<number>(halves.length === 2 ? missing : 0).fill(0), ...tail].reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

function formatNetwork(value: bigint, bits: number, prefix: number): string {
  if (bits === 32) return `${[24n, 16n, 8n, 0n].map((s) => (value >> s) & 255n).join('.')}/${prefix}`;
  const groups = Array.from({ length: 8 }, (_, i) => ((value >> BigInt(112 - i * 16)) & 0xffffn).toString(16));
  return `${groups.join(':').replace(/(^|:)0(:0)+(:|$)/, '::')}/${prefix}`;
}

/**
 * Checks one subnet the way the control plane's Cidr does: literal IPv4 or IPv6 address, prefix within range, no host
 * bits set. Returns a message for the admin, or null when the subnet is fine.
 */
export function cidrProblem(text: string): string | null {
  const slash = text.indexOf('/');
  if (slash < 0) return `'${text}' is not CIDR notation (expected e.g. 10.20.0.0/16)`;
  const address = text.slice(0, slash).trim();
  const prefixText = text.slice(slash + 1).trim();
  const v4 = ipv4(address);
  const value = v4 ?? (address.includes(':') ? ipv6(address) : null);
  if (value === null) return `'${text}' does not start with an IPv4 or IPv6 address`;
  const bits = v4 !== null ? 32 : 128;
  if (!/^\d+$/.test(prefixText) || Number(prefixText) > bits) return `'${text}' has a prefix length outside 0..${bits}`;
  const prefix = Number(prefixText);
  const hostMask = (1n << BigInt(bits - prefix)) - 1n;
  if ((value & hostMask) !== 0n) return `'${text}' has host bits set; did you mean ${formatNetwork(value & ~hostMask, bits, prefix)}?`;
  return null;
}
