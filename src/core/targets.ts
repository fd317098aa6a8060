import { parseDateText, serialToItalian } from "./dates";
import { isKpiError, kpiError, type KpiError, type Result } from "./errors";
import { formatNumberIt, isNoneText, parseNumberText } from "./numbers";
import type { CellValue, Condition, Op, Target, TargetEntry } from "./types";

/** Every spelling of an operator found in plans, mapped to its normal form. */
const OPERATORS: ReadonlyMap<string, Op> = new Map<string, Op>([
  [">=", ">="],
  ["=>", ">="],
  ["≥", ">="],
  ["<=", "<="],
  ["=<", "<="],
  ["≤", "<="],
  [">", ">"],
  ["<", "<"],
  ["=", "="],
]);

const OPERATOR_RUN = /^[<>=!≥≤≠]+/;
const DEADLINE_WORD = /^entro(?:\s+il)?\b\s*/i;
const YEAR_SPLIT = /anno\s*:?\s*/gi;
/** Separators people put between per-year conditions; harmless at a segment's end. */
const TRAILING_SEPARATORS = /[\s;,|]+$/;

const NO_TARGET: Target = { entries: [{ year: null, condition: null }] };

/** How to read a target cell beyond its own text. */
export interface ParseTargetOptions {
  /**
   * The column's header says the targets are percentages (`Target %`): a number written
   * without `%` (`65`, `>= 65`) is a percentage. Dates are unaffected.
   */
  readonly bareIsPercent?: boolean;
}

/**
 * Parses a target cell: no target (`---`, `n.d.`), one condition (`>= 15%`, `<= 31/12/2021`,
 * `entro il 30/06/2021`) or per-year conditions (`Anno: 2021 >= +15% Anno: 2022 ---`).
 * A bare number or percentage means "at least" (`>=`), a bare date means "by" (`<=`).
 * Errors say what is wrong and at which character (1-based). With `bareIsPercent` a number
 * without `%` is a percentage (`parseTarget(65, { bareIsPercent: true })` is `>= 65%`).
 * @example parseTarget("Anno: 2021 >= +15% Anno: 2022 >= +10%")
 *   // { entries: [ {year: 2021, condition: {op: ">=", value: 15, unit: "percent"}},
 *   //              {year: 2022, condition: {op: ">=", value: 10, unit: "percent"}} ] }
 */
export function parseTarget(x: CellValue | undefined, options: ParseTargetOptions = {}): Result<Target> {
  const parsed = parseTargetCell(x);
  return options.bareIsPercent && !isKpiError(parsed) ? percentOfBareNumbers(parsed) : parsed;
}

/** The target with every plain number read as a percentage (the column says `%`). */
function percentOfBareNumbers(t: Target): Target {
  if (!t.entries.some((e) => e.condition?.unit === "number")) return t;
  return {
    entries: t.entries.map((e) => (e.condition?.unit === "number" ? { year: e.year, condition: { ...e.condition, unit: "percent" } } : e)),
  };
}

function parseTargetCell(x: CellValue | undefined): Result<Target> {
  if (x === null || x === undefined) return kpiError("EMPTY");
  if (typeof x === "boolean") return kpiError("NOT_A_TARGET", { text: String(x).toUpperCase(), pos: 1 });
  if (typeof x === "number") {
    if (!Number.isFinite(x)) return kpiError("NOT_FINITE");
    return { entries: [{ year: null, condition: { op: ">=", value: x, unit: "number" } }] };
  }
  const text = x.replace(/[\u00a0\u202f]/g, " ");
  if (text.trim() === "") return kpiError("EMPTY");
  if (isNoneText(text)) return NO_TARGET;

  const yearMarks = [...text.matchAll(YEAR_SPLIT)];
  if (yearMarks.length === 0) {
    const condition = parseConditionAt(text, 0);
    if (isKpiError(condition)) return condition;
    return { entries: [{ year: null, condition }] };
  }
  const before = text.slice(0, yearMarks[0].index);
  if (before.trim() !== "") {
    return kpiError("NOT_A_TARGET", { text: text.trim(), pos: firstNonSpace(text, 0) + 1 });
  }
  const entries: TargetEntry[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < yearMarks.length; i++) {
    const mark = yearMarks[i];
    const start = (mark.index ?? 0) + mark[0].length;
    const end = i + 1 < yearMarks.length ? (yearMarks[i + 1].index ?? text.length) : text.length;
    const entry = parseYearSegment(text, start, end);
    if (isKpiError(entry)) return entry;
    const year = entry.year as number;
    if (seen.has(year)) return kpiError("DUPLICATE_YEAR", { year });
    seen.add(year);
    entries.push(entry);
  }
  return { entries };
}

