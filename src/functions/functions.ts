/**
 * The KPI.* custom functions. The JSDoc below is the source of functions.json (generated at
 * build time by custom-functions-metadata-plugin, which also appends the
 * `CustomFunctions.associate` calls); the Italian names live in ./i18n/it.json.
 *
 * Each function is one line: coerce the Excel arguments (./coerce.ts), call the engine
 * (src/core), and let `run` (./excel-errors.ts) turn engine errors into Excel errors.
 * To add a function: write it here with its JSDoc, add its Italian entry to ./i18n/it.json
 * (the build fails otherwise), and add a spec under tests/functions/.
 *
 * Parameter types stay `number`, `boolean`, `any` and `any[][]`: the metadata generator turns
 * anything richer into `any`, and `any` is what lets Italian text ("1.234,5") reach the engine.
 * Excel hands plain values (no number formats): KPI.PERCENT_POINTS is the one function that
 * reads a cell's format, on request (./number-format.ts).
 */
import { achievement, isMet, sharePct, trendPct, trendRatio, weightedScore } from "../core";
import { amount, condition, matrix, measuredAgainst, weightCheck } from "./coerce";
import { atRiskText } from "./monitoring";
import { run } from "./excel-errors";
import { excelFormatReader, percentPoints } from "./number-format";
import { rollupOf } from "./rollup";

/**
 * Percentage change from the previous value to the current one: (current - previous) / previous * 100.
 * @customfunction TREND_PCT
 * @param current The value of this period (a number or text such as "1.234,5").
 * @param previous The value of the previous period; 0 gives #DIV/0!.
 * @returns The change in percentage points, e.g. 10 for a rise from 600 to 660.
 */
export function TREND_PCT(current: any, previous: any): number {
  return run(() => trendPct(amount(current), amount(previous)));
}

/**
 * Ratio of the current value to the previous one: current / previous.
 * @customfunction TREND_RATIO
 * @param current The value of this period (a number or text such as "1.234,5").
 * @param previous The value of the previous period; 0 gives #DIV/0!.
 * @returns The ratio, e.g. 1.5 for 12 against 8.
 */
export function TREND_RATIO(current: any, previous: any): number {
  return run(() => trendRatio(amount(current), amount(previous)));
}

/**
 * A part as a percentage of a total: part / total * 100.
 * @customfunction SHARE_PCT
 * @param part The part (a number or text such as "1.234,5").
 * @param total The total; 0 gives #DIV/0!.
 * @returns The share in percentage points, e.g. 25 for 40 out of 160.
 */
export function SHARE_PCT(part: any, total: any): number {
  return run(() => sharePct(amount(part), amount(total)));
}

/**
 * Weighted mean of scores: sum(score * weight) / sum(weight). Scores written as "---" are skipped together with their weights.
 * @customfunction WEIGHTED_SCORE
 * @param scores The range of scores (e.g. achievements from 0 to 100).
 * @param weights The range of weights, the same size as the scores.
 * @returns The weighted score; #VALUE! when the ranges differ in size, #DIV/0! when no score has a weight.
 */
export function WEIGHTED_SCORE(scores: any[][], weights: any[][]): number {
  return run(() => weightedScore(matrix(scores), matrix(weights)));
}

/**
 * TRUE when the weights add up to 100 (within 0.01) or, written as fractions, to 1 (within 0.0001). Empty cells are ignored.
 * @customfunction WEIGHTS_OK
 * @param weights The range of weights of one group (e.g. the indicators of one objective).
 * @returns TRUE or FALSE; #VALUE! when a weight is not a number.
 */
export function WEIGHTS_OK(weights: any[][]): boolean {
  return run(() => weightCheck(weights).ok);
}

/**
 * TRUE when a value meets its target, such as ">= 15%", "<= 31/12/2021" or "Anno: 2021 >= 10 Anno: 2022 >= 12".
 * @customfunction TARGET_MET
 * @param value The measured value (for a deadline, the date it was done).
 * @param target The target as written in the plan.
 * @param [year] The year to use when the target has one value per year.
 * @returns TRUE or FALSE; #N/A when there is no target.
 */
