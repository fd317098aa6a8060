import { parseDateText, parseDateWords, serialToItalian } from "./dates";
import { isKpiError, kpiError, type Result } from "./errors";
import { formatNumberIt, parseQuantityText } from "./numbers";
import { operatorWords, trailingOperatorWords, yesNo } from "./target-words";
import type { Condition, Op, Unit } from "./types";

/**
 * One condition of a target (`>= 15%`, `entro il 30/06/2026`, `tra 70 e 90`, `SI`): its
 * operator written as a symbol, in words before or after the operand, or as a deadline; its
 * operand a yes/no, a date or a number with its unit; or a band of two bounds. The per-year
 * prefixes around conditions are target-years.ts; the words themselves target-words.ts.
 */

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
/** `entro (il)`, `entro e non oltre il`, `non oltre il`: a deadline, or at most a number of days. */
const DEADLINE_WORD = /^(?:entro(?:\s+e\s+non\s+oltre)?|non\s+oltre)(?![\p{L}])(?:\s+(?:(?:il|la\s+data\s+del|la|lo)(?![\p{L}])|l['’]))?\s*/iu;

/** `tra 70% e 90%`, `tra il 70% e il 90%`, `compreso tra 70 e 90`, `fra 1 e 3 giorni`. */
const RANGE_BETWEEN = /^(?:compres[oia]\s+)?(?:tra|fra)\s+(?:il\s+|l['’]\s*)?(.+?)\s+e\s+(?:il\s+|l['’]\s*)?(.+)$/iu;
/** `da 70% a 90%`, `dal 70% al 90%`, `dall'80% al 95%`. */
const RANGE_FROM = /^da(?:l|ll['’])?\s*(.+?)(?:\s+(?:a|al)\s+|\s+all['’]\s*)(.+)$/iu;
/** `70 - 90`, `70% – 90%`, `01/01/2026 – 30/06/2026`: a dash with spaces around it. */
const RANGE_SPACED = /^(.+?)\s+[-–—÷]\s+(.+)$/u;
/** `70%-90%`, `10-20 gg.`: numbers joined by a dash (a reversed pair is not read as a band). */
const RANGE_TIGHT = /^([+\-\u2212]?\d[\d.,]*\s*%?)[-–—÷](\d.*)$/u;
/** Any character a plain number (`+1.500,5 %`) does not have. */
const NOT_NUMERIC = /[^\d\s.,%+\-\u2212]/;
/** `95 per cento` is `95%`. */
const PER_CENT = /^(?:per\s*cento|percento)$/i;

/**
 * Longest condition read for bands and trailing operator words: real ones are a few words, and
 * their patterns, tried on a pasted page full of spaces, would take quadratic time.
 */
const MAX_WORDED = 200;

/** What a condition's text is read against. */
interface ConditionContext {
  /** The year that completes a partial date, `null` when none is known. */
  readonly year: number | null;
  readonly bareIsPercent: boolean;
}

/** Parses one condition in `text` from `from` to the end; positions in errors refer to `text`. */
export function parseConditionAt(text: string, from: number, ctx: ConditionContext): Result<Condition> {
  const body = text.slice(from);
  const lead = firstNonSpace(body, 0);
  const s = body.slice(lead).trimEnd();
  const pos = from + lead + 1;

  let op: Op | null = null;
  let rest = s;
  let afterEntro = false;
  const deadline = DEADLINE_WORD.exec(s);
  const run = deadline ? null : OPERATOR_RUN.exec(s);
  const words = deadline || run ? null : operatorWords(s);
  if (deadline) {
    op = "<=";
    afterEntro = true;
    rest = s.slice(deadline[0].length);
  } else if (run) {
    op = OPERATORS.get(run[0]) ?? null;
    if (op === null) return kpiError("UNKNOWN_OPERATOR", { op: run[0], pos });
    rest = s.slice(run[0].length);
  } else if (words) {
    op = words.op;
    rest = s.slice(words.length);
  }
  // `10 o più`: the operator written after the number (before `o più` could pass for a unit).
  const worded = s.length <= MAX_WORDED;
  const trailing = op === null && worded ? trailingOperatorWords(s) : null;
  if (trailing) {
    op = trailing.op;
    rest = trailing.operand;
  }
  const operand = readOperand(rest.trim(), ctx, afterEntro);
  if (op === null && worded && (operand === null || isKpiError(operand))) {
    // No operator and no plain operand: a band, or nothing this grammar reads.
    const band = readBand(s, pos, ctx);
    if (band !== null) return band;
  }
  if (operand === null) return kpiError("NOT_A_TARGET", { text: s, pos });
  if (isKpiError(operand)) return operand.code === "DATE_NEEDS_YEAR" ? kpiError("DATE_NEEDS_YEAR", { text: rest.trim(), pos }) : operand;
  if (operand.unit === "boolean") {
    // `SI` is met by done and only by done: `>= SI` says nothing more, `< SI` makes no sense.
    if (op !== null && op !== "=") return kpiError("NOT_A_TARGET", { text: s, pos });
    return { op: "=", value: operand.value, unit: "boolean" };
  }
  // A bare date is a deadline, a bare number a floor: how the plans' own tables read.
  return withMeasure({ op: op ?? (operand.unit === "date" ? "<=" : ">="), value: operand.value, unit: operand.unit }, operand.measure);
}

interface Operand {
  readonly value: number;
  readonly unit: Unit;
  readonly measure?: string;
}

/** A yes/no, a date, or a number with its unit; `null` when the text is none of them. */
function readOperand(s: string, ctx: ConditionContext, afterEntro: boolean): Result<Operand> | null {
  if (s === "") return null;
  const done = yesNo(s);
  if (done !== null) return { value: done, unit: "boolean" };
  // Dates in words or without a year need a letter or a slash, or `entro` before them (`entro 2026`).
  const date = parseDateText(s) ?? (afterEntro || NOT_NUMERIC.test(s) ? parseDateWords(s, ctx.year, afterEntro) : null);
  if (date !== null) return isKpiError(date) ? date : { value: date, unit: "date" };
  const q = parseQuantityText(s);
  if (q === null || isKpiError(q)) return null;
  if (q.measure !== undefined && PER_CENT.test(q.measure)) return { value: q.value, unit: "percent" };
  const unit: Unit = q.percent || (ctx.bareIsPercent && q.measure === undefined) ? "percent" : "number";
  return q.measure === undefined ? { value: q.value, unit } : { value: q.value, unit, measure: q.measure };
}

/**
 * A band of two bounds: `tra 70% e 90%`, `da 70% a 90%`, `70% – 90%`, `70%-90%`. A `%` on either
 * bound makes both percentages (`70-90%`). `null` when the text is not a band; a `BAD_RANGE`
 * error when it is one whose lower bound is above the upper (except `31-12`, which is not a band).
 */
function readBand(s: string, pos: number, ctx: ConditionContext): Result<Condition> | null {
  const worded = RANGE_BETWEEN.exec(s) ?? RANGE_FROM.exec(s) ?? RANGE_SPACED.exec(s);
  const m = worded ?? RANGE_TIGHT.exec(s);
  if (!m) return null;
  const a = readOperand(m[1].trim(), ctx, false);
  const b = readOperand(m[2].trim(), ctx, false);
  if (a === null || b === null) return null;
  if (isKpiError(a)) return worded ? a : null;
  if (isKpiError(b)) return worded ? b : null;
  if (a.unit === "boolean" || b.unit === "boolean" || (a.unit === "date") !== (b.unit === "date")) return null;
  const unit: Unit = a.unit === "date" ? "date" : a.unit === "percent" || b.unit === "percent" ? "percent" : "number";
  if (a.value > b.value) {
    return worded ? kpiError("BAD_RANGE", { text: s, pos, lower: formatOperand(a.value, unit), upper: formatOperand(b.value, unit) }) : null;
  }
  return withMeasure({ op: "between", value: a.value, upper: b.value, unit }, b.measure ?? a.measure);
}

function withMeasure(c: Condition, measure: string | undefined): Condition {
  return measure === undefined ? c : { ...c, measure };
}

export function firstNonSpace(s: string, from: number): number {
  const m = /\S/.exec(s.slice(from));
  return m ? from + m.index : from;
}

/** An operand written back as the plans write it: a date `dd/mm/yyyy`, a number with Italian separators, `%`. */
export function formatOperand(value: number, unit: Unit): string {
  if (unit === "date") return serialToItalian(value);
  return `${formatNumberIt(value)}${unit === "percent" ? "%" : ""}`;
}
