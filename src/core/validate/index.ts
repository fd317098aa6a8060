// Validation of a workbook, the orchestration only: find the tables, choose the period, judge
// every KPI row once, check the weight groups, list the problems. Each step lives in a module
// of this folder named for it; this file says in which order they run.
import { problem } from "../problem";
import { isBlankCell, SheetCells } from "../grid";
import { findKpiTables, type HeaderNearMiss } from "../reader/find-tables";
import type { KpiResult, MeasurementRules, Period, SheetGrid, ValidationReport } from "../types";
import { isOutsideSumMark, parseWeight } from "../weights";
import { evaluateRow, judgeContext } from "./evaluate-row";
import { Problems } from "./problems";
import { findKpiRows, tableRead, textOf, type TableRead } from "./rows";
import { countStatuses } from "./status-counts";
import { noteTableShape, reportNearMiss, warnMissingColumns, warnMissingReasons } from "./table-notes";
import { WeightGroups } from "./weight-groups";
import { collectPeriods, collectYears, defaultPeriod, yearColumns } from "./years";

export { isPercentFormat } from "./percent-format";
export { readValue } from "./cell-values";

export interface ValidateOptions {
  /** The plan year to check (at its end); `null`/absent picks the default period (see `defaultPeriod`). */
  readonly year?: number | null;
  /**
   * The period to check: a year's end (`date: null`) or a monitoring date (`"06-30"`, read from
   * the `Valore 2026 al 30/06` columns). Wins over `year`.
   */
  readonly period?: Period | null;
  readonly rules?: Partial<MeasurementRules>;
}

/**
 * Finds every KPI table on every sheet and checks it for one plan year: weight groups
 * (by `Codice` where the table has one, else the whole table) must sum to 100 or 1; bad
 * weights, unreadable targets and values are problems with their sheet and A1 cell; each
 * KPI gets a status (met, unmet, missing, no_target, invalid) and its achievement.
 *
 * Without a year it checks the latest year that has any value, else the latest year a
 * target names. A value in a percent-formatted cell counts as its displayed percentage
 * (0.15 shown as 15% is 15) against a percent target; text values are read the Italian
 * way (`"12,5"`); a deadline (date target) wants a date value.
 * @example
 *   validateWorkbook([{ name: "A", values: [
 *     ["Indicatore", "Peso", "Target", "Valore"],
 *     ["Visite", 100, ">= 10", 12],
 *   ] }]).kpis[0].status // "met"
 */
export function validateWorkbook(sheets: readonly SheetGrid[], options: ValidateOptions = {}): ValidationReport {
  const problems = new Problems();
  // Problems are listed by sheet in workbook order (the last sheet of a repeated name counts).
  const sheetOrder = new Map(sheets.map((s, i) => [s.name, i]));
  const tables: TableRead[] = [];
  for (const sheet of sheets) {
    const cells = new SheetCells(sheet);
    const nearMisses: HeaderNearMiss[] = [];
    const order = sheetOrder.get(sheet.name) as number;
    for (const table of findKpiTables(sheet, nearMisses)) tables.push(tableRead(table, cells, order));
    for (const miss of nearMisses) reportNearMiss(miss, order, problems);
  }

  const targetTextYears = new Set<number>();
  for (const table of tables) findKpiRows(table, problems, targetTextYears);

  const years = collectYears(tables, targetTextYears);
  const periods = collectPeriods(tables, years);
  const chosen: Period | null =
    options.period ?? (options.year != null ? { year: options.year, date: null } : defaultPeriod(tables, targetTextYears, years));
  const year = chosen?.year ?? null;
  const date = chosen?.date ?? null;

  for (const table of tables) {
    warnMissingColumns(table, year, date, problems);
    noteTableShape(table, problems);
  }
  // One pass over the KPI rows builds each result and adds the row to its weight group.
  // The row count is known: the long lists are made at their size, not grown and copied.
  const context = judgeContext(year, date, options.rules ?? {}, problems);
  let rowCount = 0;
  for (const table of tables) rowCount += table.kpiRows.length;
  const kpis = new Array<KpiResult>(rowCount);
  const weightGroups = new WeightGroups(rowCount);
  let k = 0;
  for (const table of tables) {
    const { cells } = table;
    const { code, weight } = table.table.columns;
    const columns = yearColumns(table, year, date);
    let lastOwner: string | null = null;
    // The loops over rows and cells are indexed: these functions run once per validation,
    // largely before the engine optimises them, and there for...of allocates at every step.
    for (let i = 0; i < table.kpiRows.length; i++) {
      const r = table.kpiRows[i];
      // Blank codes under a code are the same owner: merged cells and "ditto" layouts.
      let owner: string | null = null;
      if (code !== undefined) {
        const codeCell = cells.value(r, code);
        owner = isBlankCell(codeCell) ? lastOwner : textOf(codeCell);
        lastOwner = owner;
      }
      const weightCell = cells.value(r, weight);
      // A dash or an X marks a prerequisite: a KPI outside the weighted sum.
      const rowWeight = weight === undefined || isOutsideSumMark(weightCell) ? null : parseWeight(weightCell);
      if (table.weightsChecked) weightGroups.add(table, owner, r, rowWeight);
      else weightGroups.skip();
      kpis[k++] = evaluateRow(table, r, owner, rowWeight, columns, context);
    }
  }

  const groups = weightGroups.check(kpis, problems);
  warnMissingReasons(tables, kpis, problems);
  if (tables.length === 0) {
    problems.addUnplaced(problem("warning", "NO_KPI_TABLES"));
  }

  const counts = countStatuses(kpis);
  return {
    year,
    years,
    period: chosen,
    periods,
    groups,
    kpis,
    problems: problems.inReadingOrder(),
    summary: {
      tables: tables.length,
      rows: kpis.length,
      met: counts.met,
      unmet: counts.unmet,
      missing: counts.missing,
      noTarget: counts.no_target,
      invalid: counts.invalid,
      ...(date !== null ? { onTrack: counts.on_track, atRisk: counts.at_risk, unreachable: counts.unreachable } : {}),
    },
  };
}
