/**
 * Turns what Excel hands a custom function into what the engine expects.
 *
 * What arrives: numbers; text, often written the Italian way ("1.234,5", "15%", "31/12/2021");
 * booleans; blanks, as 0 on Excel desktop and as null on the web; `null` for an omitted
 * optional argument; ranges as 2-D arrays. Because desktop cannot tell a blank from 0, a blank
 * counts as 0 everywhere (as in Excel's own `=A1/B1`), except where 0 cannot be meant (a year,
 * a completion date). Text meaning "no value" (`---`, `n.d.`) gives #N/A.
 *
 * The helpers raise (see excel-errors.ts) instead of returning errors, so that each function
 * in functions.ts stays one line of logic.
 */
import {
  checkWeights,
  conditionForYear,
  isKpiError,
  isPercentFormat,
  kpiError,
  parseDateText,
  parseNumber,
  readYesNo,
  type CellValue,
  type Condition,
  type WeightCheck,
} from "../core";
import { orRaise, raise } from "./excel-errors";
import { cachedTarget } from "./target-cache";

/**
 * One cell's value. Excel hands plain values only: the metadata does not ask for data-type
 * cell values (`allowCustomDataForDataTypeAny` is taken out at build time), so an object or
 * an array where one cell is expected is an argument error.
 * @example cell("2,5") // "2,5"
 * @example cell(undefined) // null
 */
export function cell(x: unknown): CellValue {
  if (x === undefined || x === null) return null;
  if (typeof x === "number" || typeof x === "string" || typeof x === "boolean") return x;
  const detail = Array.isArray(x) ? "a range where one cell is expected" : "not a cell value";
  return raise(kpiError("BAD_ARGUMENT", { detail }));
}


/**
 * A number for a calculation: Italian text is read, a blank is 0, `---` is #N/A, TRUE/FALSE
 * and other text are #VALUE!.
 * @example amount("1.500,5") // 1500.5
 * @example amount(null)      // 0
 */
export function amount(x: unknown): number {
  const v = cell(x);
  if (v === null) return 0;
  const n = orRaise(parseNumber(v));
  return n ?? raise(kpiError("NO_VALUE"));
}

/**
 * A range as rows of cells. A single value (a constant typed in the formula) is a 1x1 range.
 * @example matrix([[1, "2,5"], [null, 3]]) // [[1, "2,5"], [null, 3]]
 */
export function matrix(x: unknown): CellValue[][] {
  if (!Array.isArray(x)) return [[cell(x)]];
  return x.map((row: unknown) => (Array.isArray(row) ? row.map(cell) : [cell(row)]));
}

/**
 * The optional year: omitted, blank (0) or empty means "no year".
 * @example year(null)   // null
 * @example year(2022)   // 2022
 * @example year("2022") // 2022
 */
export function year(x: unknown): number | null {
  const v = cell(x);
  if (v === null || v === 0 || (typeof v === "string" && v.trim() === "")) return null;
  const n = typeof v === "string" ? Number(v.trim()) : v;
  if (typeof n === "number" && Number.isInteger(n) && n >= 1900 && n <= 9999) return n;
  return raise(kpiError("NOT_A_YEAR", { text: String(v).trim() }));
}

/**
 * The condition a target sets for a year (or for every year when `y` is omitted).
 * @example condition("Anno: 2021 >= +15% Anno: 2022 >= +10%", 2022) // { op: ">=", value: 10, unit: "percent" }
 */
export function condition(target: unknown, y: unknown): Condition {
  return orRaise(conditionForYear(orRaise(cachedTarget(cell(target))), year(y)));
}

/**
 * The measured value to compare with a condition. Excel hands a number without its format,
 * so 0.16 from a cell showing 16% is 0.16 percentage points: write 16 or "16%", or wrap the
 * cell in KPI.PERCENT_POINTS, which reads the format (see ./number-format.ts). `format`, when
 * known, is the value cell's number format: a percentage format makes a number count as the
 * percentage it shows against a % target.
 * For a deadline the value is a date: an Excel date (a serial number) or text such as
 * "30/06/2021"; a blank means "not done yet" and gives #N/A rather than the date 0.
 * For a `SI`/`NO` target the value is done (1) or not done (0): see `readYesNo`.
 * @example measured("16%", { op: ">=", value: 15, unit: "percent" }) // 16
 * @example measured(0.16, { op: ">=", value: 15, unit: "percent" }, "0%") // 16
 * @example measured("Sì", { op: "=", value: 1, unit: "boolean" }) // 1
 */
export function measured(value: unknown, c: Condition, format?: string | null): number {
  const v = cell(value);
  // A % target is in percentage points; a cell showing 16% holds 0.16.
  if (c.unit === "percent" && typeof v === "number" && isPercentFormat(format)) return v * 100;
  // A SI/NO target: TRUE, 1, "SI", "Sì" are done; a blank counts as 0 (not done), as elsewhere.
  if (c.unit === "boolean") return v === null ? 0 : (orRaise(readYesNo(v)) ?? raise(kpiError("NO_VALUE")));
  if (c.unit !== "date") return amount(v);
  if (v === null || v === 0) return raise(kpiError("NO_VALUE"));
  if (typeof v === "string") {
    const serial = parseDateText(v);
    if (serial !== null) return orRaise(serial);
    const n = parseNumber(v);
    if (n === null) return raise(kpiError("NO_VALUE"));
    if (isKpiError(n)) return raise(kpiError("DATE_VALUE_REQUIRED"));
    return n;
  }
  return amount(v);
}

/**
 * A value and the condition it is measured against, ready to spread into `isMet`/`achievement`.
 * @example isMet(...measuredAgainst(16, ">= 15%", null)) // true
 */
export function measuredAgainst(value: unknown, target: unknown, y: unknown): [number, Condition] {
  const c = condition(target, y);
  return [measured(value, c), c];
}

/**
 * Checks a range of weights. Blank cells and `---` are not weights (a range may run past the
 * last row); a weight that is not a number is #VALUE! with its text, because "the weights do
 * not add up" would hide the real problem. A negative weight makes the check fail.
 * @example weightCheck([[50], ["33,33"], [16.67], [null]]).ok // true
 */
export function weightCheck(x: unknown): WeightCheck {
  const weights = matrix(x)
    .flat()
    .filter((v) => parseNumber(v) !== null);
  const check = checkWeights(weights);
  const unreadable = check.errors.find((e) => e.error.code === "WEIGHT_NOT_NUMBER");
  return unreadable ? raise(unreadable.error) : check;
}
