import {
  type CellSpec,
  type CellValue,
  type Lang,
  type SheetGrid,
  type SheetSpec,
  SUMMARY_SHEET,
  summarySheet,
} from "../core";
import { checkGrids, type Checked } from "./check";
import { nextTick, type ExcelHost } from "./host";
import { freeSheetName, removeAddedSheets, writeSheetsIn } from "./import";
import { budgetFor, readWorkbookIn, type PayloadBudget, type SheetInfo } from "./read-grids";
import { hasFeature } from "./requirements";

/**
 * The "Build summary" action (`Crea riepilogo`): one `Excel.run` that reads the workbook,
 * checks it as Validate does (./check.ts: the workbook's rules, the roll-up through its
 * tree) and writes the `Riepilogo` sheet (src/core/workbook/summary.ts) with the import's
 * writer. Reading again rather than reusing the last Validate keeps the sheet true to the
 * cells as they are now, and costs no extra round trip per row.
 *
 * Syncs, exactly (desktop, or a workbook whose cells fit one response on the web): 1 find
 * every sheet, read its cells and every sheet's marker property (./read-grids.ts), 2 write
 * the sheet. Constant in the number of rows; on the web, cells beyond one response are read
 * in chunks of about 4 MB (one more sync each, plus the refused attempt the first time) and
 * a summary beyond the write budget is written in batches of about 4 MB.
 *
 * Never overwriting: the summary goes to a new sheet with a free name (`Riepilogo`, else
 * `Riepilogo (2)` ...), except in one case. A sheet named `Riepilogo` or `Riepilogo (n)`
 * is written again in place when the add-in can tell it made it and nobody has typed in it
 * since:
 * - it carries the worksheet custom property `KPI-PP-SHEET` the add-in writes with the sheet
 *   (ExcelApi 1.12; a property travels with the file, is invisible in the grid and is not
 *   copied by hand), whose value holds a fingerprint of the cell values written; and
 * - the values read now still have that fingerprint (any typed, deleted or pasted value
 *   changes it; the in-cell bars are computed by Excel and left out).
 * Protected or hidden summary sheets are never reused. Rewriting in place keeps the sheet's
 * position and any reference other sheets make to it. Without ExcelApi 1.12 no sheet is
 * recognised, so every summary is a new sheet.
 *
 * Failure: a new sheet whose write failed is deleted again (the workbook is as before); a
 * sheet rewritten in place may be left incomplete (it held only a summary of ours, which a
 * new Build summary replaces), and the error says so.
 */

/** The worksheet custom property that marks a sheet made by the add-in. */
export const SHEET_MARKER = "KPI-PP-SHEET";

/** The sheets the add-in writes and may later rewrite in place: `Riepilogo`, `Schede unità`. */
export type OwnSheetKind = "summary" | "units";

/** What the marker says. */
export interface SheetMarker {
  readonly kind: OwnSheetKind;
  readonly version: 1;
  /** `summaryFingerprint` of the values written. */
  readonly fingerprint: string;
}

export type SummaryPhase =
  | { readonly kind: "reading"; readonly done: number; readonly total: number }
  | { readonly kind: "checking" }
  | { readonly kind: "writing" };

export interface SummaryRequest {
  readonly year?: number | null;
  readonly lang: Lang;
  /** The calculation date printed on the sheet, `yyyy-mm-dd` (default: today, local time). */
  readonly generatedOn?: string;
  readonly onPhase?: (phase: SummaryPhase) => void;
  readonly budget?: PayloadBudget;
}

export interface SummaryOutcome extends Checked {
  /** The sheet written; `null` when there was nothing to summarise (no KPI table). */
  readonly sheet: string | null;
  /** True when an earlier summary of ours was written again in place. */
  readonly replaced: boolean;
  readonly sheets: readonly SheetInfo[];
}

/** The write failed. `rolledBack`: the workbook is as before; otherwise `sheet` may be incomplete. */
export class SummaryError extends Error {
  constructor(
    readonly cause: unknown,
    readonly rolledBack: boolean,
    readonly sheet: string,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "SummaryError";
  }
}

