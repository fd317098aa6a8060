import { a1, columnLetters, rangeA1 } from "../a1";

/**
 * 1-based A1 addressing for the workbook description, whose rows and columns are counted
 * as Excel shows them; the arithmetic lives once, in ../a1.ts (0-based).
 */

/**
 * The letters of a 1-based column number.
 * @example columnLetter(1)  // "A"
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(col: number): string {
  return columnLetters(col - 1);
}

/**
 * An A1 cell address from 1-based row and column.
 * @example cellRef(2, 5) // "E2"
 */
export function cellRef(row: number, col: number): string {
  return a1(row - 1, col - 1);
}

/**
 * An A1 range from 1-based corners; a single cell when both corners are the same.
 * @example rangeRef(2, 5, 40, 5) // "E2:E40"
 */
export function rangeRef(r1: number, c1: number, r2: number, c2: number): string {
  return rangeA1(r1 - 1, c1 - 1, r2 - 1, c2 - 1);
}
