import { type CellSpec, parseA1 } from "../core";

/**
 * How a workbook description's cells and sizes are given to Excel through Office.js: texts that
 * Excel would otherwise parse as numbers, dates or formulas, formulas, range sizes and column
 * widths. Pure: no Office call, so the writers (./sheet-writer.ts) and their tests share it.
 */

/**
 * A text as Excel must receive it to keep it text. Through `range.values`/`formulas` Excel
 * parses what it is given as if typed: `= 6` becomes a formula, `---` and `+15%` formulas or
 * numbers, `15%` a number, `31/12/2021` a date, `TRUE` a boolean. A leading apostrophe (the
 * quote prefix, not part of the value) keeps such texts as written.
 * @example textInput("---")   // "'---"
 * @example textInput(">= 15%") // ">= 15%"
 */
export function textInput(text: string): string {
  if (text === "") return text;
  const t = text.trim();
  const risky =
    /^[=+\-@']/.test(text) ||
    /^[=+\-@]/.test(t) ||
    /^[€$£]?\s*[-+]?[\d.,\s]*\d[\d.,\s]*\s*%?\s*[€$£]?$/.test(t) || // numbers, thousands, percent, money
    /^\d+([.,]\d+)?e[+-]?\d+$/i.test(t) || // scientific
    /^\d{1,4}[/.\-]\d{1,2}([/.\-]\d{1,4})?$/.test(t) || // dates and fractions
    /^\d{1,2}:\d{2}/.test(t) || // times
    /^(true|false|vero|falso)$/i.test(t) ||
    /^#[A-Z/0!?]+[!?A]?$/.test(t); // error literals such as #N/A
  return risky ? `'${text}` : text;
}

/**
 * A cell of the description as a `range.formulas` entry.
 * @example cellInput({ formula: "SUM(A1:A3)" }) // "=SUM(A1:A3)"
 */
export function cellInput(cell: CellSpec | undefined): string | number | boolean {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "object") return `=${cell.formula}`;
  if (typeof cell === "string") return textInput(cell);
  return cell;
}

/**
 * Rows x columns of an A1 range (`E2:E40` -> 39 x 1).
 * @example rangeSize("E2:E40") // { rows: 39, cols: 1 }
 */
export function rangeSize(address: string): { rows: number; cols: number } {
  const [a, b] = address.split(":");
  const p = parseA1(a);
  const q = parseA1(b ?? a);
  if (!p || !q) throw new RangeError(`Bad range ${address}`);
  return { rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

/**
 * A rows x columns grid of one value, the shape of `address` (a number format for a range).
 * @example fill2d("A1:B2", "0%") // [["0%", "0%"], ["0%", "0%"]]
 */
export function fill2d<T>(address: string, value: T): T[][] {
  const { rows, cols } = rangeSize(address);
  return Array.from({ length: rows }, () => new Array<T>(cols).fill(value));
}

/**
 * Excel's column width is in points; the description's in characters of the default font.
 * @example widthInPoints(8.43) // 48.01
 */
export function widthInPoints(chars: number): number {
  // 8.43 characters (the default) is 64 px = 48 pt: 7 px per character plus 5 px padding.
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
