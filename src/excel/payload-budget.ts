import type { Platform } from "./host";

/**
 * How much one `context.sync()` may carry, and the reads planned under it: Excel on the web
 * answers at most 5 MB per response, and every platform at most five million cells per get.
 * Pure, so the chunking of a large workbook is tested without a host (read-grids.ts runs it).
 */

/** Excel's limit on the cells of one get (values, number formats), on every platform. */
export const MAX_CELLS_PER_GET = 5_000_000;

/**
 * True when a loaded used range's cells can be used as they are: within the cell limit and
 * not answered with `null` (Excel's way of saying "too large" for some requests).
 * @example cellsUsable(1_048_576, 16, null, null) // false: read it in chunks
 */
export function cellsUsable(rows: number, cols: number, values: unknown, formats: unknown): boolean {
  return rows * cols <= MAX_CELLS_PER_GET && Array.isArray(values) && Array.isArray(formats);
}

/** How much one sync may carry. */
export interface PayloadBudget {
  /** Estimated response bytes per sync. */
  readonly maxBytes: number;
  /** Estimated bytes per cell for values + number format together (JSON). */
  readonly bytesPerCell: number;
  /** Cells per sync (Excel: five million cells per get, on every platform). */
  readonly maxCells: number;
}

/** Excel on the web: 5 MB per response, 4 MB budgeted to leave room for the envelope. */
export const WEB_BUDGET: PayloadBudget = { maxBytes: 4_000_000, bytesPerCell: 48, maxCells: 1_000_000 };
/** Desktop hosts have no payload limit; the five-million-cell get limit still applies. */
export const DESKTOP_BUDGET: PayloadBudget = { maxBytes: Number.POSITIVE_INFINITY, bytesPerCell: 48, maxCells: 4_000_000 };

/**
 * The budget of a platform.
 * @example budgetFor("web").maxBytes // 4_000_000
 */
export function budgetFor(platform: Platform): PayloadBudget {
  return platform === "web" ? WEB_BUDGET : DESKTOP_BUDGET;
}

/** A block of rows of one sheet's used range, read in one load. */
export interface Chunk {
  readonly sheet: number;
  /** 0-based row offset inside the used range, and the number of rows. */
  readonly rowStart: number;
  readonly rowCount: number;
  readonly cells: number;
}

/** Where the next read starts: a sheet and a row offset inside its used range. */
export interface Cursor {
  readonly sheet: number;
  readonly row: number;
}

/**
 * The chunks of the next sync: rows taken in sheet order from `cursor` until `cells` cells
 * (at least one row, so a very wide row still makes progress). Pure.
 * @example nextGroup([{ rows: 10, cols: 5 }], { sheet: 0, row: 0 }, 1000).chunks
 *   // [{ sheet: 0, rowStart: 0, rowCount: 10, cells: 50 }]
 */
export function nextGroup(
  ranges: readonly ({ readonly rows: number; readonly cols: number } | null)[],
  cursor: Cursor,
  cells: number,
): { chunks: Chunk[]; next: Cursor } {
  const chunks: Chunk[] = [];
  let used = 0;
  let sheet = cursor.sheet;
  let row = cursor.row;
  while (sheet < ranges.length) {
    const r = ranges[sheet];
    if (!r || r.rows <= 0 || r.cols <= 0 || row >= r.rows) {
      sheet++;
      row = 0;
      continue;
    }
    let take = Math.min(r.rows - row, Math.floor((cells - used) / r.cols));
    if (take <= 0) {
      if (chunks.length > 0) break;
      take = 1;
    }
    chunks.push({ sheet, rowStart: row, rowCount: take, cells: take * r.cols });
    used += take * r.cols;
    row += take;
  }
  return { chunks, next: { sheet, row } };
}

/** Cells one sync may load at a given density (bytes per cell). */
export function cellsPerSync(budget: PayloadBudget, bytesPerCell: number): number {
  return Math.max(1, Math.min(budget.maxCells, Math.floor(budget.maxBytes / Math.max(bytesPerCell, 1))));
}

/** Approximate JSON size of loaded values and number formats, to learn the real density. */
export function measureBytes(values: readonly (readonly unknown[])[], formats: readonly (readonly unknown[])[]): number {
  let n = 0;
  for (const grid of [values, formats]) {
    for (const row of grid) {
      n += 2;
      for (const v of row) n += typeof v === "string" ? v.length + 3 : typeof v === "number" ? String(v).length + 1 : 6;
    }
  }
  return n;
}