export function TARGET_MET(value: any, target: any, year?: number): boolean {
  return run(() => isMet(...measuredAgainst(value, target, year)));
}

/**
 * Degree of achievement of a target, from 0 to 100: 100 when met, otherwise value/target (or target/value when lower is better).
 * @customfunction ACHIEVEMENT
 * @param value The measured value (for a deadline, the date it was done).
 * @param target The target as written in the plan.
 * @param [year] The year to use when the target has one value per year.
 * @returns The achievement from 0 to 100 at full precision; #N/A when there is no target.
 */
export function ACHIEVEMENT(value: any, target: any, year?: number): number {
  return run(() => achievement(...measuredAgainst(value, target, year)));
}

/**
 * Status of a KPI at an intermediate monitoring date: "in linea", "a rischio" or "non raggiungibile". A count or amount with a >= target is compared with the target pro rata of the elapsed year (linear rule: target × elapsed days / days in the year); a deadline with the date; anything else with the target itself.
 * @customfunction AT_RISK
 * @param value The value at the date (for a deadline, the date it was done; blank = not done yet).
 * @param target The target as written in the plan, e.g. ">= 200" or "<= 30/09/2026".
 * @param date The monitoring date, e.g. 30/06/2026 (a date or text).
 * @param [rule] "lineare" (default: pro rata of the elapsed days) or "nessuno" (no share expected).
 * @returns "in linea", "a rischio" or "non raggiungibile"; #N/A when there is no target.
 */
export function AT_RISK(value: any, target: any, date: any, rule?: any): string {
  return run(() => atRiskText(value, target, date, rule));
}

/**
 * The threshold of a target: 15 for ">= 15%", a date (as an Excel date number) for a deadline.
 * @customfunction TARGET_VALUE
 * @param target The target as written in the plan.
 * @param [year] The year to use when the target has one value per year.
 * @returns The threshold; #N/A when there is no target.
 */
export function TARGET_VALUE(target: any, year?: number): number {
  return run(() => condition(target, year).value);
}

/**
 * Reads a number written as text the Italian way ("1.234,5", "+15%") or the plain way ("1234.5").
 * @customfunction PARSE_NUMBER
 * @param text The text to read, e.g. a figure pasted from a PDF.
 * @returns The number ("15%" gives 15); #N/A for "---" or "n.d.".
 */
export function PARSE_NUMBER(text: any): number {
  return run(() => amount(text));
}

/**
 * Performance of a node of the plan: the weighted mean of its KPIs' achievements (each capped at 100); a code without rows of its own (an area) is the mean of the codes below it.
 * @customfunction ROLLUP
 * @param codes The Codice column: the objective or action each row belongs to (blank = the code above).
 * @param achievements The achievements of the rows, from 0 to 100; blank or "---" is a missing value.
 * @param weights The weights of the rows; a row without a weight is not a KPI.
 * @param code The node to compute, e.g. "B.1.2" or "B".
 * @param [algorithms] The Algoritmo column: rows reading "Media ponderata ..." take the performance of the codes below their own.
 * @param [missing] "skip" (default: missing values are left out and the weights renormalised) or "zero".
 * @returns The performance from 0 to 100; #N/A when nothing under the code has data.
 */
export function ROLLUP(codes: any[][], achievements: any[][], weights: any[][], code: any, algorithms?: any[][], missing?: any): number {
  return run(() => rollupOf(codes, achievements, weights, code, algorithms, missing));
}

/**
 * A cell's number as the percentage it shows: 16 for a cell holding 0.16 formatted as 16%; any other number or text as the other KPI functions read it. Use it around a cell, e.g. KPI.TARGET_MET(KPI.PERCENT_POINTS(H2), G2).
 * @customfunction PERCENT_POINTS
 * @param value A cell holding the value, e.g. H2 (its number format is read from Excel).
 * @param invocation Given by Excel: the cell's address.
 * @requiresParameterAddresses
 * @returns The value in percentage points when the cell shows a percentage, otherwise the value; #VALUE! on an Excel without parameter addresses.
 */
export async function PERCENT_POINTS(value: any, invocation: CustomFunctions.Invocation): Promise<number> {
  return percentPoints(value, invocation, excelFormatReader);
}
