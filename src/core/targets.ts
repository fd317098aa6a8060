import { isKpiError, kpiError, type KpiError, type Result } from "./errors";
import { isNoneText } from "./numbers";
import { firstNonSpace, formatOperand, parseConditionAt } from "./target-condition";
import { ordinalLabel, parseYearSegment, yearLabel, yearMarks } from "./target-years";
import type { CellValue, Condition, Target, TargetEntry } from "./types";

/**
 * A target cell read, written back and asked for a year's condition. Reading one condition is
 * target-condition.ts, the per-year prefixes target-years.ts, the words (operators, ordinals,
 * yes/no) target-words.ts.
 */

/** What the caller knows about where a target cell stands. */
export interface TargetOptions {
  /** A number with neither `%` nor a unit is a percentage: the column header says `Target %`. */
  readonly bareIsPercent?: boolean;
  /** The year that completes a date written without one (`30/06`, `I semestre`, `entro giugno`). */
  readonly year?: number;
  /** The plan's first year: `primo anno` is this year, `secondo anno` the next, and so on. */
  readonly firstYear?: number;
}
/** `Target:` before a single condition is a label, not part of it. */
const TARGET_LABEL = /^\s*target\s*:?\s*(?=\S)/i;

const NO_TARGET: Target = { entries: [{ year: null, condition: null }] };

/**
 * Parses a target cell: no target (`---`, `n.d.`), one condition or per-year conditions.
 * - operators as symbols (`>=`, `≥`, `=>` ...) or words (`almeno`, `non inferiore a`,
 *   `maggiore o uguale a`, `superiore a`, `inferiore a`, `pari a` ...); `entro` is a deadline;
 * - operands: numbers, percentages (`95 %`), numbers with a unit kept as `measure` (`10 gg.`,
 *   `€ 1.500`), dates (`30/06/2026`, `30.09.2026`, `30 giugno 2026`, `giugno 2026` = end of June,
 *   `II semestre 2026`; without a year, `30/06` and `I semestre` take `options.year`);
 * - `SI` / `Sì` / `NO`: a done / not done target, `{op: "=", value: 1 | 0, unit: "boolean"}`;
 * - bands: `tra 70% e 90%`, `da 70% a 90%`, `70%-90%`, `70 - 90` (`op: "between"`);
 * - per-year prefixes: `Anno: 2026 >= 5`, `Anno 2026: >= 5`, `2026: >= 5`, `Target 2026: 65%`,
 *   `Target primo anno: …` (the plan's first year: `options.firstYear`, else kept as `ordinal`).
 * A bare number or percentage means "at least" (`>=`), a bare date means "by" (`<=`);
 * `options.bareIsPercent` makes a number without `%` or unit a percentage (`Target %` columns).
 * A year whose condition is missing or unreadable keeps its error in its entry (`error`), and
 * the other years still count; the whole cell is an error only when no year could be read.
 * Errors say what is wrong and at which character (1-based).
 * @example parseTarget("Anno: 2021 >= +15% Anno: 2022 >= +10%")
 *   // { entries: [ {year: 2021, condition: {op: ">=", value: 15, unit: "percent"}},
 *   //              {year: 2022, condition: {op: ">=", value: 10, unit: "percent"}} ] }
 * @example parseTarget("almeno 10 gg.") // { entries: [{ year: null, condition: {op: ">=", value: 10, unit: "number", measure: "gg."} }] }
 * @example parseTarget("65", { bareIsPercent: true }) // { entries: [{ year: null, condition: {op: ">=", value: 65, unit: "percent"} }] }
 */
export function parseTarget(x: CellValue | undefined, options: TargetOptions = {}): Result<Target> {
  if (x === null || x === undefined) return kpiError("EMPTY");
  if (typeof x === "boolean") return kpiError("NOT_A_TARGET", { text: String(x).toUpperCase(), pos: 1 });
  const bareIsPercent = options.bareIsPercent === true;
  if (typeof x === "number") {
    if (!Number.isFinite(x)) return kpiError("NOT_FINITE");
    return { entries: [{ year: null, condition: { op: ">=", value: x, unit: bareIsPercent ? "percent" : "number" } }] };
  }
  const text = x.replace(/[\u00a0\u202f]/g, " ");
  if (text.trim() === "") return kpiError("EMPTY");
  if (isNoneText(text)) return NO_TARGET;

  const start = firstNonSpace(text, 0);
  const marks = yearMarks(text, start);
  if (marks.length === 0) {
    const label = TARGET_LABEL.exec(text);
    const condition = parseConditionAt(text, label ? label[0].length : 0, { year: options.year ?? null, bareIsPercent });
    if (isKpiError(condition)) return condition;
    return { entries: [{ year: null, condition }] };
  }
  if (text.slice(0, marks[0].index).trim() !== "") {
    return kpiError("NOT_A_TARGET", { text: text.trim(), pos: start + 1 });
  }
  const entries: TargetEntry[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < marks.length; i++) {
    const end = i + 1 < marks.length ? (marks[i + 1].index as number) : text.length;
    const entry = parseYearSegment(text, marks[i], end, options, bareIsPercent);
    if (isKpiError(entry)) return entry;
    const key = entry.year !== null ? String(entry.year) : `#${entry.ordinal}`;
    if (seen.has(key)) return kpiError("DUPLICATE_YEAR", { year: entry.year ?? yearLabel(entry) });
    seen.add(key);
    entries.push(entry);
  }
  // Nothing readable at all: the cell is wrong as a whole, and its first error says where.
  const firstError = entries[0].error;
  if (firstError && entries.every((e) => e.error)) return firstError;
  return { entries };
}

