const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes in binary units with three significant digits: 1536 → "1.50 KiB". */
export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toPrecision(3)} ${UNITS[unit]}`;
}

/** A byte rate as network people read it: bits per second in decimal units. */
export function formatRate(bytesPerSecond: number | null | undefined): string {
  if (!bytesPerSecond) return '—';
  const bits = bytesPerSecond * 8;
  const [value, unit] = bits >= 1e9 ? [bits / 1e9, 'Gbit/s'] : bits >= 1e6 ? [bits / 1e6, 'Mbit/s'] : [bits / 1e3, 'kbit/s'];
  return `${Number(value.toPrecision(3))} ${unit}`;
}

/** A timestamp in the admin's locale, to the minute. */
export function formatTime(iso: string | number | null | undefined): string {
  if (iso === null || iso === undefined) return '—';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPercent(percent: number): string {
  return `${percent.toFixed(percent >= 10 || percent === 0 ? 0 : 1)} %`;
}
