// One KPI row judged for the period: its condition, its value, its status and achievement,
// and the problems of its target and value cells.
import { a1 } from "../a1";
import { achievementUnder, DEFAULT_RULES, isMet } from "../achievement";
import { isKpiError, type Result } from "../errors";
import type { MessageParams } from "../messages";
import { judgeAtDate, periodLabel } from "../monitoring";
import { isBlankCell } from "../grid";
import type { Condition, KpiResult, KpiStatus, MeasurementRules } from "../types";
import { readValue } from "./cell-values";
import { errorProblem, problem } from "../problem";
import type { Problems } from "./problems";
import { indicatorText, textOf, type TableRead } from "./rows";
import { textCache } from "./text-cache";
import type { YearColumns } from "./years";

/** What judging a row needs that is the same for every row: worked out once per validation. */
export interface JudgeContext {
  readonly year: number | null;
  /** The monitoring date (`MM-DD`), `null` at year end. */
  readonly date: string | null;
  readonly rules: MeasurementRules;
  readonly problems: Problems;
  /** The parameters of VALUE_MISSING, the same for every row: made once, shared by its problems. */
  readonly valueMissing: MessageParams;
}

/**
 * What every row's check shares, worked out once per validation: the rules over their defaults and the parameters of the problems without a per-row part.
 * @example judgeContext(2023, null, {}, problems).valueMissing // { year: 2023 }
 */
export function judgeContext(year: number | null, date: string | null, rules: Partial<MeasurementRules>, problems: Problems): JudgeContext {
  const periodText = year === null ? null : date === null ? year : periodLabel({ year, date });
  return {
    year,
    date,
    rules: { ...DEFAULT_RULES, ...rules },
    problems,
    valueMissing: { year: periodText ?? { code: "PERIOD_UNKNOWN" } },
  };
}

/** One KPI row as it is judged: where it is, and what is known of it before its outcome. */
export interface RowAt {
  readonly t: TableRead;
  /** The 0-based sheet row. */
  readonly r: number;
  readonly owner: string | null;
  /** `null` for a prerequisite (outside the weighted sum). */
  readonly weight: Result<number> | null;
  readonly targetCell: string;
  readonly valueCell: string | null;
}

/** A row's result as `kpiResult` builds it: the row and the outcome of its check. */
export interface RowOutcome {
  readonly row: RowAt;
  readonly status: KpiStatus;
  readonly target: Condition | null;
  readonly value: number | null;
  readonly achievement: number | null;
}

/**
 * The status of one row for the year, with its condition, value and achievement, adding the
 * row's problems to `context.problems`.
 * @example
 *   evaluateRow(table, 4, "A1", 50, yearColumns(table, 2023, null), context)
 *   // { sheet, row: 5, owner: "A1", weight: 50, status: "met", ... }
 */
export function evaluateRow(t: TableRead, r: number, owner: string | null, weight: Result<number> | null, columns: YearColumns, context: JudgeContext): KpiResult {
  const row: RowAt = { t, r, owner, weight, targetCell: a1(r, columns.targetCellColumn), valueCell: columns.value === null ? null : a1(r, columns.value) };
  const condition = yearCondition(t, r, columns, row.targetCell, context);
  if (typeof condition === "string") return kpiResult({ row, status: condition, target: null, value: null, achievement: null });
  if (context.date !== null && context.year !== null) return evaluateAtDate(row, columns, condition, context);
  if (columns.value === null || row.valueCell === null) return kpiResult({ row, status: "missing", target: condition, value: null, achievement: null });
  const value = yearValue(t, r, columns.value, row.valueCell, condition, context);
  if (typeof value === "string") return kpiResult({ row, status: value, target: condition, value: null, achievement: null });
  const status = isMet(value, condition) ? "met" : "unmet";
  return kpiResult({ row, status, target: condition, value, achievement: achievementUnder(value, condition, context.rules) });
}

/**
 * A row at an intermediate monitoring date (see monitoring.ts): a deadline not yet done is
 * judged by the date, every other blank value is missing; a cumulative KPI carries its pro
 * rata expected value. The achievement is against the full target, as at year end.
 * @example
 *   evaluateAtDate(row, columns, condition, context) // at 06-30: { status: "on_track", expected: 5, ... }
 */
