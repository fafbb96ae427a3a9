export interface VirtualWindowInput {
  /** How far the list is scrolled, in px from the top of its first row. */
  scrollTop: number;
  /** Height of the part of the list in view, in px. */
  viewportHeight: number;
  /** Every row is this tall, in px. */
  rowHeight: number;
  count: number;
  /** Rows drawn beyond each edge of the view, so a quick scroll shows no gap. */
  overscan: number;
}

/** The rows a virtual list draws: `start` (first, inclusive) to `end` (exclusive). */
export interface VirtualWindow {
  start: number;
  end: number;
}

/** Which rows of a long list of equal-height rows are in view, with `overscan` more each side. */
export function visibleWindow({
  scrollTop,
  viewportHeight,
  rowHeight,
  count,
  overscan,
}: VirtualWindowInput): VirtualWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.min(Math.max(0, first - overscan), Math.max(0, count - 1));
  const end = Math.min(count, Math.max(start + 1, last + overscan));
  return { start, end };
}
