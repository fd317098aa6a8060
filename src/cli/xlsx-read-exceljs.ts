import ExcelJS from "exceljs";
import type { CellValue, SheetGrid } from "../core";

/** Milliseconds per day and the Unix epoch as an Excel (1900 system) serial. */
const DAY_MS = 86_400_000;
const UNIX_EPOCH_SERIAL = 25_569;

/**
 * The reference reader: ExcelJS' full workbook model turned into grids. The commands read
 * with the streaming reader of xlsx-read.ts; this one stays as the yardstick it is compared
 * with (tests/cli/xlsx-read-stream.test.ts: same grids on every fixture) and as the baseline
 * of `npm run bench`.
 *
 * Reads every worksheet of an .xlsx file into the engine's grids: the same values Excel
 * shows and Office.js hands over. Formula cells give their cached result, dates their
 * Excel serial, rich text and hyperlinks their plain text, error cells their error text
 * (`#DIV/0!`), and only the top-left cell of a merged area holds the value. Number formats
 * come along in `formats` so that percent-formatted values can be read as percentages.
 * Throws whatever ExcelJS throws for a file that is not a readable workbook; the CLI turns
 * that into one line for the user.
 * @example
 *   const sheets = await readXlsxExcelJs(fs.readFileSync("piano.xlsx"));
 *   sheets[0].values[0] // ["Codice", "Indicatori testo", ...]
 */
export async function readXlsxExcelJs(buffer: Buffer): Promise<SheetGrid[]> {
  const workbook = new ExcelJS.Workbook();
  // ExcelJS' typings want its own Buffer flavour; a Node Buffer is what it reads.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook.worksheets.map(sheetGrid);
}

/** One worksheet as a grid that starts at its first used row and column. */
export function sheetGrid(worksheet: ExcelJS.Worksheet): SheetGrid {
  const cells: { row: number; col: number; value: CellValue; format: string | null }[] = [];
  let minRow = Infinity;
  let minCol = Infinity;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      // Office.js gives the value of a merged area in its top-left cell only; do the same,
      // or a merged weight would be counted once per merged row.
      if (cell.isMerged && cell.master !== cell) return;
      const value = cellValue(cell.value);
      const format = typeof cell.numFmt === "string" && cell.numFmt !== "" ? cell.numFmt : null;
      if (value === null && format === null) return;
      cells.push({ row: rowNumber - 1, col: colNumber - 1, value, format });
      minRow = Math.min(minRow, rowNumber - 1);
      minCol = Math.min(minCol, colNumber - 1);
    });
  });
  if (cells.length === 0) return { name: worksheet.name, values: [], formats: [], origin: { row: 0, col: 0 } };
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  for (const { row, col, value, format } of cells) {
    const r = row - minRow;
    const c = col - minCol;
    while (values.length <= r) {
      values.push([]);
      formats.push([]);
    }
    values[r][c] = value;
    formats[r][c] = format;
  }
  // Fill the holes of sparse rows so that consumers never meet `undefined` mid-row.
  for (let r = 0; r < values.length; r++) {
    for (let c = 0; c < values[r].length; c++) {
      if (values[r][c] === undefined) values[r][c] = null;
      if (formats[r][c] === undefined) formats[r][c] = null;
    }
  }
  return { name: worksheet.name, values, formats, origin: { row: minRow, col: minCol } };
}

/**
 * An ExcelJS cell value as the engine's `CellValue`.
 * @example cellValue({ formula: "A1*2", result: 4 }) // 4
 * @example cellValue(new Date(Date.UTC(2021, 11, 31))) // 44561
 */
export function cellValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (value instanceof Date) {
    const time = value.getTime();
    return Number.isNaN(time) ? null : time / DAY_MS + UNIX_EPOCH_SERIAL;
  }
  if ("error" in value) return String(value.error);
  if ("richText" in value) return richText(value.richText);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as ExcelJS.CellFormulaValue).result;
    return result === undefined ? null : cellValue(result as ExcelJS.CellValue);
  }
  if ("hyperlink" in value || "text" in value) {
    const text = (value as { text?: unknown }).text;
    if (typeof text === "string") return text;
    // A hyperlink's text is itself rich text when the link is formatted.
    if (text && typeof text === "object" && "richText" in text) {
      return richText((text as ExcelJS.CellRichTextValue).richText);
    }
    return null;
  }
  return null;
}

function richText(runs: readonly ExcelJS.RichText[] | undefined): string {
  return (runs ?? []).map((run) => run.text ?? "").join("");
}
