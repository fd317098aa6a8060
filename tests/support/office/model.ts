/**
 * The plain model behind the proxies: a sheet's values, formulas, formats, rules, tables and
 * validations, and the cell-level helpers every proxy uses to read and write it.
 */
import { COLS, type Rect } from "./addresses";

export type FakeCell = string | number | boolean | null;

export interface CellFormat {
  fill?: string | null;
  fontColor?: string | null;
  bold?: boolean;
  italic?: boolean;
  fontName?: string;
  fontSize?: number;
  wrapText?: boolean;
  horizontalAlignment?: Excel.RangeFormat["horizontalAlignment"];
  verticalAlignment?: Excel.RangeFormat["verticalAlignment"];
  borderBottom?: Excel.RangeBorder["style"];
}

export interface CFModel {
  id: string;
  type: Excel.ConditionalFormat["type"];
  rects: Rect[];
  formula: string | null;
  format: {
    fill: string | null;
    fontColor: string | null;
    bold: boolean | null;
    italic: boolean | null;
    /** Set edges only (`EdgeTop` ...), absent when the rule has no border. */
    borders?: Record<string, { style: Excel.ConditionalRangeBorder["style"]; color: string | null }>;
  };
  stopIfTrue: boolean;
}

export interface TableModel {
  name: string;
  rect: Rect;
  hasHeaders: boolean;
  style: string;
  showBandedRows: boolean;
}

export interface ValidationModel {
  rect: Rect;
  rule: unknown;
  ignoreBlanks?: boolean;
  errorAlert: unknown;
  prompt: unknown;
}

export interface SheetModel {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  protected: boolean;
  tabColor: string;
  showGridlines: boolean;
  /** rows[r][c]; ragged; missing cells are "". */
  rows: FakeCell[][];
  formulas: Map<number, string>;
  numberFormats: Map<number, string>;
  formats: Map<number, CellFormat>;
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  cfs: CFModel[];
  tables: TableModel[];
  validations: ValidationModel[];
  freeze: { rows: number; columns: number } | null;
  /** Worksheet custom properties (ExcelApi 1.12), key as given -> value. */
  customProperties: Map<string, string>;
}

export const BAD_SHEET_CHARS = /[\\/?*[\]:]/;

export function newSheet(name: string): SheetModel {
  return {
    name,
    visibility: "Visible",
    protected: false,
    tabColor: "",
    showGridlines: true,
    rows: [],
    formulas: new Map(),
    numberFormats: new Map(),
    formats: new Map(),
    columnWidths: new Map(),
    rowHeights: new Map(),
    cfs: [],
    tables: [],
    validations: [],
    freeze: null,
    customProperties: new Map(),
  };
}

export function getCell(s: SheetModel, r: number, c: number): FakeCell {
  const row = s.rows[r];
  if (!row) return "";
  const v = row[c];
  return v === undefined || v === null ? "" : v;
}

export function setCell(s: SheetModel, r: number, c: number, v: FakeCell): void {
  let row = s.rows[r];
  if (!row) {
    row = [];
    s.rows[r] = row;
  }
  while (row.length < c) row.push("");
  row[c] = v === null ? "" : v;
}

export function usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
  let r0 = Infinity;
  let r1 = -1;
  let c0 = Infinity;
  let c1 = -1;
  const take = (r: number, c: number): void => {
    if (r < r0) r0 = r;
    if (r > r1) r1 = r;
    if (c < c0) c0 = c;
    if (c > c1) c1 = c;
  };
  for (let r = 0; r < s.rows.length; r++) {
    const row = s.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v !== "" && v !== null && v !== undefined) take(r, c);
    }
  }
  for (const k of s.formulas.keys()) take(Math.floor(k / COLS), k % COLS);
  if (!valuesOnly) {
    for (const k of s.formats.keys()) take(Math.floor(k / COLS), k % COLS);
    for (const k of s.numberFormats.keys()) take(Math.floor(k / COLS), k % COLS);
  }
  return r1 < 0 ? null : { r0, r1, c0, c1 };
}

let ruleCounter = 0;

/** A fresh conditional-format id: `prefix-n`, n counted across every workbook of the process. */
export function nextRuleId(prefix: "cf" | "user"): string {
  return `${prefix}-${++ruleCounter}`;
}
