import { isBlankCell, SheetCells } from "../grid";
import type { CellValue, ColumnRole, KpiTable, SheetGrid } from "../types";
import { isKpiHeader, mayBeHeaderRow, readHeaderRow, readYearRow, scanHeaderRow, type HeaderCell, type HeaderColumns } from "./header-row";
import { CORE_ROLES } from "./headers";

/**
 * The KPI tables of a sheet, found wherever they stand: each header row (header-row.ts), the
 * rows below it down to a blank row or the next header, the plan years of ordinal columns,
 * and the rows that read almost like a header (reported, not silently skipped).
 */

/**
 * A row that reads almost like a KPI table header (two of Indicator, Algorithm, Weight,
 * Baseline, Target, Value) but lacks what a table needs: reported so that the user can see
 * which columns were found and which are missing, instead of a silent "no table".
 */
export interface HeaderNearMiss {
  readonly sheet: string;
  /** 0-based sheet row. */
  readonly row: number;
  readonly found: readonly HeaderCell[];
  /** `["indicator"]`, or `["weight", "target"]` when neither is there (one of them is needed). */
  readonly missing: readonly ColumnRole[];
}

/**
 * The first plan year, for headers that name years by position (`Target primo anno`): the
 * year after a `Baseline 2025` column, else the earliest year another column names, else the
 * first year of a title above the table (`PIAO 2026-2028`), else `null`.
 */
function firstYearOf(h: HeaderColumns, rows: readonly (readonly CellValue[])[], headerRow: number): number | null {
  if (h.baselineYear !== null) return h.baselineYear + 1;
  const named = [...h.targets.keys(), ...h.values.keys()].filter((y): y is number => y !== null);
  if (named.length > 0) return Math.min(...named);
  for (let r = headerRow - 1; r >= 0 && r >= headerRow - 10; r--) {
    // A title is a row of one text: a year in a data row above ("entro il 31/12/2025") is not one.
    const filled = (rows[r] ?? []).filter((cell) => !isBlankCell(cell));
    if (filled.length !== 1 || typeof filled[0] !== "string") continue;
    const m = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(filled[0]);
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Every KPI table on a sheet, top to bottom. A table starts at a header row (see
 * `readHeaderRow`), with a second row of years below it when it has one, and ends at the
 * first row that is blank across the header's width, or just before the next header row
 * (a repeated header starts a new table). A header with no data below it still counts as
 * an (empty) table: the user meant one there. Rows that read almost like a header are added
 * to `nearMisses` when given.
 * @example
 *   findKpiTables({ name: "A", values: [["Indicatore", "Peso", "Target"], ["Visite", 100, ">= 10"]] })
 *   // [{ sheet: "A", headerRow: 0, firstRow: 1, lastRow: 1, columns: { indicator: 0, weight: 1, ... } }]
 */
export function findKpiTables(sheet: SheetGrid, nearMisses?: HeaderNearMiss[]): KpiTable[] {
  const { rowOffset, colOffset } = new SheetCells(sheet);
  const rows = sheet.values;
  const tables: KpiTable[] = [];
  let r = 0;
  while (r < rows.length) {
    const scanned = scanHeaderRow(rows[r] ?? [], colOffset);
    if (scanned === null || !isKpiHeader(scanned)) {
      if (scanned !== null && nearMisses) noteNearMiss(scanned, sheet.name, r + rowOffset, nearMisses);
      r++;
      continue;
    }
    const header = scanned;
    const headerRow = r;
    const yearRowRight = r + 1 < rows.length ? readYearRow(header, rows[r + 1] ?? [], colOffset) : null;
    const headerRows = yearRowRight === null ? 1 : 2;
    const right = Math.max(header.right, yearRowRight ?? header.right);
    let end = r + headerRows; // first grid row after the data
    while (end < rows.length) {
      const row = rows[end] ?? [];
      if (isBlankSpan(row, header.left - colOffset, right - colOffset)) break;
      if (mayBeHeaderRow(row) && readHeaderRow(row, colOffset)) break;
      end++;
    }
    const ordinalYearsUnknown = placeOrdinals(header, firstYearOf(header, rows, headerRow));
    const { roles } = header;
    tables.push({
      sheet: sheet.name,
      headerRow: headerRow + rowOffset,
      firstRow: headerRow + headerRows + rowOffset,
      lastRow: end - 1 + rowOffset,
      columns: {
        code: roles.code,
        indicator: roles.indicator as number,
        algorithm: roles.algorithm,
        weight: roles.weight,
        baseline: roles.baseline,
        targets: header.targets,
        values: header.values,
        ...(header.checkpoints.size > 0 ? { checkpoints: header.checkpoints } : {}),
        source: roles.source,
        notes: roles.notes,
        unit: roles.unit,
        responsible: roles.responsible,
        achieved: roles.achieved,
        reason: roles.reason,
        percentTargets: header.percentTargets,
      },
      ...(ordinalYearsUnknown ? { ordinalYearsUnknown } : {}),
    });
    // A blank row is consumed; a header row is read again as the next table's start.
    r = end;
  }
  return tables;
}

/**
 * Gives `Target primo anno` ... their years from the first year. Without a first year the
 * first position's columns count for every year (and `true` is returned to say so).
 */
function placeOrdinals(h: HeaderColumns, firstYear: number | null): boolean {
  if (h.ordinalTargets.size === 0 && h.ordinalValues.size === 0) return false;
  for (const [ordinals, byYear] of [
    [h.ordinalTargets, h.targets],
    [h.ordinalValues, h.values],
  ] as const) {
    for (const [position, col] of ordinals) {
      const key = firstYear === null ? (position === 1 ? null : undefined) : firstYear + position - 1;
      if (key !== undefined && !byYear.has(key)) byYear.set(key, col);
    }
  }
  return firstYear === null;
}

/** Adds a near miss when the row has two core roles but is not a KPI header. */
function noteNearMiss(h: HeaderColumns, sheet: string, row: number, out: HeaderNearMiss[]): void {
  const roles = new Set(h.cells.map((c) => c.role));
  let core = 0;
  for (const role of CORE_ROLES) if (roles.has(role)) core++;
  if (core < 2) return;
  const missing: ColumnRole[] = [];
  if (!roles.has("indicator")) missing.push("indicator");
  if (!roles.has("weight") && !roles.has("target")) missing.push("weight", "target");
  out.push({ sheet, row, found: h.cells, missing });
}

/** True when every cell from `left` to `right` (grid columns) is blank. */
function isBlankSpan(row: readonly CellValue[], left: number, right: number): boolean {
  for (let c = left; c <= right && c < row.length; c++) {
    if (!isBlankCell(row[c])) return false;
  }
  return true;
}
