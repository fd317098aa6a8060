import type { CellValue, ColumnRole, KpiTable, SheetGrid } from "../types";
import { matchHeader, mayBeHeaderCell } from "./headers";

/** The header of a KPI table as read from one row, with 0-based sheet columns. */
interface HeaderColumns {
  code?: number;
  indicator?: number;
  algorithm?: number;
  weight?: number;
  baseline?: number;
  targets: Map<number | null, number>;
  values: Map<number | null, number>;
  /** First and last non-blank header cell (0-based sheet columns): the table's width. */
  left: number;
  right: number;
}

type SingleRole = Exclude<ColumnRole, "target" | "value">;

/** True for a cell that holds nothing a user typed (blank, or spaces only). */
export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Every cell of every table passes here: a visible ASCII first character settles it
  // without trimming (spaces are ASCII 32 and below, or beyond ASCII like the NBSP).
  const first = cell.charCodeAt(0);
  if (first > 32 && first < 127) return false;
  return cell.trim() === "";
}

/**
 * Reads one row as a KPI table header, or `null` when it is not one. A header needs at
 * least an indicator, a weight and a target column; when a role appears twice the first
 * (leftmost) column wins, because that is the one a reader of the sheet sees first.
 */
export function readHeaderRow(row: readonly CellValue[], colOffset = 0): HeaderColumns | null {
  // Every data row is read here too (a repeated header starts a new table), and almost none
  // has a header cell: the maps are made at the first match only.
  let found: { roles: Partial<Record<SingleRole, number>>; targets: Map<number | null, number>; values: Map<number | null, number> } | null = null;
  let left = -1;
  let right = -1;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (isBlankCell(cell)) continue;
    if (left < 0) left = c;
    right = c;
    const match = matchHeader(cell);
    if (!match) continue;
    found ??= { roles: {}, targets: new Map(), values: new Map() };
    const col = c + colOffset;
    if (match.role === "target") {
      if (!found.targets.has(match.year)) found.targets.set(match.year, col);
    } else if (match.role === "value") {
      if (!found.values.has(match.year)) found.values.set(match.year, col);
    } else if (found.roles[match.role] === undefined) {
      found.roles[match.role] = col;
    }
  }
  if (found === null || found.roles.indicator === undefined || found.roles.weight === undefined || found.targets.size === 0) return null;
  const { roles, targets, values } = found;
  return { ...roles, targets, values, left: left + colOffset, right: right + colOffset };
}

/**
 * Every KPI table on a sheet, top to bottom. A table starts at a header row (see
 * `readHeaderRow`) and ends at the first row that is blank across the header's width, or
 * just before the next header row (a repeated header starts a new table). A header with
 * no data below it still counts as an (empty) table: the user meant one there.
 * @example
 *   findKpiTables({ name: "A", values: [["Indicatore", "Peso", "Target"], ["Visite", 100, ">= 10"]] })
 *   // [{ sheet: "A", headerRow: 0, firstRow: 1, lastRow: 1, columns: { indicator: 0, weight: 1, ... } }]
 */
export function findKpiTables(sheet: SheetGrid): KpiTable[] {
  const rowOffset = sheet.origin?.row ?? 0;
  const colOffset = sheet.origin?.col ?? 0;
  const rows = sheet.values;
  const tables: KpiTable[] = [];
  let r = 0;
  while (r < rows.length) {
    const header = readHeaderRow(rows[r] ?? [], colOffset);
    if (!header) {
      r++;
      continue;
    }
    const headerRow = r;
    let end = r + 1; // first grid row after the data
    while (end < rows.length) {
      const row = rows[end] ?? [];
      if (isBlankSpan(row, header.left - colOffset, header.right - colOffset)) break;
      if (mayBeHeaderRow(row) && readHeaderRow(row, colOffset)) break;
      end++;
    }
    tables.push({
      sheet: sheet.name,
      headerRow: headerRow + rowOffset,
      firstRow: headerRow + 1 + rowOffset,
      lastRow: end - 1 + rowOffset,
      columns: {
        code: header.code,
        indicator: header.indicator as number,
        algorithm: header.algorithm,
        weight: header.weight as number,
        baseline: header.baseline,
        targets: header.targets,
        values: header.values,
      },
    });
    // A blank row is consumed; a header row is read again as the next table's start.
    r = end;
  }
  return tables;
}

/**
 * False for a row that cannot be a header: one needs an indicator, a weight and a target
 * cell, so at least three cells that could begin a header. Data rows, read here one by one
 * to find where a table ends, rarely have three and need no closer look.
 */
function mayBeHeaderRow(row: readonly CellValue[]): boolean {
  let candidates = 0;
  for (let c = 0; c < row.length; c++) {
    if (mayBeHeaderCell(row[c]) && ++candidates >= 3) return true;
  }
  return false;
}

/** True when every cell from `left` to `right` (grid columns) is blank. */
function isBlankSpan(row: readonly CellValue[], left: number, right: number): boolean {
  for (let c = left; c <= right && c < row.length; c++) {
    if (!isBlankCell(row[c])) return false;
  }
  return true;
}
