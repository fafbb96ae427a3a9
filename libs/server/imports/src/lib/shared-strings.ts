/** Bytes per page of text; a longer string gets a page of its own. */
const PAGE_BYTES = 1024 * 1024;

/**
 * The shared strings of a workbook, kept as UTF-8 bytes in pages with a compact index instead of
 * one JavaScript string each: a part of many short strings would otherwise cost several times its
 * size in object headers.
 */
export class SharedStrings {
  private readonly pages: Buffer[] = [];
  private used = PAGE_BYTES;
  private page = new Uint32Array(1024);
  private start = new Uint32Array(1024);
  private length = new Uint32Array(1024);
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (this.count === this.page.length) this.grow();
    if (bytes > PAGE_BYTES) {
      this.pages.push(Buffer.from(text));
      this.used = PAGE_BYTES;
      this.place(this.pages.length - 1, 0, bytes);
      return;
    }
    if (this.used + bytes > PAGE_BYTES) {
      this.pages.push(Buffer.allocUnsafe(PAGE_BYTES));
      this.used = 0;
    }
    const index = this.pages.length - 1;
    (this.pages[index] as Buffer).write(text, this.used);
    this.place(index, this.used, bytes);
    this.used += bytes;
  }

  /** The string at `index`, or null when the workbook has no such string. */
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return null;
    const start = this.start[index] as number;
    return (this.pages[this.page[index] as number] as Buffer).toString(
      'utf8',
      start,
      start + (this.length[index] as number),
    );
  }

  private place(page: number, start: number, length: number): void {
    this.page[this.count] = page;
    this.start[this.count] = start;
    this.length[this.count] = length;
    this.count += 1;
  }

  private grow(): void {
    const widen = (from: Uint32Array) => {
      const to = new Uint32Array(from.length * 2);
      to.set(from);
      return to;
    };
    this.page = widen(this.page);
    this.start = widen(this.start);
    this.length = widen(this.length);
  }
}
