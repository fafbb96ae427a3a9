/** A time as Shanghai wall-clock "YYYY-MM-DD HH:mm" (the product's time zone, whatever the browser's). */
export function formatDateTime(iso: string): string {
  const at = new Date(Date.parse(iso) + 8 * 3600_000);
  if (Number.isNaN(at.getTime())) return '';
  return at.toISOString().slice(0, 16).replace('T', ' ');
}
