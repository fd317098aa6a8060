import { a1 } from "../a1";
import { achievementUnder, DEFAULT_RULES, isMet } from "../achievement";
import { isKpiError, type Result } from "../errors";
import { formatMessage, type Lang } from "../messages";
import { judgeAtDate, periodLabel } from "../monitoring";
import { isBlankCell } from "../reader/find-tables";
import type { Condition, KpiResult, KpiStatus, MeasurementRules } from "../types";
import { readValue } from "./cell-values";
import { engineProblem, problem, type Problems } from "./problems";
import { indicatorText, textOf, type TableRead } from "./rows";
import { textCache } from "./text-cache";
import type { YearColumns } from "./years";

/** What judging a row needs that is the same for every row: worked out once per validation. */
export interface JudgeContext {
  readonly year: number | null;
  /** The monitoring date (`MM-DD`), `null` at year end. */
  readonly date: string | null;
  readonly rules: MeasurementRules;
  readonly lang: Lang;
  readonly problems: Problems;
  /** Messages without a per-row part, up to one per row. */
  readonly targetBlank: string;
  readonly valueMissing: string;
}

export function judgeContext(year: number | null, date: string | null, rules: Partial<MeasurementRules>, lang: Lang, problems: Problems): JudgeContext {
  const periodText = year === null ? null : date === null ? year : periodLabel({ year, date });
  return {
    year,
    date,
    rules: { ...DEFAULT_RULES, ...rules },
    lang,
    problems,
    targetBlank: formatMessage("TARGET_BLANK", lang),
    valueMissing: formatMessage("VALUE_MISSING", lang, { year: periodText ?? (lang === "it" ? "periodo" : "the period") }),
  };
}

/** The status of one row for the year, with its condition, value and achievement, adding the row's problems. */
export function evaluateRow(t: TableRead, r: number, owner: string | null, weight: Result<number> | null, columns: YearColumns, context: JudgeContext): KpiResult {
  const targetCell = a1(r, columns.targetCellColumn);
  const valueCell = columns.value === null ? null : a1(r, columns.value);
  const condition = yearCondition(t, r, columns, targetCell, context);
  if (typeof condition === "string") return kpiResult(t, r, owner, weight, targetCell, valueCell, condition, null, null, null);
  if (context.date !== null && context.year !== null) return evaluateAtDate(t, r, owner, weight, columns, targetCell, valueCell, condition, context);
  if (columns.value === null || valueCell === null) return kpiResult(t, r, owner, weight, targetCell, valueCell, "missing", condition, null, null);
  const value = yearValue(t, r, columns.value, valueCell, condition, context);
  if (typeof value === "string") return kpiResult(t, r, owner, weight, targetCell, valueCell, value, condition, null, null);
  const status = isMet(value, condition) ? "met" : "unmet";
  return kpiResult(t, r, owner, weight, targetCell, valueCell, status, condition, value, achievementUnder(value, condition, context.rules));
}

/**
 * A row at an intermediate monitoring date (see monitoring.ts): a deadline not yet done is
 * judged by the date, every other blank value is missing; a cumulative KPI carries its pro
 * rata expected value. The achievement is against the full target, as at year end.
 */
export function evaluateAtDate(
  t: TableRead,
  r: number,
  owner: string | null,
  weight: Result<number> | null,
  columns: YearColumns,
  targetCell: string,
  valueCell: string | null,
  condition: Condition,
  context: JudgeContext,
): KpiResult {
  const period = { year: context.year as number, date: context.date as string };
  const kind = kindOfRow(t, r);
  let value: number | null = null;
  if (columns.value !== null && valueCell !== null) {
    const raw = t.cells.value(r, columns.value);
    const blank = readValue(raw, t.cells.format(r, columns.value), condition) === null;
    if (!(blank && condition.unit === "date")) {
      const read = yearValue(t, r, columns.value, valueCell, condition, context);
      if (typeof read === "string") return kpiResult(t, r, owner, weight, targetCell, valueCell, read, condition, null, null);
      value = read;
    }
  } else if (condition.unit !== "date") {
    return kpiResult(t, r, owner, weight, targetCell, valueCell, "missing", condition, null, null);
  }
  const judged = judgeAtDate(value, condition, kind, period, context.rules);
  const result = kpiResult(t, r, owner, weight, targetCell, valueCell, judged.status, condition, value, value === null ? null : achievementUnder(value, condition, context.rules));
  return judged.expected === undefined ? result : { ...result, expected: judged.expected };
}