/** `2021 >= +15%` (from `start` to `end` in `text`) as a year's entry. */
function parseYearSegment(text: string, start: number, end: number): Result<TargetEntry> {
  const segment = text.slice(start, end).replace(TRAILING_SEPARATORS, "");
  const yearMatch = /^\s*(\d+)(?=\D|$)\s*:?/.exec(segment);
  if (!yearMatch || yearMatch[1].length !== 4) {
    const shown = segment.trim().split(/\s+/)[0] ?? "";
    return kpiError("BAD_YEAR", { text: shown, pos: start + firstNonSpace(segment, 0) + 1 });
  }
  const year = Number(yearMatch[1]);
  const rest = segment.slice(yearMatch[0].length);
  if (isNoneText(rest)) return { year, condition: null };
  const condition = parseConditionAt(text.slice(0, start + segment.length), start + yearMatch[0].length);
  if (isKpiError(condition)) return condition;
  return { year, condition };
}

/** Parses one condition in `text` from `from` to the end; positions in errors refer to `text`. */
function parseConditionAt(text: string, from: number): Result<Condition> {
  const body = text.slice(from);
  const lead = firstNonSpace(body, 0);
  const s = body.slice(lead).trimEnd();
  const pos = from + lead + 1;

  let op: Op | null = null;
  let rest: string;
  const deadline = DEADLINE_WORD.exec(s);
  const run = OPERATOR_RUN.exec(s);
  if (deadline) {
    op = "<=";
    rest = s.slice(deadline[0].length);
  } else if (run) {
    op = OPERATORS.get(run[0]) ?? null;
    if (op === null) return kpiError("UNKNOWN_OPERATOR", { op: run[0], pos });
    rest = s.slice(run[0].length);
  } else {
    rest = s;
  }
  const operand = readOperand(rest.trim());
  if (operand === null) return kpiError("NOT_A_TARGET", { text: s, pos });
  if (isKpiError(operand)) return operand;
  // A bare date is a deadline, a bare number a floor: how the plans' own tables read.
  return { op: op ?? (operand.unit === "date" ? "<=" : ">="), value: operand.value, unit: operand.unit };
}

/** A date, a number or a percentage; `null` when the text is none of them. */
function readOperand(s: string): Result<{ value: number; unit: Condition["unit"] }> | null {
  if (s === "") return null;
  const date = parseDateText(s);
  if (date !== null) return isKpiError(date) ? date : { value: date, unit: "date" };
  const num = parseNumberText(s);
  if (num === null || isKpiError(num)) return null;
  return { value: num.value, unit: num.percent ? "percent" : "number" };
}

function firstNonSpace(s: string, from: number): number {
  const m = /\S/.exec(s.slice(from));
  return m ? from + m.index : from;
}

/**
 * Writes a condition the way the plans do.
 * @example formatCondition({ op: ">=", value: 15, unit: "percent" }) // ">= 15%"
 * @example formatCondition({ op: "<=", value: 44561, unit: "date" })  // "<= 31/12/2021"
 */
export function formatCondition(c: Condition): string {
  if (c.unit === "date") return `${c.op} ${serialToItalian(c.value)}`;
  return `${c.op} ${formatNumberIt(c.value)}${c.unit === "percent" ? "%" : ""}`;
}

/**
 * Writes a target in canonical form; `parseTarget(formatTarget(t))` gives `t` back.
 * @example formatTarget({ entries: [{ year: 2021, condition: null }] }) // "Anno: 2021 ---"
 */
export function formatTarget(t: Target): string {
  return t.entries
    .map((e) => {
      const cond = e.condition ? formatCondition(e.condition) : "---";
      return e.year === null ? cond : `Anno: ${e.year} ${cond}`;
    })
    .join(" ");
}

/** The years a target names, in the order written. */
export function targetYears(t: Target): number[] {
  return t.entries.flatMap((e) => (e.year === null ? [] : [e.year]));
}

/**
 * The condition that applies in `year`. A target without `Anno:` applies to every year;
 * asked without a year, a per-year target answers only when all its years agree.
 * @example conditionForYear(parseTarget("Anno: 2021 >= 7 Anno: 2022 >= 8") as Target, 2022)
 *   // { op: ">=", value: 8, unit: "number" }
 */
export function conditionForYear(t: Target, year: number | null): Result<Condition> {
  const general = t.entries.find((e) => e.year === null);
  if (year !== null) {
    const own = t.entries.find((e) => e.year === year) ?? general;
    if (!own) return kpiError("NO_TARGET_FOR_YEAR", { year });
    return own.condition ?? noTargetError(own.year);
  }
  if (general) return general.condition ?? kpiError("NO_TARGET");
  const conditions = t.entries.map((e) => e.condition);
  const first = conditions[0];
  const allSame = conditions.every(
    (c) => c !== null && first !== null && c.op === first.op && c.value === first.value && c.unit === first.unit,
  );
  if (allSame && first) return first;
  return kpiError("YEAR_REQUIRED", { years: targetYears(t).join(", ") });
}

function noTargetError(year: number | null): KpiError {
  return year === null ? kpiError("NO_TARGET") : kpiError("NO_TARGET_FOR_YEAR", { year });
}
