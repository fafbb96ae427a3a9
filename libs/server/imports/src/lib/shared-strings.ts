/** Bytes per page of text; a longer string gets a page of its own. */
const PAGE_BYTES = 1024 * 1024;
/** Entries per block of the index: the index grows a block at a time, never copied. */
const BLOCK = 64 * 1024;

/**
 * The shared strings of a workbook, kept as UTF-8 bytes in pages with a compact index instead of
 * one JavaScript string each: a part of many short strings would otherwise cost several times its
 * size in object headers. Strings lie one after another within a page, so the index keeps only
 * each string's page and end (6 bytes): its start is the previous string's end on the same page.
 */
export class SharedStrings {
  private readonly pages: Buffer[] = [];
  private used = PAGE_BYTES;
  private readonly pageBlocks: Uint16Array[] = [];
  private readonly endBlocks: Uint32Array[] = [];
  private count = 0;

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (bytes > PAGE_BYTES) {
      this.pages.push(Buffer.from(text));
      // The next string starts a page of its own.
      this.used = PAGE_BYTES;
      this.place(this.pages.length - 1, bytes);
      return;
    }
    // A full page (or none yet, or a long string's own) takes nothing more, not even an empty string.
    if (this.used + bytes > PAGE_BYTES || this.used === PAGE_BYTES) {
      this.pages.push(Buffer.allocUnsafe(PAGE_BYTES));
      this.used = 0;
    }
    const index = this.pages.length - 1;
    (this.pages[index] as Buffer).write(text, this.used);
    this.used += bytes;
    this.place(index, this.used);
  }

  /** The string at `index`, or null when the workbook has no such string. */
  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return null;
    const page = this.pageOf(index);
    const start = index > 0 && this.pageOf(index - 1) === page ? this.endOf(index - 1) : 0;
    return (this.pages[page] as Buffer).toString('utf8', start, this.endOf(index));
  }

  private place(page: number, end: number): void {
    const block = Math.floor(this.count / BLOCK);
    if (block === this.pageBlocks.length) {
      this.pageBlocks.push(new Uint16Array(BLOCK));
      this.endBlocks.push(new Uint32Array(BLOCK));
    }
    (this.pageBlocks[block] as Uint16Array)[this.count % BLOCK] = page;
    (this.endBlocks[block] as Uint32Array)[this.count % BLOCK] = end;
    this.count += 1;
  }

  private pageOf(index: number): number {
    return (this.pageBlocks[Math.floor(index / BLOCK)] as Uint16Array)[index % BLOCK] as number;
  }

  private endOf(index: number): number {
    return (this.endBlocks[Math.floor(index / BLOCK)] as Uint32Array)[index % BLOCK] as number;
  }
}
