import ExcelJS from "exceljs";
import { type CellSpec, columnLetter, type RangeFormatSpec, type SheetSpec, type WorkbookSpec } from "../core";
import { addWebExtension, type WebExtensionOptions } from "./xlsx-webextension";

/**
 * How calls to the add-in's functions (`KPI.TREND_PCT(...)`) are stored in the file. Workbooks
 * from `kpi import` hold none unless asked for (`--formule kpi`): by default trends and ratios
 * are native Excel arithmetic (see `FormulaStyle` in src/core/workbook/build.ts).
 * - `xldudf` (default): `_xldudf_KPI_TREND_PCT(...)`, the form Excel itself saves for
 *   Office.js custom functions (namespace and name joined by `_`); Excel maps it back to
 *   `KPI.TREND_PCT` when the add-in registers its functions. Sources: a Microsoft engineer in
 *   OfficeDev/Excel-Custom-Functions#108 ("For JavaScript Custom Functions, we by default
 *   save out with a different prefix _xldudf"; a formula typed as `NS.FUNC(` into a file
 *   did not calculate until re-entered), OfficeDev/office-js#3558 (Excel turns `_xldudf_...`
 *   back into the real name once the add-in's manifest is read), and xlsx files saved by
 *   Excel seen in public code (`_xldudf_CX_GET(...)`). Not verified in a real Excel here.
 * - `plain`: the formula as written in the description.
 */
export type AddinFormulaStyle = "xldudf" | "plain";

export interface WriteXlsxOptions {
  readonly addinFormulas?: AddinFormulaStyle;
  /** Namespace of the add-in's custom functions. */
  readonly namespace?: string;
  /**
   * The add-in's web extension part (./xlsx-webextension.ts), so that Excel where the add-in
   * is deployed opens its pane with the file; default on (Centralized Deployment), `false` for none.
   */
  readonly webExtension?: WebExtensionOptions | false;
}

/**
 * Writes a workbook description to .xlsx bytes with ExcelJS: values, formulas with their
 * cached results, column widths, frozen header rows, Excel tables, number formats, a few
 * styles and data validations; then the add-in's web extension part.
 * @example const bytes = await writeXlsx(buildWorkbook(parsePlan(text)));
 */
export async function writeXlsx(spec: WorkbookSpec, options: WriteXlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = spec.properties?.creator ?? "kpi";
  if (spec.properties?.title) wb.title = spec.properties.title;
  // `<calcPr fullCalcOnLoad="1"/>` (ECMA-376 Part 1, 18.2.2): Excel recalculates every formula
  // when the file opens instead of trusting the cached results written here. LibreOffice
  // ignores the flag for a file that says it comes from Excel (as ExcelJS's do) and keeps a
  // cached number, but recalculates a formula whose cached result is empty, which is what
  // buildWorkbook writes for a trend whose measures are still blank.
  wb.calcProperties.fullCalcOnLoad = true;
  const toFile = formulaWriter(options.addinFormulas ?? "xldudf", options.namespace ?? "KPI");
  for (const sheet of spec.sheets) writeSheet(wb, sheet, toFile);
  const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  return options.webExtension === false ? data : addWebExtension(data, options.webExtension);
}

