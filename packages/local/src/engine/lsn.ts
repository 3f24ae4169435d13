/** A PostgreSQL WAL position ("16/B374D848") as a comparable number. */
export function parseLsn(lsn: string | null | undefined): bigint | undefined {
  if (!lsn) return undefined;
  const m = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(lsn.trim());
  if (!m?.[1] || !m[2]) return undefined;
  return (BigInt(`0x${m[1]}`) << 32n) | BigInt(`0x${m[2]}`);
}

/** Bytes between two positions (a - b), or undefined when either is unknown. */
export function lsnDiff(a: string | null | undefined, b: string | null | undefined): number | undefined {
  const x = parseLsn(a);
  const y = parseLsn(b);
  return x === undefined || y === undefined ? undefined : Number(x - y);
}
