import { parseDateText, parseDateWords, serialToItalian } from "./dates";
import { isKpiError, kpiError, type KpiError, type Result } from "./errors";
import { formatNumberIt, isNoneText, parseQuantityText } from "./numbers";
import { operatorWords, ORDINAL_SOURCE, ORDINAL_WORDS, ordinalNumber, trailingOperatorWords, yesNo } from "./target-words";
import type { CellValue, Condition, Op, Target, TargetEntry, Unit } from "./types";

/** What the caller knows about where a target cell stands. */
export interface TargetOptions {
  /** A number with neither `%` nor a unit is a percentage: the column header says `Target %`. */
  readonly bareIsPercent?: boolean;
  /** The year that completes a date written without one (`30/06`, `I semestre`, `entro giugno`). */
  readonly year?: number;
  /** The plan's first year: `primo anno` is this year, `secondo anno` the next, and so on. */
  readonly firstYear?: number;
}

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
/** `Target:` before a single condition is a label, not part of it. */
const TARGET_LABEL = /^\s*target\s*:?\s*(?=\S)/i;

/**
 * Where a year's condition starts, in every shape plans write it: `Anno: 2026`, `Anno 2026:`,
 * `2026:`, `Target 2026:`, `Target anno 2026`, `Target primo anno:`, `II anno:`. Groups: 1 the
 * year after `Target`, 2 the digits after `Anno` (checked later: `Anno: 21` is a bad year),
 * 3 a year followed by a colon, 4 an ordinal. `fine anno` and `l'anno` are dates, not marks.
 */
const YEAR_HEAD = new RegExp(
  String.raw`(?:` +
    String.raw`(?<![\p{L}])target\s*:?\s*(?:anno\s*:?\s*)?(\d{4})(?!\d)` +
    // A letter before `anno` makes another word (`danno`), an apostrophe or `fine` a date (`entro l'anno`),
    // a slash a unit (`ore/anno`).
    String.raw`|(?<![\p{L}'’/])(?<!fine\s)(?:target\s*:?\s*)?(?:anno|year)(?![\p{L}])\s*:?\s*(\d*)` +
    String.raw`|(?<=^|[\s;,|(])(\d{4})(?=\s*:)` +
    String.raw`|(?<![\p{L}\d'’])(?:target\s*:?\s*)?(${ORDINAL_SOURCE})\s+anno(?![\p{L}])` +
    String.raw`)\s*:?\s*`,
  "giu",
);
/** Separators people put between per-year conditions; harmless at a segment's end. */
const SEPARATOR_CHARS = new Set([" ", "\t", "\n", "\r", "\v", "\f", "\u2028", "\u2029", ";", ",", "|", "/"]);

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
/** Only texts with one of these can hold a year mark: most targets are looked at once, cheaply. */
const MAY_HAVE_YEAR = /anno|target|year|\d\s*:/i;
/** `95 per cento` is `95%`. */
const PER_CENT = /^(?:per\s*cento|percento)$/i;

/**
 * Longest condition read for bands and trailing operator words: real ones are a few words, and
 * their patterns, tried on a pasted page full of spaces, would take quadratic time.
 */
const MAX_WORDED = 200;

const NO_TARGET: Target = { entries: [{ year: null, condition: null }] };

/** What a condition's text is read against. */
interface ConditionContext {
  /** The year that completes a partial date, `null` when none is known. */
  readonly year: number | null;
  readonly bareIsPercent: boolean;
}

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
  const marks = MAY_HAVE_YEAR.test(text) ? yearMarks(text, start) : [];
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
 * The year marks of a text, in order. `Anno:` with no digits is a mark only at the start
 * (`Anno: Anno:` is a bad year there). An `exec` loop on the one compiled pattern: `matchAll`
 * would copy the pattern on every call, and this runs on every target text.
 */
function yearMarks(text: string, start: number): RegExpExecArray[] {
  const marks: RegExpExecArray[] = [];
  YEAR_HEAD.lastIndex = 0;
  for (let m = YEAR_HEAD.exec(text); m !== null; m = YEAR_HEAD.exec(text)) {
    if (m[2] !== "" || m.index === start) marks.push(m);
  }
  return marks;
}

/** One year's entry: the year from its mark, the condition from the text up to `end`. */
function parseYearSegment(text: string, mark: RegExpExecArray, end: number, options: TargetOptions, bareIsPercent: boolean): Result<TargetEntry> {
  const markAt = mark.index as number;
  const start = markAt + mark[0].length;
  let year: number | null = null;
  let ordinal: number | undefined;
  if (mark[1] !== undefined || mark[3] !== undefined) year = Number(mark[1] ?? mark[3]);
  else if (mark[2] !== undefined) {
    if (mark[2].length !== 4) {
      const shown = mark[2] !== "" ? mark[2] : (text.slice(start, end).trim().split(/\s+/)[0] ?? "");
      const at = mark[2] !== "" ? markAt + mark[0].indexOf(mark[2]) : firstNonSpace(text, start);
      return kpiError("BAD_YEAR", { text: shown, pos: at + 1 });
    }
    year = Number(mark[2]);
  } else {
    const n = ordinalNumber(mark[4]) as number;
    if (options.firstYear !== undefined) year = options.firstYear + n - 1;
    else ordinal = n;
  }
  const segment = text.slice(start, separatorsFrom(text, start, end));
  let condition: Result<Condition> | null = null;
  if (segment.trim() === "") {
    condition = kpiError("TARGET_YEAR_EMPTY", { year: yearLabel({ year, ordinal }), pos: markAt + 1 });
  } else if (!isNoneText(segment)) {
    // A partial date takes the entry's own year; a plan year by place has none yet (not the caller's).
    condition = parseConditionAt(text.slice(0, start + segment.length), start, { year, bareIsPercent });
  }
  return entry(year, ordinal, condition);
}

/** An entry with only the properties it needs (`ordinal` and `error` are absent when unused). */
function entry(year: number | null, ordinal: number | undefined, condition: Result<Condition> | null): TargetEntry {
  const error = condition !== null && isKpiError(condition) ? condition : undefined;
  const c = error === undefined ? (condition as Condition | null) : null;
  if (ordinal === undefined) return error === undefined ? { year, condition: c } : { year, condition: c, error };
  return error === undefined ? { year: null, ordinal, condition: c } : { year: null, ordinal, condition: c, error };
}

/** Where the separators at the end of `text[start, end)` begin (`end` when there are none). */
function separatorsFrom(text: string, start: number, end: number): number {
  let i = end;
  while (i > start && SEPARATOR_CHARS.has(text[i - 1])) i--;
  return i;
}

/** `2026`, or `primo anno` for an ordinal entry, as messages name a year. */
function yearLabel(e: { year: number | null; ordinal?: number }): string {
  if (e.year !== null) return String(e.year);
  return ordinalLabel(e.ordinal ?? 0);
}

function ordinalLabel(n: number): string {
  return `${ORDINAL_WORDS[n - 1] ?? `${n}°`} anno`;
}

/** Parses one condition in `text` from `from` to the end; positions in errors refer to `text`. */
function parseConditionAt(text: string, from: number, ctx: ConditionContext): Result<Condition> {
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

function firstNonSpace(s: string, from: number): number {
  const m = /\S/.exec(s.slice(from));
  return m ? from + m.index : from;
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

function formatOperand(value: number, unit: Unit): string {
  if (unit === "date") return serialToItalian(value);
  return `${formatNumberIt(value)}${unit === "percent" ? "%" : ""}`;
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