function writeSheet(wb: ExcelJS.Workbook, sheet: SheetSpec, toFile: (f: string) => string): void {
  const ws = wb.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: "frozen", xSplit: 0, ySplit: sheet.frozenRows }] : [],
  });
  sheet.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const value = (cell: CellSpec | undefined): ExcelJS.CellValue => {
    if (cell === null || cell === undefined) return null;
    if (typeof cell === "object") return { formula: toFile(cell.formula), result: cell.result ?? undefined } as ExcelJS.CellFormulaValue;
    return cell;
  };
  sheet.cells.forEach((row, r) => {
    row.forEach((cell, c) => {
      if (cell !== null && cell !== undefined) ws.getCell(r + 1, c + 1).value = value(cell);
    });
  });
  for (const t of sheet.tables) {
    const { top, left, bottom, right } = decodeRange(t.range);
    const headers: string[] = [];
    for (let c = left; c <= right; c++) headers.push(String(sheet.cells[top - 1]?.[c - 1] ?? `Column${c}`));
    const rows: ExcelJS.CellValue[][] = [];
    for (let r = top + 1; r <= bottom; r++) {
      const row: ExcelJS.CellValue[] = [];
      for (let c = left; c <= right; c++) row.push(value(sheet.cells[r - 1]?.[c - 1]));
      rows.push(row);
    }
    ws.addTable({
      name: t.name,
      displayName: t.name,
      ref: `${columnLetter(left)}${top}`,
      headerRow: true,
      totalsRow: false,
      style: { theme: t.style as ExcelJS.TableStyleProperties["theme"], showRowStripes: true },
      columns: headers.map((name) => ({ name, filterButton: true })),
      rows,
    });
  }
  for (const f of sheet.formats) applyFormat(ws, f);
  // ExcelJS has range validations (`dataValidations.add("E2:E40", ...)`) but does not type them.
  const validations = (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const v of sheet.validations) {
    validations.add(v.range, {
      type: v.type,
      operator: v.operator,
      allowBlank: v.allowBlank,
      formulae: [v.min, v.max],
      showErrorMessage: true,
      errorStyle: "stop",
      errorTitle: v.errorTitle,
      error: v.error,
      ...(v.prompt ? { showInputMessage: true, promptTitle: v.promptTitle, prompt: v.prompt } : {}),
    });
  }
}

function applyFormat(ws: ExcelJS.Worksheet, f: RangeFormatSpec): void {
  const { top, left, bottom, right } = decodeRange(f.range);
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) {
      const cell = ws.getCell(r, c);
      // New objects every time: ExcelJS may share style objects between cells.
      if (f.numberFormat !== undefined) cell.numFmt = f.numberFormat;
      if (f.bold !== undefined || f.fontColor !== undefined) {
        cell.font = {
          ...(cell.font ?? {}),
          ...(f.bold !== undefined ? { bold: f.bold } : {}),
          ...(f.fontColor !== undefined ? { color: { argb: `FF${f.fontColor}` } } : {}),
        };
      }
      if (f.wrap !== undefined || f.horizontal !== undefined || f.vertical !== undefined) {
        cell.alignment = {
          ...(cell.alignment ?? {}),
          ...(f.wrap !== undefined ? { wrapText: f.wrap } : {}),
          ...(f.horizontal !== undefined ? { horizontal: f.horizontal } : {}),
          ...(f.vertical !== undefined ? { vertical: f.vertical === "center" ? "middle" : f.vertical } : {}),
        };
      }
      if (f.fill !== undefined) {
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${f.fill}` } };
      }
    }
  }
}

/**
 * Rewrites calls to the add-in's functions for the file, leaving string literals alone.
 * @example formulaWriter("xldudf", "KPI")('IF(A1="","",KPI.TREND_PCT(A1,B1))')
 *   // 'IF(A1="","",_xldudf_KPI_TREND_PCT(A1,B1))'
 */
export function formulaWriter(style: AddinFormulaStyle, namespace: string): (formula: string) => string {
  if (style === "plain") return (f) => f;
  const call = new RegExp(`(^|[^A-Za-z0-9_.])${namespace.replace(/\W/g, "\\$&")}\\.([A-Za-z_][A-Za-z0-9_.]*)\\s*\\(`, "g");
  return (formula) =>
    formula
      .split(/("(?:[^"]|"")*")/)
      .map((part, i) =>
        i % 2 === 1
          ? part
          : part.replace(call, (_m, before: string, name: string) => `${before}_xldudf_${namespace}_${name.replace(/\./g, "_")}(`),
      )
      .join("");
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** 1-based corners of an A1 range (`E2:E40`, or one cell `E2`). */
function decodeRange(range: string): { top: number; left: number; bottom: number; right: number } {
  const [a, b = a] = range.split(":");
  const pa = /^([A-Z]+)(\d+)$/i.exec(a);
  const pb = /^([A-Z]+)(\d+)$/i.exec(b);
  if (!pa || !pb) throw new Error(`Bad range in workbook description: ${range}`);
  const r1 = Number(pa[2]);
  const r2 = Number(pb[2]);
  const c1 = columnNumber(pa[1]);
  const c2 = columnNumber(pb[1]);
  return { top: Math.min(r1, r2), left: Math.min(c1, c2), bottom: Math.max(r1, r2), right: Math.max(c1, c2) };
}