/**
 * Writes a condition the way the plans do: a band as its two bounds, a done / not done target
 * as `SI` / `NO`, a unit of measure after the number.
 * @example formatCondition({ op: ">=", value: 15, unit: "percent" }) // ">= 15%"
 * @example formatCondition({ op: "<=", value: 44561, unit: "date" })  // "<= 31/12/2021"
 * @example formatCondition({ op: "between", value: 70, upper: 90, unit: "percent" }) // "70% – 90%"
 * @example formatCondition({ op: ">=", value: 10, unit: "number", measure: "gg." }) // ">= 10 gg."
 */
export function formatCondition(c: Condition): string {
  if (c.unit === "boolean") return c.value === 0 ? "NO" : "SI";
  const measure = c.measure === undefined ? "" : ` ${c.measure}`;
  if (c.op === "between") return `${formatOperand(c.value, c.unit)} – ${formatOperand(c.upper ?? c.value, c.unit)}${measure}`;
  return `${c.op} ${formatOperand(c.value, c.unit)}${measure}`;
}

/**
 * Writes a target in canonical form; `parseTarget(formatTarget(t))` gives `t` back for every
 * readable entry. A plan year kept by its place is written `secondo anno: …`; a year whose
 * condition could not be read is written `?`, which reads back as unreadable.
 * @example formatTarget({ entries: [{ year: 2021, condition: null }] }) // "Anno: 2021 ---"
 */
export function formatTarget(t: Target): string {
  return t.entries
    .map((e) => {
      const cond = e.error ? "?" : e.condition ? formatCondition(e.condition) : "---";
      if (e.year !== null) return `Anno: ${e.year} ${cond}`;
      return e.ordinal !== undefined ? `${ordinalLabel(e.ordinal)}: ${cond}` : cond;
    })
    .join(" ");
}

/** The years a target names, in the order written (plan years by place are not calendar years). */
export function targetYears(t: Target): number[] {
  return t.entries.flatMap((e) => (e.year === null ? [] : [e.year]));
}

/**
 * The years whose condition could not be read, each with its error, for callers that list
 * problems cell by cell.
 * @example targetErrors(parseTarget("2026: >= 5 2027: circa 6") as Target)[0].year // 2027
 */
export function targetErrors(t: Target): { year: number | null; ordinal?: number; error: KpiError }[] {
  return t.entries.flatMap((e) => (e.error ? [{ year: e.year, ...(e.ordinal === undefined ? {} : { ordinal: e.ordinal }), error: e.error }] : []));
}

/**
 * The condition that applies in `year`. A target without a year prefix applies to every year;
 * asked without a year, a per-year target answers only when all its years agree. A year whose
 * condition could not be read answers its own error. Plan years by place (`primo anno`) need
 * `options.firstYear` (the plan's first year) to be matched to a calendar year.
 * @example conditionForYear(parseTarget("Anno: 2021 >= 7 Anno: 2022 >= 8") as Target, 2022)
 *   // { op: ">=", value: 8, unit: "number" }
 * @example conditionForYear(parseTarget("Target secondo anno: >= 8") as Target, 2022, { firstYear: 2021 })
 *   // { op: ">=", value: 8, unit: "number" }
 */
export function conditionForYear(t: Target, year: number | null, options: { readonly firstYear?: number } = {}): Result<Condition> {
  const general = t.entries.find((e) => e.year === null && e.ordinal === undefined);
  if (year !== null) {
    let own = t.entries.find((e) => e.year === year);
    if (!own && t.entries.some((e) => e.ordinal !== undefined)) {
      const first = options.firstYear;
      if (first === undefined) return kpiError("FIRST_YEAR_REQUIRED", { year });
      own = t.entries.find((e) => e.ordinal !== undefined && first + e.ordinal - 1 === year);
    }
    own ??= general;
    if (!own) return kpiError("NO_TARGET_FOR_YEAR", { year });
    if (own.error) return own.error;
    return own.condition ?? (own === general ? kpiError("NO_TARGET") : kpiError("NO_TARGET_FOR_YEAR", { year }));
  }
  if (general) return general.error ?? general.condition ?? kpiError("NO_TARGET");
  const conditions = t.entries.map((e) => e.condition);
  const first = conditions[0];
  if (first && conditions.every((c) => c !== null && sameCondition(c, first))) return first;
  const years = t.entries.map(yearLabel).join(", ");
  return kpiError("YEAR_REQUIRED", { years });
}

function sameCondition(a: Condition, b: Condition): boolean {
  return a.op === b.op && a.value === b.value && a.unit === b.unit && a.upper === b.upper && a.measure === b.measure;
}
