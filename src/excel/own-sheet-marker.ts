import { type CellSpec, type CellValue, type Lang, type SheetGrid, SheetCells, type SheetSpec, SUMMARY_SHEET } from "../core";

/**
 * How the add-in knows a sheet of its own (`Riepilogo`, `Schede unità`) again, to write it again
 * in place only when nobody has typed in it since: the worksheet custom property `KPI-PP-SHEET`
 * written with the sheet (ExcelApi 1.12; a property travels with the file, is invisible in the
 * grid and is not copied by hand) holds a fingerprint of the cell values written; any typed,
 * deleted or pasted value changes the fingerprint of the values read later. Pure: no Office call.
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
  const { rowOffset: r0, colOffset: c0 } = new SheetCells(grid);
  for (let r = 0; r < grid.values.length; r++) {
    const row = grid.values[r];
    for (let c = 0; c < row.length; c++) yield { row: r0 + r, col: c0 + c, value: row[c] };
  }
}

/**
 * The marker's text for a written sheet.
 * @example JSON.parse(markerValue(spec)).kind // "summary"
 */
export function markerValue(spec: SheetSpec, kind: OwnSheetKind = "summary"): string {
  const marker: SheetMarker = { kind, version: 1, fingerprint: summaryFingerprint(specCells(spec)) };
  return JSON.stringify(marker);
}

/**
 * The marker read from a property value; `null` when it is not one of ours of that kind.
 * @example parseMarker('{"kind":"units","version":1,"fingerprint":"3:0a1b2c3d"}', "units")?.fingerprint // "3:0a1b2c3d"
 */
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