export function evaluateAtDate(row: RowAt, columns: YearColumns, condition: Condition, context: JudgeContext): KpiResult {
  const { t, r, valueCell } = row;
  const period = { year: context.year as number, date: context.date as string };
  const kind = kindOfRow(t, r);
  let value: number | null = null;
  if (columns.value !== null && valueCell !== null) {
    const raw = t.cells.value(r, columns.value);
    const blank = readValue(raw, t.cells.format(r, columns.value), condition) === null;
    if (!(blank && condition.unit === "date")) {
      const read = yearValue(t, r, columns.value, valueCell, condition, context);
      if (typeof read === "string") return kpiResult({ row, status: read, target: condition, value: null, achievement: null });
      value = read;
    }
  } else if (condition.unit !== "date") {
    return kpiResult({ row, status: "missing", target: condition, value: null, achievement: null });
  }
  const judged = judgeAtDate(value, condition, kind, period, context.rules);
  const achievement = value === null ? null : achievementUnder(value, condition, context.rules);
  const result = kpiResult({ row, status: judged.status, target: condition, value, achievement });
  return judged.expected === undefined ? result : { ...result, expected: judged.expected };
}

/**
 * The row's algorithm kind, `null` without an algorithm text.
 * @example kindOfRow(table, 4) // "cumulative" for "Numero di visite nell'anno"
 */
export function kindOfRow(t: TableRead, r: number): KpiResult["algorithmKind"] {
  const algorithm = textOf(t.cells.value(r, t.table.columns.algorithm));
  return t.table.columns.algorithm !== undefined && algorithm !== "" ? textCache.algorithmKind(algorithm) : null;
}

/**
 * One row's result. One literal of one shape for every row: 100,000 results stay cheap to
 * build and to read. The outcome is one object, not ten positional parameters, so that two
 * of the same type (value, achievement) cannot be swapped unseen.
 * @example
 *   kpiResult({ row, status: "missing", target: condition, value: null, achievement: null })
 *   // { sheet: "A", row: 5, status: "missing", indicator: "Visite", ... }
 */
export function kpiResult({ row, status, target, value, achievement }: RowOutcome): KpiResult {
  const { t, r, owner, weight, targetCell, valueCell } = row;
  const { table, cells } = t;
  const reasonCol = table.columns.reason;
  const responsibleCol = table.columns.responsible;
  return {
    sheet: table.sheet,
    row: r + 1,
    owner,
    indicator: indicatorText(cells.value(r, table.columns.indicator)),
    weight: weight === null || isKpiError(weight) ? null : weight,
    target,
    value,
    status,
    achievement,
    valueCell,
    targetCell,
    algorithmKind: kindOfRow(t, r),
    reason: reasonCol === undefined ? null : indicatorText(cells.value(r, reasonCol)) || null,
    reasonCell: reasonCol === undefined ? null : a1(r, reasonCol),
    responsible: responsibleCol === undefined ? null : indicatorText(cells.value(r, responsibleCol)) || null,
  };
}

/**
 * The row's condition for the year, or the status that ends its check there (adding the target's problem).
 * @example yearCondition(table, 4, columns, "E5", context) // a Condition, or "no_target" for a blank target
 */
export function yearCondition(t: TableRead, r: number, columns: YearColumns, targetCell: string, context: JudgeContext): Condition | "no_target" | "invalid" {
  const col = columns.target;
  if (col === null) return "no_target";
  const { problems } = context;
  const { sheet } = t.table;
  const raw = t.cells.value(r, col);
  if (isBlankCell(raw)) {
    problems.add(problem("warning", "TARGET_BLANK", {}, { sheet, cell: targetCell }), t.sheetOrder, r, col);
    return "no_target";
  }
  const read = textCache.target(raw, t.table.columns.percentTargets?.has(col) ?? false, t.cells.format(r, col));
  if (isKpiError(read.target)) {
    problems.add(errorProblem(read.target, { sheet, cell: targetCell }), t.sheetOrder, r, col);
    return "invalid";
  }
  const condition = read.conditionFor(context.year);
  if (isKpiError(condition)) {
    if (condition.code === "NO_TARGET" || condition.code === "NO_TARGET_FOR_YEAR") return "no_target";
    problems.add(errorProblem(condition, { sheet, cell: targetCell }), t.sheetOrder, r, col);
    return "invalid";
  }
  return condition;
}

/**
 * The row's value for the year, or the status that ends its check there (adding the value's problem).
 * @example yearValue(table, 4, 5, "F5", condition, context) // 12, or "missing" for a blank value
 */
export function yearValue(t: TableRead, r: number, col: number, valueCell: string, condition: Condition, context: JudgeContext): number | "missing" | "invalid" {
  const value = readValue(t.cells.value(r, col), t.cells.format(r, col), condition);
  if (value === null) {
    context.problems.add(problem("warning", "VALUE_MISSING", context.valueMissing, { sheet: t.table.sheet, cell: valueCell }), t.sheetOrder, r, col);
    return "missing";
  }
  if (isKpiError(value)) {
    context.problems.add(errorProblem(value, { sheet: t.table.sheet, cell: valueCell }), t.sheetOrder, r, col);
    return "invalid";
  }
  return value;
}