// ------------------------------------------------------------------ fingerprint

/** A cell as the fingerprint sees it, `null` for a cell it leaves out. */
function canonical(value: CellValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") {
    // Blank, or an in-cell bar (computed by Excel from the achievement next to it).
    if (value === "" || /^█+$/.test(value)) return null;
    return `s${value}`;
  }
  // Excel keeps 15 significant digits; 12 leave room for any rounding on the way.
  if (typeof value === "number") return `n${Number(value.toPrecision(12))}`;
  return `b${value}`;
}

/** FNV-1a, 32 bits, over UTF-16 code units: a short checksum, not a secret. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

/**
 * A fingerprint of a sheet's values: every non-blank cell with its position, as text.
 * Formulas are left out (their value is Excel's to compute) and so are the bars.
 * @example summaryFingerprint([{ row: 0, col: 0, value: "Riepilogo" }]) // "1:" + an 8-digit hex checksum
 */
export function summaryFingerprint(cells: Iterable<{ row: number; col: number; value: CellValue | undefined }>): string {
  const parts: string[] = [];
  for (const c of cells) {
    const v = canonical(c.value);
    if (v !== null) parts.push(`${c.row},${c.col}=${v}`);
  }
  return `${parts.length}:${fnv1a(parts.join("\n"))}`;
}

/** The cells of a sheet description, formulas left out. */
export function* specCells(spec: SheetSpec): Generator<{ row: number; col: number; value: CellValue | undefined }> {
  for (let r = 0; r < spec.cells.length; r++) {
    const row = spec.cells[r];
    for (let c = 0; c < row.length; c++) {
      const cell: CellSpec | undefined = row[c];
      if (cell !== null && typeof cell === "object") continue;
      yield { row: r, col: c, value: cell };
    }
  }
}

/** The cells of a grid read from Excel, at their sheet positions. */
export function* gridCells(grid: SheetGrid): Generator<{ row: number; col: number; value: CellValue | undefined }> {
  const r0 = grid.origin?.row ?? 0;
  const c0 = grid.origin?.col ?? 0;
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) yield { row: r0 + r, col: c0 + c, value: row[c] };
  }
}

/** The marker's text for a written sheet. */
export function markerValue(spec: SheetSpec, kind: OwnSheetKind = "summary"): string {
  const marker: SheetMarker = { kind, version: 1, fingerprint: summaryFingerprint(specCells(spec)) };
  return JSON.stringify(marker);
}

/** The marker read from a property value; `null` when it is not one of ours of that kind. */
export function parseMarker(value: string | null | undefined, kind: OwnSheetKind = "summary"): SheetMarker | null {
  if (typeof value !== "string") return null;
  try {
    const m = JSON.parse(value) as Partial<SheetMarker>;
    return m && m.kind === kind && m.version === 1 && typeof m.fingerprint === "string" ? (m as SheetMarker) : null;
  } catch {
    return null;
  }
}

/**
 * True for the names a summary may have: `Riepilogo`, `Riepilogo (2)` ... (any case).
 * @example isSummaryName("riepilogo (3)", "it") // true
 */
export function isSummaryName(name: string, lang: Lang): boolean {
  return isNameOf(name, SUMMARY_SHEET[lang]);
}

/**
 * True for `base` and `base (n)` (any case): the names a sheet of ours may have.
 * @example isNameOf("schede unità (2)", "Schede unità") // true
 */
export function isNameOf(name: string, base: string): boolean {
  const b = base.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const n = name.toLowerCase();
  return n === base.toLowerCase() || new RegExp(`^${b} \\(\\d+\\)$`).test(n);
}

/** Today as `yyyy-mm-dd`, local time. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

// ------------------------------------------------------------------ the action

/**
 * Reads, checks and writes the summary sheet. See the module comment.
 * @example const { sheet, replaced } = await buildSummary(officeHost(), { lang: "it", year: 2022 });
 */
