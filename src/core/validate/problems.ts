// The problems a validation finds, and the reading order they are listed in.
import { MAX_COLUMN, MAX_ROW } from "../a1";
import type { Problem } from "../problem";

/**
 * The problems found, listed at the end in reading order, the order a list the user clicks
 * through should have: by sheet (as in the workbook), then row, then column of the (first)
 * cell; in the order found otherwise. Each problem's place is noted when it is added, from
 * the row and column its address was made of, so that sorting needs no address parsing.
 */
export class Problems {
  private readonly list: Problem[] = [];
  private readonly places: number[] = [];

  /** A problem at a cell (or a range whose first cell is at `row`, `col`) of a sheet. */
  add(p: Problem, sheetOrder: number, row: number, col: number): void {
    this.list.push(p);
    this.places.push(readingPlace(sheetOrder, row, col));
  }

  /** A problem about the whole workbook: after every located one. */
  addUnplaced(p: Problem): void {
    this.list.push(p);
    this.places.push(Infinity);
  }

  inReadingOrder(): Problem[] {
    const { list, places } = this;
    const order = list.map((_, i) => i);
    // Infinity - Infinity is NaN: unplaced problems keep the order they were found in.
    order.sort((a, b) => places[a] - places[b] || a - b);
    return order.map((i) => list[i]);
  }
}

/**
 * One number ordering (sheet, row, column). Past Excel's last row or column an address is
 * not an A1 cell Excel knows, and such problems go first on their sheet, as before.
 */
function readingPlace(sheetOrder: number, row: number, col: number): number {
  const inGrid = row <= MAX_ROW && col <= MAX_COLUMN;
  return (sheetOrder * (MAX_ROW + 2) + (inGrid ? row + 1 : 0)) * (MAX_COLUMN + 2) + (inGrid ? col + 1 : 0);
}
