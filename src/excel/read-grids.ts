import { type CellValue, parseA1, rangeA1, type SheetGrid } from "../core";
import { discoverSheetsIn, knownLarge, rememberLarge, type SheetListing } from "./discover";
import type { ExcelHost } from "./host";
import { isPayloadError } from "./host-errors";
import { budgetFor, cellsPerSync, cellsUsable, MAX_CELLS_PER_GET, measureBytes, nextGroup, type Cursor, type PayloadBudget } from "./payload-budget";

/**
 * Reading every worksheet's used range (values and number formats) through Office.js with a
 * number of `context.sync()` calls that does not depend on the number of rows:
 *
 *   sync 1  every sheet (reached without listing them first, ./discover.ts), its used range
 *           WITH its values and number formats, plus whatever the caller queues on each sheet
 *           (`perSheet`: the marks' rules, the summary's marker) in the same round trip.
 *
 * That is the whole read for a workbook whose cells fit in one response (all of them on
 * desktop Excel, whose only limit is five million cells per range; up to 5 MB on the web).
 * When the host refuses that response as too large, sync 1 is sent again without the cells
 * and the cells are read in row chunks under the payload budget: the first chunk sized with
 * a conservative estimate (48 bytes a cell), the following ones with the density actually
 * measured (+15%), so the web costs about one more sync per 4 MB of cells. If the host still
 * rejects a chunk as too large (long texts beat the estimate), the same rows are read again
 * in smaller pieces. The host is remembered as holding a large workbook (with the density
 * measured), so the next action goes straight to full-size chunks (one sync fewer, and no
 * small first chunk) until a read shows that the cells fit again.
 *
 * Syncs, exactly: 1 when the cells fit one response; else 2 + the chunks (the refused
 * attempt, sync 1 again without cells), and 1 + the chunks while the host is remembered as
 * large. Plus one per 32 sheets beyond the first 32, and one when the sheets must be listed
 * first (ExcelApi older than 1.5, or a host that refuses the walk: ./discover.ts).
 *
 * Size guards (Excel's documented limits, on every platform):
 * - a get is limited to five million cells, and past that Excel may answer `values` or
 *   `numberFormat` with `null` instead of an error. So every used range's rows x columns is
 *   checked before its cells are used: a sheet over the limit, or whose cells came back
 *   `null`, is read in chunks like a sheet that did not fit the response (one stray value in
 *   P1048576 makes a 16-million-cell used range, not a failure);
 * - a chunk refused as too large, or answered with `null`, is read again in pieces of half
 *   as many cells, on desktop too (where the byte budget is unlimited, so only the cell cap
 *   can shrink), down to one row; a single row still refused is the action's error.
 *
 * The budgets and the planning of chunks (pure) are payload-budget.ts; this module runs them.
 */

/** One worksheet as found and measured in sync 1. */
export interface SheetInfo {
  readonly name: string;
  readonly position: number;
  readonly visible: boolean;
  readonly protected: boolean;
  /** Used range (values only) without the sheet, e.g. `B2:M40`; `null` for an empty sheet. */
  readonly used: { readonly address: string; readonly row: number; readonly col: number; readonly rows: number; readonly cols: number } | null;
}

export interface ReadProgress {
  readonly done: number;
  readonly total: number;
}

export interface ReadOptions<T = undefined> {
  readonly budget?: PayloadBudget;
  readonly onProgress?: (p: ReadProgress) => void;
  /**
   * Queues the caller's loads on each sheet in sync 1 (read them after `readWorkbookIn`
   * returns, in `extras`). It may be called on a null object past the last sheet.
   */
  readonly perSheet?: (worksheet: Excel.Worksheet) => T;
}

export interface WorkbookRead<T = undefined> {
  readonly grids: SheetGrid[];
  readonly sheets: readonly SheetInfo[];
  readonly worksheets: readonly Excel.Worksheet[];
  /** What `perSheet` queued, per sheet, loaded. */
  readonly extras: readonly T[];
}

/** Safety factor over the measured density for the following syncs. */
const DENSITY_MARGIN = 1.15;

/** The used-range address without its sheet prefix (`'Area A'!B2:M40` -> `B2:M40`). */
export function localAddress(address: string): string {
  const bang = address.lastIndexOf("!");
  return bang >= 0 ? address.slice(bang + 1) : address;
}

/**
 * Reads every sheet inside an existing `Excel.run` context (see the module comment for the
 * syncs). The caller owns the context, so it can write in the same run.
 */
