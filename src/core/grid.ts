import type { CellValue, SheetGrid } from "./types";

/**
 * A sheet's grid addressed the way the engine reports cells: by 0-based *sheet* row and
 * column, whatever the grid's origin. Hosts hand over only the used range (`B3:M40` arrives
 * as a grid whose `origin` is row 2, column 1), so every reader that names a cell (`H5`) or
 * looks one up by its address goes through here rather than subtracting the origin itself.
 */

/**
 * A sheet's cells addressed by 0-based sheet row and column, whatever the grid's origin.
 * `rowOffset` and `colOffset` are where the grid starts on its sheet (0 without `origin`),
 * for readers that walk the grid itself and report sheet rows.
 * @example new SheetCells({ name: "A", values: [[1, 2]], origin: { row: 4, col: 7 } }).value(4, 8) // 2
 */
export class SheetCells {
  readonly rowOffset: number;
  readonly colOffset: number;
  constructor(private readonly grid: SheetGrid) {
    this.rowOffset = grid.origin?.row ?? 0;
    this.colOffset = grid.origin?.col ?? 0;
  }
  value(row: number, col: number | undefined): CellValue {
    if (col === undefined) return null;
    return this.grid.values[row - this.rowOffset]?.[col - this.colOffset] ?? null;
  }
  format(row: number, col: number | undefined): string | null {
    if (col === undefined) return null;
    return this.grid.formats?.[row - this.rowOffset]?.[col - this.colOffset] ?? null;
  }
}

/**
 * True for a cell that holds nothing a user typed (blank, or spaces only).
 * @example isBlankCell("  ") // true
 * @example isBlankCell(0)    // false
 */
export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Every cell of every table passes here: a visible ASCII first character settles it
  // without trimming (spaces are ASCII 32 and below, or beyond ASCII like the NBSP).
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === "";
}
