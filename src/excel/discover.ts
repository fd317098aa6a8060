import type { ExcelHost } from "./host";
import { classifyHostError, isPayloadError } from "./host-errors";
import { hasFeature } from "./requirements";

/**
 * Reaching every worksheet, and whatever an action needs from each (its used range, its
 * cells, its conditional formats, a custom property), in ONE `context.sync()`, without first
 * syncing to learn the sheets' names.
 *
 * How: the sheets are walked in tab order inside the batch, `worksheets.getFirst()` then
 * `getNextOrNullObject()` from each (ExcelApi 1.5), `SHEETS_PER_ROUND` of them, and every load
 * is queued on each of those proxies before the one sync. Past the last sheet the proxies are
 * null objects: their loads come back empty and they are dropped. A workbook with more
 * sheets than that takes one more sync per `SHEETS_PER_ROUND` sheets, starting from where the
 * last round stopped.
 *
 * Loading cells in the same sync is optimistic: it is the only way to read and validate a
 * workbook in one round trip, and Excel gives no size before a sync. If the host refuses the
 * response as too large (Excel on the web: 5 MB; every platform: five million cells per
 * range), the same round is sent again without the cells and the caller reads them in
 * chunks (./read-grids.ts); the host is then remembered as holding a large workbook, so the
 * next action does not try again until a read shows that it fits.
 *
 * Fallbacks:
 * - ExcelApi older than 1.5 (no `getFirst`): the sheets are listed first (one more sync).
 * - A host that refuses the walk past the last sheet: Office's documentation does not say
 *   in words what an object reached from a null object is (the Office.js runtime keeps null
 *   objects usable in later requests, so we expect another null object). If the walk fails
 *   with a host error that is not one of the user's situations (cell-edit mode, protection,
 *   a busy host), the sheets are listed first instead and the host is remembered; if the
 *   listing fails too, its error is the action's.
 */

/** Sheets reached per discovery sync. */
export const SHEETS_PER_ROUND = 32;

export interface SheetListing {
  readonly name: string;
  readonly position: number;
  readonly visible: boolean;
  readonly protected: boolean;
}

export interface DiscoverOptions<T> {
  /** Load each sheet's used range (values only): address, rowCount, columnCount. */
  readonly used?: boolean;
  /** With `used`: try to load values and number formats in the same sync. */
  readonly cells?: boolean;
  /** Queues the caller's own loads on a sheet (it may be a null object past the last sheet). */
  readonly perSheet?: (worksheet: Excel.Worksheet) => T;
}

export interface Discovery<T> {
  /** The worksheets in tab order, usable in the following syncs. */
  readonly worksheets: readonly Excel.Worksheet[];
  readonly listing: readonly SheetListing[];
  /** What `perSheet` returned for each sheet, loaded. */
  readonly extras: readonly T[];
  /** Each sheet's used range, loaded (`isNullObject` for an empty sheet); empty without `used`. */
  readonly used: readonly Excel.Range[];
  /** Per sheet: true when its used range's values and number formats are loaded. */
  readonly withCells: readonly boolean[];
  /** True when the cells were asked for but refused as too large (read them in chunks). */
  readonly cellsRefused: boolean;
}

/** Hosts that refused the walk past the last sheet: they get the listing first. */
const listingHosts = new WeakSet<object>();
/** Hosts whose workbook did not fit in one sync at the last read, with its bytes per cell. */
const largeHosts = new WeakMap<object, number>();

/**
 * The bytes per cell measured on this host's workbook when the last read found it too large
 * for one sync; `null` when it fitted (or nothing is known).
 */
export function knownLarge(host: ExcelHost): number | null {
  return largeHosts.get(host) ?? null;
}

/** Remembers that this host's workbook is too large to read in one sync (with its density), or forgets it (`null`). */
export function rememberLarge(host: ExcelHost, bytesPerCell: number | null): void {
  if (bytesPerCell !== null) largeHosts.set(host, bytesPerCell);
  else largeHosts.delete(host);
}

interface Queued<T> {
  readonly ws: Excel.Worksheet;
  readonly used: Excel.Range | null;
  readonly extra: T;
}

/** A failed walk that the listing may get past: not the user's situation, not size. */
function walkMayBeTheCause(error: unknown): boolean {
  const kind = classifyHostError(error);
  return kind === "generic" || kind === "notFound" || kind === "apiMissing";
}

