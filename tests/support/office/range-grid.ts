/** Reading and writing a range's cells as a 2-D grid, with Excel's size rules. */
import { cellCount, key, type Rect } from "./addresses";
import { fail } from "./errors";
import type { CellFormat, SheetModel } from "./model";
import { guardWrite, type Obj } from "./proxy";

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export function grid<T>(t: RangeTarget, cell: (r: number, c: number) => T): T[][] {
  const out: T[][] = [];
  for (let r = t.rect.r0; r <= t.rect.r1; r++) {
    const row: T[] = [];
    for (let c = t.rect.c0; c <= t.rect.c1; c++) row.push(cell(r, c));
    out.push(row);
  }
  return out;
}

export const GET_CELL_LIMIT = 5_000_000;

/**
 * Excel's five-million-cell limit on a get: an error, or (`FakeOptions.oversizeGet: "null"`)
 * the documented `null` answer. True when the get may go on.
 */
export function checkGetSize(t: RangeTarget, self: Obj): boolean {
  if (cellCount(t.rect) <= GET_CELL_LIMIT) return true;
  if ((self as any).ctx.host.oversizeGet === "null") return false;
  fail("ResponsePayloadSizeLimitExceeded", "A range is limited to five million cells for get operations.");
}

/** Writes a 2-D array (or one scalar for the whole range) into a range. */
export function writeGrid(t: RangeTarget, v: unknown, put: (r: number, c: number, x: any) => void): void {
  const rows = t.rect.r1 - t.rect.r0 + 1;
  const cols = t.rect.c1 - t.rect.c0 + 1;
  if (!Array.isArray(v)) {
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(t.rect.r0 + r, t.rect.c0 + c, v);
    return;
  }
  if (v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  }
  for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) put(t.rect.r0 + r, t.rect.c0 + c, v[r][c]);
}

export function setFormat(t: RangeTarget, patch: Partial<CellFormat>): void {
  guardWrite(t.sheet, "formatting cells");
  for (let r = t.rect.r0; r <= t.rect.r1; r++)
    for (let c = t.rect.c0; c <= t.rect.c1; c++) {
      const k = key(r, c);
      t.sheet.formats.set(k, { ...(t.sheet.formats.get(k) ?? {}), ...patch });
    }
}

/** The target of a range the add-in passes back to the host (always one of the fake's proxies). */
export function targetOfRange(range: Excel.Range): RangeTarget {
  return (range as unknown as Obj)._live();
}

export function firstFormat<K extends keyof CellFormat>(t: RangeTarget, prop: K): CellFormat[K] | null {
  const f = t.sheet.formats.get(key(t.rect.r0, t.rect.c0));
  return f?.[prop] ?? null;
}