export async function readWorkbookIn<T = undefined>(
  context: Excel.RequestContext,
  host: ExcelHost,
  options: ReadOptions<T> = {},
): Promise<WorkbookRead<T>> {
  const budget = options.budget ?? budgetFor(host.platform);
  options.onProgress?.({ done: 0, total: 1 });

  // sync 1: the sheets, their used ranges with the cells (if they fit), the caller's loads.
  const large = knownLarge(host);
  const found = await discoverSheetsIn(context, host, { used: true, cells: large === null, perSheet: options.perSheet });
  const { worksheets, listing } = found;
  const sheets: SheetInfo[] = listing.map((l: SheetListing, i) => {
    const r = found.used[i];
    if (r.isNullObject) return { ...l, used: null };
    const address = localAddress(r.address);
    const topLeft = parseA1(address.split(":")[0]);
    return {
      ...l,
      used: { address, row: topLeft?.row ?? 0, col: topLeft?.col ?? 0, rows: r.rowCount, cols: r.columnCount },
    };
  });

  const values: CellValue[][][] = sheets.map(() => []);
  const formats: string[][][] = sheets.map(() => []);
  let bytesSeen = 0;
  let cellsSeen = 0;
  // Cells that came with sync 1 but are over the get limit or null: read in chunks instead.
  const withCells = sheets.map((s, i) => {
    if (!found.withCells[i] || !s.used) return false;
    return cellsUsable(s.used.rows, s.used.cols, found.used[i].values, found.used[i].numberFormat);
  });
  const oversize = sheets.some((s, i) => found.withCells[i] && s.used !== null && !withCells[i]);
  sheets.forEach((s, i) => {
    if (!withCells[i] || !s.used) return;
    const v = found.used[i].values as CellValue[][];
    const f = found.used[i].numberFormat as string[][];
    values[i] = v;
    formats[i] = f;
    bytesSeen += measureBytes(v, f);
    cellsSeen += s.used.rows * s.used.cols;
  });

  // sync 2..: the cells not read with sync 1, in chunks. The first chunk uses the density
  // measured so far (or at the last read of this workbook), else the conservative estimate;
  // later ones the density measured.
  const ranges = sheets.map((s, i) => (withCells[i] ? null : s.used));
  const totalCells = ranges.reduce((n, r) => n + (r ? r.rows * r.cols : 0), 0);
  const measured = cellsSeen > 0 ? bytesSeen / cellsSeen : large;
  let density = measured !== null ? Math.max(4, measured * DENSITY_MARGIN) : budget.bytesPerCell;
  let cursor: Cursor = { sheet: 0, row: 0 };
  // Cells per sync after a refusal: halved each time, whatever the byte budget says.
  let cap = Math.min(budget.maxCells, MAX_CELLS_PER_GET);
  let cellsDone = 0;
  const results = new Map<string, { values: CellValue[][]; formats: string[][] }>();
  const estimateSyncs = (): number => Math.max(1, Math.ceil(((totalCells - cellsDone) * density) / Math.min(budget.maxBytes, budget.maxCells * density)));
  let done = 1;
  options.onProgress?.({ done, total: done + (totalCells > 0 ? estimateSyncs() : 0) });
  while (cellsDone < totalCells) {
    const { chunks, next } = nextGroup(ranges, cursor, Math.min(cap, cellsPerSync(budget, density)));
    const loaded = chunks.map((c) => {
      const u = sheets[c.sheet].used!;
      const top = u.row + c.rowStart;
      const address = rangeA1(top, u.col, top + c.rowCount - 1, u.col + u.cols - 1);
      return { chunk: c, range: worksheets[c.sheet].getRange(address).load("values,numberFormat") };
    });
    const cells = chunks.reduce((n, c) => n + c.cells, 0);
    let refused: unknown = null;
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadError(e)) throw e;
      refused = e;
    }
    // A null answer is Excel's "too large" too.
    if (refused === null && loaded.some(({ range }) => !Array.isArray(range.values) || !Array.isArray(range.numberFormat))) {
      refused = Object.assign(new Error("Excel answered a chunk of cells with null (too large)."), { code: "RangeExceedsLimit" });
    }
    if (refused !== null) {
      if (chunks.every((c) => c.rowCount <= 1) || cells <= 1) throw refused;
      // Longer texts than estimated, or more cells than the host takes: the same rows again
      // in pieces of half the cells (on desktop the byte budget is unlimited, so the cap is
      // what shrinks).
      cap = Math.max(1, Math.floor(cells / 2));
      if (Number.isFinite(budget.maxBytes)) density = Math.max(density * 2, ((budget.maxBytes / cells) * 2) | 0);
      continue;
    }
    for (const { chunk, range } of loaded) {
      const v = range.values as CellValue[][];
      const f = range.numberFormat as string[][];
      results.set(`${chunk.sheet}:${chunk.rowStart}`, { values: v, formats: f });
      bytesSeen += measureBytes(v, f);
      cellsDone += chunk.cells;
      cellsSeen += chunk.cells;
    }
    density = Math.max(4, (bytesSeen / Math.max(cellsSeen, 1)) * DENSITY_MARGIN);
    cursor = next;
    done++;
    options.onProgress?.({ done, total: done + (cellsDone < totalCells ? estimateSyncs() : 0) });
  }
  // Reassemble each chunked sheet's rows in order (chunks may have been split and retried).
  const order = [...results.keys()]
    .map((k) => k.split(":").map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [sheet, rowStart] of order) {
    const r = results.get(`${sheet}:${rowStart}`)!;
    for (const row of r.values) values[sheet].push(row);
    for (const row of r.formats) formats[sheet].push(row);
  }
  // Next time: straight to the chunks if these cells did not fit one response; back to one
  // sync once they would (within the budget).
  if (bytesSeen <= budget.maxBytes) rememberLarge(host, null);
  else if (found.cellsRefused || oversize || large !== null) rememberLarge(host, bytesSeen / Math.max(cellsSeen, 1));

  const grids: SheetGrid[] = sheets.map((s, i) => ({
    name: s.name,
    values: values[i],
    formats: formats[i],
    origin: s.used ? { row: s.used.row, col: s.used.col } : { row: 0, col: 0 },
  }));
  return { grids, sheets, worksheets, extras: found.extras };
}

/**
 * Reads every sheet in its own `Excel.run` (for callers that only read: the benchmark).
 * @example const { grids } = await readWorkbook(officeHost());
 */
export async function readWorkbook<T = undefined>(host: ExcelHost, options: ReadOptions<T> = {}): Promise<WorkbookRead<T>> {
  return host.run((context) => readWorkbookIn(context, host, options));
}