export async function buildSummary(host: ExcelHost, request: SummaryRequest): Promise<SummaryOutcome> {
  const lang = request.lang;
  return buildOwnSheet(host, request, {
    kind: "summary",
    name: SUMMARY_SHEET[lang],
    spec: (checked) =>
      checked.rollup.nodes.length === 0
        ? null
        : summarySheet(
            {
              year: checked.report.year,
              nodes: checked.rollup.nodes,
              rules: checked.rollup.rules,
              generatedOn: request.generatedOn ?? today(),
              body: checked.rules.body,
            },
            { lang },
          ),
  });
}

/** Which sheet of ours to write, and how to describe it from the check. */
export interface OwnSheet {
  readonly kind: OwnSheetKind;
  /** The sheet's name (`Riepilogo`): a free `name (n)` is used when it is taken. */
  readonly name: string;
  /** The sheet for the checked workbook; `null`: nothing to write. */
  readonly spec: (checked: Checked) => SheetSpec | null;
}

/**
 * The one way the add-in writes a sheet of its own (`Riepilogo`, `Schede unità`): read and
 * check the workbook, describe the sheet, write it to a free name or, when an earlier sheet
 * of the same kind is ours and untouched, in place. See the module comment.
 * @example await buildOwnSheet(host, { lang: "it" }, { kind: "units", name: "Schede unità", spec: (c) => ... });
 */
export async function buildOwnSheet(host: ExcelHost, request: SummaryRequest, own: OwnSheet): Promise<SummaryOutcome> {
  const budget = request.budget ?? budgetFor(host.platform);
  const markers = hasFeature(host, "sheetMarker");
  return host.run(async (context) => {
    // The read's first sync also fetches every sheet's marker (the names are not known yet:
    // a missing property is a null object, nearly free).
    const read = await readWorkbookIn(context, host, {
      budget,
      onProgress: (p) => request.onPhase?.({ kind: "reading", done: p.done, total: p.total }),
      perSheet: (ws): Excel.WorksheetCustomProperty | null =>
        markers ? ws.customProperties.getItemOrNullObject(SHEET_MARKER).load("value") : null,
    });
    const found = read.sheets
      .map((_, index) => ({ index, property: read.extras[index] }))
      .filter((f): f is { index: number; property: Excel.WorksheetCustomProperty } => f.property !== null && isNameOf(read.sheets[f.index].name, own.name));
    request.onPhase?.({ kind: "checking" });
    await nextTick();
    const checked = await checkGrids(read.grids, { year: request.year ?? null, pause: nextTick });
    const base = { ...checked, sheets: read.sheets };
    const spec = own.spec(checked);
    if (spec === null) return { ...base, sheet: null, replaced: false };
    const marker = markerValue(spec, own.kind);

    // An earlier sheet of ours of this kind, untouched since: rewritten in place.
    const reuse = found.find(({ index, property }) => {
      const info = read.sheets[index];
      if (property.isNullObject || info.protected || !info.visible) return false;
      const m = parseMarker(property.value, own.kind);
      return m !== null && m.fingerprint === summaryFingerprint(gridCells(read.grids[index]));
    });
    const before = new Set(read.sheets.map((s) => s.name.toLowerCase()));
    const name = reuse ? read.sheets[reuse.index].name : freeSheetName(spec.name, before);

    request.onPhase?.({ kind: "writing" });
    try {
      await writeSheetsIn(
        context,
        host,
        [
          {
            spec,
            name,
            tableNames: [],
            into: reuse ? read.worksheets[reuse.index] : undefined,
            after: markers ? (ws) => void ws.customProperties.add(SHEET_MARKER, marker) : undefined,
          },
        ],
        budget,
      );
    } catch (error) {
      if (reuse) throw new SummaryError(error, false, name);
      throw new SummaryError(error, await removeAddedSheets(context, [name], before), name);
    }
    return { ...base, sheet: name, replaced: reuse !== undefined };
  });
}
