import type { CellValue } from "../types";

/**
 * A host-neutral description of a workbook: plain, JSON-serialisable data that two adapters
 * write, ExcelJS in the CLI (`src/cli/xlsx-write.ts`) and Office.js in the task pane.
 * Everything is chosen to map one-to-one onto Office.js calls:
 * - `cells` is a 2-D array from A1 (`range.values` / `range.formulas`);
 * - ranges are A1 strings relative to the sheet (`sheet.getRange("E2:E40")`);
 * - number formats are Excel format codes, which are locale-independent (`#,##0.00` shows
 *   `1.234,50` in an Italian Excel and `1,234.50` in an English one);
 * - formulas use English function names and `,` separators (`range.formulas` syntax).
 */
export interface WorkbookSpec {
  readonly sheets: readonly SheetSpec[];
  /** Document properties (title, author) for the file; optional for Office.js. */
  readonly properties?: { readonly title?: string; readonly creator?: string };
}

export interface SheetSpec {
  /** A valid sheet name: at most 31 characters, none of `[ ] : * ? / \`. */
  readonly name: string;
  /**
   * Cell contents, row-major from A1; rows may be shorter than others (missing = blank).
   * Strings are literal text, never formulas: an adapter must keep `"= 6"` as text
   * (Office.js: write it with a leading apostrophe or a text number format).
   */
  readonly cells: readonly (readonly CellSpec[])[];
  /** Column widths in characters (Excel's unit), by position from column A. */
  readonly columns: readonly ColumnSpec[];
  /** Rows frozen at the top (1 = the header row stays visible). */
  readonly frozenRows: number;
  readonly tables: readonly TableSpec[];
  /** Applied in order; a later entry wins over an earlier one on the same cell. */
  readonly formats: readonly RangeFormatSpec[];
  readonly validations: readonly ValidationSpec[];
}

/** A cell: a value (blank = `null`) or a formula with the result to show before recalculation. */
export type CellSpec = CellValue | FormulaSpec;

export interface FormulaSpec {
  /** Without the leading `=`, e.g. `IF(OR(J2="",F2=""),"",(J2-F2)/F2*100)`. */
  readonly formula: string;
  /**
   * The cached result, shown by applications that do not recalculate or do not know the
   * add-in's functions. `""` when the inputs are blank (the formula shows an empty cell).
   */
  readonly result: CellValue;
}

export interface ColumnSpec {
  /** Width in characters. */
  readonly width: number;
}

/** An Excel table ("Format as Table"): header row, filter buttons, banded rows. */
export interface TableSpec {
  /** Unique in the workbook, letters/digits/underscores, not a cell reference (`KPI_A`). */
  readonly name: string;
  /** A1 range including the header row, e.g. `A1:M27`; header texts are in `cells`. */
  readonly range: string;
  /** A built-in table style, e.g. `TableStyleMedium2`. */
  readonly style: string;
}

export interface RangeFormatSpec {
  readonly range: string;
  /** An Excel number format code, e.g. `#,##0.00`, `dd/mm/yyyy`, `@` (text). */
  readonly numberFormat?: string;
  readonly bold?: boolean;
  readonly wrap?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center" | "bottom";
  /** Fill colour as `RRGGBB`. */
  readonly fill?: string;
  /** Font colour as `RRGGBB`. */
  readonly fontColor?: string;
}

/** Data validation; Office.js `range.dataValidation.rule = { decimal: {...} }`. */
export interface ValidationSpec {
  readonly range: string;
  readonly type: "decimal";
  readonly operator: "between";
  readonly min: number;
  readonly max: number;
  readonly allowBlank: boolean;
  /** Shown when a bad value is typed (title at most 32 characters). */
  readonly errorTitle: string;
  readonly error: string;
  /** Shown when the cell is selected (title at most 32 characters, text at most 255). */
  readonly promptTitle?: string;
  readonly prompt?: string;
}