/**
 * Finds every worksheet and queues the caller's loads on each (see the module comment).
 * Syncs: 1 for up to `SHEETS_PER_ROUND` sheets (+1 per further `SHEETS_PER_ROUND`), +1 when
 * the cells were refused as too large, +1 on hosts older than ExcelApi 1.5.
 * @example const { listing, extras } = await discoverSheetsIn(context, host, { perSheet: (ws) => ws.tables.load("items/name") });
 */
export async function discoverSheetsIn<T = undefined>(
  context: Excel.RequestContext,
  host: ExcelHost,
  options: DiscoverOptions<T> = {},
): Promise<Discovery<T>> {
  const canProtect = hasFeature(host, "protection");
  let cells = options.used === true && options.cells === true;
  let cellsRefused = false;

  const queue = (ws: Excel.Worksheet, withCells: boolean): Queued<T> => {
    ws.load("name,visibility");
    if (canProtect) ws.protection.load("protected");
    const used = options.used
      ? ws.getUsedRangeOrNullObject(true).load(withCells ? "address,rowCount,columnCount,values,numberFormat" : "address,rowCount,columnCount")
      : null;
    const extra = options.perSheet ? options.perSheet(ws) : (undefined as T);
    return { ws, used, extra };
  };

  /** Sends the batch; a refused response with cells is sent again without them. */
  const syncRound = async <R>(queueRound: (withCells: boolean) => R): Promise<{ round: R; withCells: boolean }> => {
    for (;;) {
      const round = queueRound(cells);
      try {
        await context.sync();
        return { round, withCells: cells };
      } catch (error) {
        if (!cells || !isPayloadError(error)) throw error;
        cells = false;
        cellsRefused = true;
      }
    }
  };

  const found: Queued<T>[] = [];
  const withCells: boolean[] = [];

  const byListing = async (): Promise<void> => {
    const collection = context.workbook.worksheets;
    collection.load(canProtect ? "items/name,items/visibility,items/protection/protected" : "items/name,items/visibility");
    await context.sync();
    const items = collection.items;
    if (!options.used && !options.perSheet) {
      for (const ws of items) {
        found.push({ ws, used: null, extra: undefined as T });
        withCells.push(false);
      }
      return;
    }
    const { round, withCells: w } = await syncRound((c) => items.map((ws) => queue(ws, c)));
    for (const q of round) {
      found.push(q);
      withCells.push(w);
    }
  };

  const byWalk = async (): Promise<void> => {
    let start: Excel.Worksheet | null = null;
    for (;;) {
      const { round, withCells: w } = await syncRound((c) => {
        const queued: Queued<T>[] = [];
        let ws: Excel.Worksheet = start ?? context.workbook.worksheets.getFirst();
        for (let i = 0; i < SHEETS_PER_ROUND; i++) {
          if (i > 0) ws = ws.getNextOrNullObject();
          queued.push(queue(ws, c));
        }
        return { queued, after: ws.getNextOrNullObject() };
      });
      let complete = true;
      for (const [i, q] of round.queued.entries()) {
        // The first is `getFirst()` (a workbook always has a sheet) or the sheet found after
        // the last round: never null. The others are `*OrNullObject` results.
        if (i > 0 && q.ws.isNullObject) {
          complete = false;
          break;
        }
        found.push(q);
        withCells.push(w);
      }
      if (!complete || round.after.isNullObject) return;
      start = round.after;
    }
  };

  if (!hasFeature(host, "walkSheets") || listingHosts.has(host)) {
    await byListing();
  } else {
    try {
      await byWalk();
    } catch (error) {
      if (!walkMayBeTheCause(error)) throw error;
      found.length = 0;
      withCells.length = 0;
      await byListing();
      listingHosts.add(host);
    }
  }

  const listing = found.map((q, position) => ({
    name: q.ws.name,
    position,
    visible: q.ws.visibility === "Visible",
    protected: canProtect ? q.ws.protection.protected : false,
  }));
  return {
    worksheets: found.map((q) => q.ws),
    listing,
    extras: found.map((q) => q.extra),
    used: options.used ? found.map((q) => q.used as Excel.Range) : [],
    withCells: found.map((q, i) => withCells[i] && q.used !== null && !q.used.isNullObject),
    cellsRefused,
  };
}
