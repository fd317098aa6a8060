import { parseA1 } from "./a1";
import { localIsoDateTime } from "./dates";
import { SheetCells, isBlankCell } from "./grid";
import { findHistorySheet, latestFreezes, readHistory, text, type FrozenValue } from "./history-sheet";
import { describeParam, type Lang, type MessageParam } from "./messages";
import { periodKey } from "./monitoring";
import { problem, type Problem } from "./problem";
import { findKpiTables } from "./reader/find-tables";
import type { CellValue, KpiResult, KpiTable, SheetGrid } from "./types";

/**
 * The freeze of a monitoring period (*Congela monitoraggio*, `kpi snapshot`): the values of a
 * period, as they are stored in their cells, copied into a hidden sheet `Storico` with the
 * date and time of the freeze, so that a later edit of one of them can be listed as a change
 * after the freeze. Who changed it is beyond reach (the workbook keeps no author per cell);
 * that it changed is not.
 *
 * The sheet is a plain table, one row per frozen value:
 * `Foglio / Sheet | Cella / Cell | Codice / Code | Indicatore / Indicator | Periodo / Period |
 * Valore / Value | Congelato il / Frozen at`. Its header row is also its marker: a sheet named
 * `Storico` whose first row is not exactly that header is the user's, and is never written.
 * (A content marker rather than a worksheet property, because the CLI writes the sheet too,
 * at the XML level, and both must recognise each other's.) Freezes are appended; nothing is
 * ever rewritten. A later freeze of the same period supersedes the earlier one (its rows stay,
 * as history, but only the latest freeze of each period is compared); several periods can be
 * frozen side by side. Undoing a freeze is deleting its rows in the unhidden sheet.
 *
 * The period is a label: `2026` for the year end, `2026-06-30` for an intermediate monitoring
 * date, so that the record needs no change when monitoring dates are read. Pure: the date and
 * time of the freeze is passed in.
 *
 * This module freezes values and compares a workbook with them; the sheet's layout, reading
 * and the latest freeze per period are history-sheet.ts.
 */

/** What the period of a report is: its year, and (once monitoring dates are read) its date `mm-dd`. */
export interface PeriodOf {
  readonly year: number | null;
  readonly period?: { readonly year: number; readonly date: string | null } | null;
}

/**
 * The period a freeze is filed under: `2026` for the year end, `2026-06-30` for a monitoring date
 * (the form of `periodKey`);
 * `null` when the report has no year (undated targets: nothing to freeze by period).
 * @example frozenPeriod({ year: 2026 }) // "2026"
 * @example frozenPeriod({ year: 2026, period: { year: 2026, date: "06-30" } }) // "2026-06-30"
 */
export function frozenPeriod(report: PeriodOf): string | null {
  const p = report.period;
  if (p) return periodKey(p);
  return report.year === null ? null : String(report.year);
}

/**
 * A date and time as the freeze records it: local time, `yyyy-mm-dd hh:mm:ss`. The caller
 * passes the clock's reading: the core never reads a clock.
 * @example freezeStamp(new Date(2026, 5, 30, 9, 5, 7)) // "2026-06-30 09:05:07"
 */
export function freezeStamp(date: Date): string {
  return localIsoDateTime(date);
}

/** Sheets by name, compared as Excel does (case-insensitively). */
function sheetsByName(grids: readonly SheetGrid[]): Map<string, SheetGrid> {
  return new Map(grids.map((g) => [g.name.toLowerCase(), g]));
}

/**
 * The values to freeze: for every KPI of a validation report that has a value cell for the
 * report's period, that cell's value as stored in the grids, with the period and the time.
 * @example
 *   const report = validateWorkbook(grids, { year: 2026 });
 *   freezeValues(report.kpis, grids, "2026", "2026-06-30 09:05:07")[0]
 *   // { sheet: "A", cell: "H2", code: "A.1", indicator: "Visite", period: "2026", value: 12, frozenAt: "2026-06-30 09:05:07" }
 */
export function freezeValues(kpis: readonly KpiResult[], grids: readonly SheetGrid[], period: string, frozenAt: string): FrozenValue[] {
  const byName = sheetsByName(grids);
  const out: FrozenValue[] = [];
  for (const k of kpis) {
    if (k.valueCell === null) continue;
    const grid = byName.get(k.sheet.toLowerCase());
    const at = parseA1(k.valueCell);
    if (!grid || !at) continue;
    const raw = new SheetCells(grid).value(at.row, at.col);
    out.push({ sheet: k.sheet, cell: k.valueCell, code: k.owner, indicator: k.indicator, period, value: isBlankCell(raw) ? null : raw, frozenAt });
  }
  return out;
}

/**
 * Two cell values that are the same stored value: blanks (`null`, `""`, spaces) are one;
 * numbers are compared at Excel's 15 significant digits; texts exactly.
 * @example sameStoredValue(12.5, 12.5) // true
 * @example sameStoredValue("12,5", 12.5) // false: a text retyped as a number is an edit
 */
export function sameStoredValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const blankA = a === undefined || isBlankCell(a);
  const blankB = b === undefined || isBlankCell(b);
  if (blankA || blankB) return blankA && blankB;
  if (typeof a === "number" && typeof b === "number") return Number(a.toPrecision(15)) === Number(b.toPrecision(15));
  return a === b;
}