/** The row's algorithm kind, `null` without an algorithm text. */
export function kindOfRow(t: TableRead, r: number) {
  const algorithm = textOf(t.cells.value(r, t.table.columns.algorithm));
  return t.table.columns.algorithm !== undefined && algorithm !== "" ? textCache.algorithmKind(algorithm) : null;
}

/** One row's result. One literal of one shape for every row: 100,000 results stay cheap to build and to read. */
export function kpiResult(
  t: TableRead,
  r: number,
  owner: string | null,
  weight: Result<number> | null,
  targetCell: string,
  valueCell: string | null,
  status: KpiStatus,
  target: Condition | null,
  value: number | null,
  achievementValue: number | null,
): KpiResult {
  const { table, cells } = t;
  const algorithm = textOf(cells.value(r, table.columns.algorithm));
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
    achievement: achievementValue,
    valueCell,
    targetCell,
    algorithmKind: table.columns.algorithm !== undefined && algorithm !== "" ? textCache.algorithmKind(algorithm) : null,
    reason: reasonCol === undefined ? null : indicatorText(cells.value(r, reasonCol)) || null,
    reasonCell: reasonCol === undefined ? null : a1(r, reasonCol),
    responsible: responsibleCol === undefined ? null : indicatorText(cells.value(r, responsibleCol)) || null,
  };
}

/** The row's condition for the year, or the status that ends its check there (adding the target's problem). */
export function yearCondition(t: TableRead, r: number, columns: YearColumns, targetCell: string, context: JudgeContext): Condition | "no_target" | "invalid" {
  const col = columns.target;
  if (col === null) return "no_target";
  const { problems, lang } = context;
  const { sheet } = t.table;
  const raw = t.cells.value(r, col);
  if (isBlankCell(raw)) {
    problems.add(problem("warning", "TARGET_BLANK", context.targetBlank, sheet, targetCell), t.sheetOrder, r, col);
    return "no_target";
  }
  const read = textCache.target(raw, t.table.columns.percentTargets?.has(col) ?? false, t.cells.format(r, col));
  if (isKpiError(read.target)) {
    problems.add(engineProblem(read.target, lang, sheet, targetCell), t.sheetOrder, r, col);
    return "invalid";
  }
  const condition = read.conditionFor(context.year);
  if (isKpiError(condition)) {
    if (condition.code === "NO_TARGET" || condition.code === "NO_TARGET_FOR_YEAR") return "no_target";
    problems.add(engineProblem(condition, lang, sheet, targetCell), t.sheetOrder, r, col);
    return "invalid";
  }
  return condition;
}

/** The row's value for the year, or the status that ends its check there (adding the value's problem). */
export function yearValue(t: TableRead, r: number, col: number, valueCell: string, condition: Condition, context: JudgeContext): number | "missing" | "invalid" {
  const value = readValue(t.cells.value(r, col), t.cells.format(r, col), condition);
  if (value === null) {
    context.problems.add(problem("warning", "VALUE_MISSING", context.valueMissing, t.table.sheet, valueCell), t.sheetOrder, r, col);
    return "missing";
  }
  if (isKpiError(value)) {
    context.problems.add(engineProblem(value, context.lang, t.table.sheet, valueCell), t.sheetOrder, r, col);
    return "invalid";
  }
  return value;
}
