// Notes about a table as a whole, or about a row that almost is a header: what the table's
// shape leaves unchecked (no weight, target or value column), and reasons left blank.
import { a1, rangeA1 } from "../a1";
import type { MessageParam } from "../messages";
import { periodLabel } from "../monitoring";
import type { HeaderNearMiss } from "../reader/find-tables";
import { missingReason } from "../reasons";
import { problem, type Problem } from "../problem";
import type { KpiResult, KpiTable } from "../types";
import type { Problems } from "./problems";
import type { TableRead } from "./rows";
import { checkpointColumn, columnFor } from "./years";

/**
 * A warning at the header of a table that has no target or no value column for the period checked (a table with no value column at all is a plan, and is not warned about).
 * @example warnMissingColumns(read, 2024, null, problems) // NO_VALUE_COLUMN when only "Valore 2023" exists
 */
export function warnMissingColumns(t: TableRead, year: number | null, date: string | null, problems: Problems): void {
  const { table } = t;
  if (table.lastRow < table.firstRow) return;
  const headerCells = headerCellsOf(table);
  const at = (p: Problem) => problems.add(p, t.sheetOrder, table.headerRow, headerLeft(table));
  const yearText = year === null ? "" : date === null ? String(year) : periodLabel({ year, date });
  // A table without any target column gets one note of its own (noteTableShape).
  if (table.columns.targets.size > 0 && columnFor(table.columns.targets, year) === null) {
    at(problem("warning", "NO_TARGET_COLUMN", { year: yearText }, { sheet: table.sheet, cell: headerCells }));
  }
  // A table with no value column at all is a plan (weights and targets only): nothing to warn.
  const hasValues = table.columns.values.size > 0 || (table.columns.checkpoints?.size ?? 0) > 0;
  const valueColumn = date === null || year === null ? columnFor(table.columns.values, year) : checkpointColumn(table, year, date);
  if (hasValues && valueColumn === null) {
    at(problem("warning", "NO_VALUE_COLUMN", { year: yearText }, { sheet: table.sheet, cell: headerCells }));
  }
}

/** The header cells a note about the whole table points at: from the indicator to the weight, or the indicator. */
function headerCellsOf(table: KpiTable): string {
  const { indicator, weight } = table.columns;
  return weight === undefined ? a1(table.headerRow, indicator) : rangeA1(table.headerRow, indicator, table.headerRow, weight);
}

function headerLeft(table: KpiTable): number {
  const { indicator, weight } = table.columns;
  return weight === undefined ? indicator : Math.min(indicator, weight);
}

/**
 * One note per table for what the table's shape leaves unchecked: no weight column, no
 * weight in any row, no target column, or targets by position whose first year is unknown.
 * @example noteTableShape(read, problems) // TABLE_NO_WEIGHT_COLUMN for a table without Peso
 */
export function noteTableShape(t: TableRead, problems: Problems): void {
  const { table } = t;
  if (table.lastRow < table.firstRow) return;
  const note = (code: "TABLE_NO_WEIGHT_COLUMN" | "TABLE_WEIGHTS_BLANK" | "TABLE_NO_TARGET_COLUMN" | "TABLE_ORDINAL_YEARS", params: Record<string, string> = {}) =>
    problems.add(problem("warning", code, params, { sheet: table.sheet, cell: headerCellsOf(table) }), t.sheetOrder, table.headerRow, headerLeft(table));
  if (t.kpiRows.length === 0) return;
  if (table.columns.weight === undefined) note("TABLE_NO_WEIGHT_COLUMN");
  else if (!t.weightsChecked) note("TABLE_WEIGHTS_BLANK");
  if (table.columns.targets.size === 0) note("TABLE_NO_TARGET_COLUMN");
  if (table.ordinalYearsUnknown) {
    const columns = [...table.columns.targets.values(), ...table.columns.values.values()].map((c) => a1(table.headerRow, c)).join(", ");
    note("TABLE_ORDINAL_YEARS", { columns });
  }
}

/**
 * A row that reads almost like a header: which columns were found, which are missing.
 * @example reportNearMiss(miss, 0, problems) // HEADER_INCOMPLETE at the row's first header cell
 */
export function reportNearMiss(miss: HeaderNearMiss, sheetOrder: number, problems: Problems): void {
  const cells: MessageParam[] = miss.found.map((c) => ({ code: "HEADER_FOUND_CELL", params: { text: clip(c.text), cell: a1(miss.row, c.col) } }));
  const noIndicator = miss.missing.includes("indicator");
  const noWeightOrTarget = miss.missing.includes("weight");
  const missing = { code: noIndicator && noWeightOrTarget ? "HEADER_NEEDS_ALL" : noIndicator ? "HEADER_NEEDS_INDICATOR" : "HEADER_NEEDS_WEIGHT_OR_TARGET" } as const;
  const params = { row: miss.row + 1, found: { items: cells, separator: ", " }, missing };
  const first = miss.found[0].col;
  problems.add(problem("warning", "HEADER_INCOMPLETE", params, { sheet: miss.sheet, cell: a1(miss.row, first) }), sheetOrder, miss.row, first);
}

/** At most 40 characters of a header text in a message. */
function clip(text: string): string {
  const one = text.replace(/\s+/g, " ");
  return one.length > 40 ? `${one.slice(0, 39)}…` : one;
}

/**
 * One warning per KPI that needs a reason (`needsReason`) and has a blank reason cell, at
 * that cell. Only tables with a reason column are checked: a workbook that keeps its
 * reasons elsewhere is not flooded with warnings.
 * @example warnMissingReasons(tables, kpis, problems) // REASON_MISSING at each blank reason of an unmet KPI
 */
export function warnMissingReasons(tables: readonly TableRead[], kpis: readonly KpiResult[], problems: Problems): void {
  let k = 0;
  for (const t of tables) {
    const col = t.table.columns.reason;
    for (let i = 0; i < t.kpiRows.length; i++, k++) {
      const kpi = kpis[k];
      if (col === undefined || !kpi.reasonCell || !missingReason(kpi)) continue;
      problems.add(problem("warning", "REASON_MISSING", {}, { sheet: t.table.sheet, cell: kpi.reasonCell }), t.sheetOrder, t.kpiRows[i], col);
    }
  }
}