/** A frozen value that is no longer what was frozen. */
export interface FreezeChange {
  /** `changed`: another value in the cell; `cell_gone`: the cell no longer holds that KPI's value; `sheet_gone`: no such sheet. */
  readonly kind: "changed" | "cell_gone" | "sheet_gone";
  readonly frozen: FrozenValue;
  /** The value now in the cell (`null` when blank, or when the sheet is gone). */
  readonly now: CellValue;
}

/** The comparison of a workbook with its frozen values. */
export interface HistoryCheck {
  /** The history sheet's name, `null` when the workbook has none (of ours). */
  readonly sheet: string | null;
  /** The frozen values compared (the latest freeze of each period). */
  readonly frozen: number;
  /** The periods frozen, in the order first seen. */
  readonly periods: readonly string[];
  readonly changes: readonly FreezeChange[];
}

const NO_HISTORY: HistoryCheck = { sheet: null, frozen: 0, periods: [], changes: [] };

/** Normalises an indicator as validation does (runs of spaces and line breaks are one space). */
function indicatorText(cell: CellValue): string {
  return text(cell).replace(/\s+/g, " ");
}

/**
 * Every frozen value that changed after its freeze, and those whose cell or sheet no longer
 * holds it: the value's row must still be a row of a KPI table on its sheet with the same
 * indicator (rows inserted above it, or a table deleted, move the value away from its cell).
 * @example compareWithHistory(grids).changes.map((c) => c.frozen.cell) // ["H5"]
 */
export function compareWithHistory(grids: readonly SheetGrid[]): HistoryCheck {
  const history = findHistorySheet(grids);
  if (!history) return NO_HISTORY;
  const read = readHistory(history);
  if (!read.ours) return NO_HISTORY;
  const counted = latestFreezes(read.values);
  const byName = sheetsByName(grids);
  const tables = new Map<string, KpiTable[]>();
  const tablesOf = (grid: SheetGrid): KpiTable[] => {
    let list = tables.get(grid.name);
    if (!list) tables.set(grid.name, (list = findKpiTables(grid)));
    return list;
  };
  const changes: FreezeChange[] = [];
  for (const frozen of counted) {
    const grid = byName.get(frozen.sheet.toLowerCase());
    if (!grid || grid === history) {
      changes.push({ kind: "sheet_gone", frozen, now: null });
      continue;
    }
    const at = parseA1(frozen.cell) as { row: number; col: number };
    const cells = new SheetCells(grid);
    const raw = cells.value(at.row, at.col);
    const now = isBlankCell(raw) ? null : raw;
    const table = tablesOf(grid).find((t) => at.row >= t.firstRow && at.row <= t.lastRow);
    if (!table || indicatorText(cells.value(at.row, table.columns.indicator)) !== frozen.indicator) {
      changes.push({ kind: "cell_gone", frozen, now });
      continue;
    }
    if (!sameStoredValue(frozen.value, raw)) changes.push({ kind: "changed", frozen, now });
  }
  const periods = [...new Set(read.values.map((v) => v.period))];
  return { sheet: history.name, frozen: counted.length, periods, changes };
}

/**
 * A stored value as a message parameter: `(vuota)` / `(blank)` for a blank cell, numbers
 * with the language's decimal separator, booleans as Excel shows them.
 * @example storedValueParam(12.5) // { decimal: 12.5 }
 */
export function storedValueParam(value: CellValue): MessageParam {
  if (value === null || isBlankCell(value)) return { code: "STORED_BLANK" };
  if (typeof value === "number") return { decimal: value };
  if (typeof value === "boolean") return { code: value ? "STORED_TRUE" : "STORED_FALSE" };
  return value;
}

/**
 * A stored value as the user reads it in a message.
 * @example storedValueText(12.5, "it") // "12,5"
 */
export function storedValueText(value: CellValue, lang: Lang): string {
  return describeParam(storedValueParam(value), lang);
}

/**
 * The time of a freeze as a message parameter; a text that is not a freeze time is kept as it is.
 * @example frozenAtParam("2026-06-30 09:05:07") // { code: "FROZEN_AT", params: { year: "2026", month: "06", ... } }
 */
export function frozenAtParam(frozenAt: string): MessageParam {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(frozenAt);
  if (!m) return frozenAt;
  return { code: "FROZEN_AT", params: { year: m[1], month: m[2], day: m[3], hour: m[4], minute: m[5] } };
}

/**
 * The time of a freeze as the user reads it: `30/06/2026 09:05` in Italian, `2026-06-30 09:05`
 * in English.
 * @example frozenAtText("2026-06-30 09:05:07", "it") // "30/06/2026 09:05"
 */
export function frozenAtText(frozenAt: string, lang: Lang): string {
  return describeParam(frozenAtParam(frozenAt), lang);
}

/**
 * The changes as warnings of the validation report, each at its cell (a sheet that is gone
 * has no cell to go to).
 * @example historyProblems(compareWithHistory(grids).changes)[0].code // "FROZEN_VALUE_CHANGED"
 */
export function historyProblems(changes: readonly FreezeChange[]): Problem[] {
  return changes.map((c) => {
    const f = c.frozen;
    const params = {
      sheet: f.sheet,
      cell: f.cell,
      indicator: f.indicator,
      period: f.period,
      frozenAt: frozenAtParam(f.frozenAt),
      old: storedValueParam(f.value),
      now: storedValueParam(c.now),
    };
    if (c.kind === "sheet_gone") return problem("warning", "FROZEN_SHEET_GONE", params);
    const code = c.kind === "changed" ? "FROZEN_VALUE_CHANGED" : "FROZEN_CELL_GONE";
    return problem("warning", code, params, { sheet: f.sheet, cell: f.cell });
  });
}

