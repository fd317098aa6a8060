// The period checked: the years and monitoring dates a workbook names, the default period
// (the latest with values), and each table's target and value columns for it.
import { comparePeriods } from "../monitoring";
import { isNoneText } from "../numbers";
import { isBlankCell } from "../grid";
import type { KpiTable, Period } from "../types";
import type { TableRead } from "./rows";

/**
 * Every year a column header or a target text names, ascending.
 * @example collectYears(tables, new Set([2021])) // [2021, 2022, 2023] with "Target 2022" and "Valore 2023" columns
 */
export function collectYears(tables: readonly TableRead[], targetTextYears: ReadonlySet<number>): number[] {
  const years = new Set<number>(targetTextYears);
  for (const { table } of tables) {
    for (const y of table.columns.targets.keys()) if (y !== null) years.add(y);
    for (const y of table.columns.values.keys()) if (y !== null) years.add(y);
    // A year whose values are only at monitoring dates (`Valore 2027 al 30/06`) is a year too.
    for (const y of table.columns.checkpoints?.keys() ?? []) years.add(y);
  }
  return [...years].sort((a, b) => a - b);
}

/**
 * Every period the tables have value columns for, in time order: each year the workbook
 * names (its end), and each monitoring date of a `Valore 2026 al 30/06` column.
 * @example collectPeriods(tables, [2026]) // [{ year: 2026, date: "06-30" }, { year: 2026, date: null }]
 */
export function collectPeriods(tables: readonly TableRead[], years: readonly number[]): Period[] {
  const keys = new Map<string, Period>();
  for (const y of years) keys.set(`${y}`, { year: y, date: null });
  for (const { table } of tables) {
    for (const [y, dates] of table.columns.checkpoints ?? []) {
      keys.set(`${y}`, { year: y, date: null });
      for (const d of dates.keys()) keys.set(`${y}-${d}`, { year: y, date: d });
    }
  }
  return [...keys.values()].sort(comparePeriods);
}

/** True when any KPI row of the table has something typed in the column. */
function columnFilled(t: TableRead, col: number): boolean {
  for (let r = t.table.firstRow; r <= t.table.lastRow; r++) {
    const v = t.cells.value(r, col);
    if (!isBlankCell(v) && !(typeof v === "string" && isNoneText(v))) return true;
  }
  return false;
}

/**
 * The latest period with any value typed: a `Valore 2026 al 30/09` column filled after a
 * `Valore 2026 al 30/06` one, a year end after its dates; with none, the year end of
 * `defaultYear`.
 * @example defaultPeriod(tables, years, [2022, 2023]) // { year: 2023, date: null } when "Valore 2023" has values
 */
export function defaultPeriod(tables: readonly TableRead[], targetTextYears: ReadonlySet<number>, years: readonly number[]): Period | null {
  let latest: Period | null = null;
  for (const t of tables) {
    for (const [y, dates] of t.table.columns.checkpoints ?? []) {
      for (const [d, col] of dates) {
        const p = { year: y, date: d };
        if ((latest === null || comparePeriods(p, latest) > 0) && columnFilled(t, col)) latest = p;
      }
    }
  }
  const year = defaultYear(tables, targetTextYears, years);
  if (latest === null) return year === null ? null : { year, date: null };
  // A year end with values at or after the latest date's year wins (it comes later in time).
  const yearEndFilled = tables.some((t) => {
    for (const [y, col] of t.table.columns.values) if (y !== null && y >= latest!.year && columnFilled(t, col)) return true;
    return false;
  });
  return yearEndFilled && year !== null && year >= latest.year ? { year, date: null } : latest;
}

/**
 * The latest year with any value typed in a `Valore YYYY` column; else the latest year a
 * target names; `null` when the workbook names no year at all (undated targets).
 */
function defaultYear(tables: readonly TableRead[], targetTextYears: ReadonlySet<number>, years: readonly number[]): number | null {
  let latestWithValue: number | null = null;
  for (const { table, cells } of tables) {
    for (const [y, col] of table.columns.values) {
      if (y === null || (latestWithValue !== null && y <= latestWithValue)) continue;
      for (let r = table.firstRow; r <= table.lastRow; r++) {
        const v = cells.value(r, col);
        if (!isBlankCell(v) && !(typeof v === "string" && isNoneText(v))) {
          latestWithValue = y;
          break;
        }
      }
    }
  }
  if (latestWithValue !== null) return latestWithValue;
  const targetYearsFound = new Set<number>(targetTextYears);
  for (const { table } of tables) for (const y of table.columns.targets.keys()) if (y !== null) targetYearsFound.add(y);
  if (targetYearsFound.size > 0) return Math.max(...targetYearsFound);
  return years.length > 0 ? years[years.length - 1] : null;
}

/**
 * The year's own column, else the column without a year.
 * @example columnFor(new Map([[2023, 5], [null, 7]]), 2024) // 7: no 2024 column, the undated one
 */
export function columnFor(map: ReadonlyMap<number | null, number>, year: number | null): number | null {
  if (year !== null && map.has(year)) return map.get(year) as number;
  if (map.has(null)) return map.get(null) as number;
  return null;
}

/** A table's columns for the year being checked. */
export interface YearColumns {
  readonly table: TableRead;
  readonly target: number | null;
  readonly value: number | null;
  /** The cell a row's target is reported at: the year's target column, else the first one. */
  readonly targetCellColumn: number;
}

/**
 * The value column of a monitoring date, `null` when the table has none.
 * @example checkpointColumn(table, 2026, "06-30") // the column of "Valore 2026 al 30/06", or null
 */
export function checkpointColumn(table: KpiTable, year: number, date: string): number | null {
  return table.columns.checkpoints?.get(year)?.get(date) ?? null;
}

/**
 * The target and value columns a table's rows are checked against for the period.
 * @example yearColumns(read, 2023, null).value // the column of "Valore 2023"
 */
export function yearColumns(t: TableRead, year: number | null, date: string | null): YearColumns {
  const target = columnFor(t.table.columns.targets, year);
  return {
    table: t,
    target,
    value: date === null || year === null ? columnFor(t.table.columns.values, year) : checkpointColumn(t.table, year, date),
    // A table without target columns points at the indicator.
    targetCellColumn: target ?? (t.targetColumns.length > 0 ? Math.min(...t.targetColumns) : t.table.columns.indicator),
  };
}
