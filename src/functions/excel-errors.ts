/**
 * The boundary between engine errors (values) and Excel errors (thrown `CustomFunctions.Error`).
 * Every custom function body runs inside `run`, so that a `KpiError` result, a coercion that
 * was rejected, a non-finite number or an unexpected exception all reach Excel as one of its
 * own errors (with a message where Excel allows one), never as NaN, Infinity or a plain `Error`.
 */
import { isKpiError, kpiError, type ExcelErrorKind, type KpiError, type Lang, type MessageCode, type Result } from "../core";

/**
 * Thrown by the coercion helpers (src/functions/coerce.ts) to abandon a calculation;
 * `run` catches it. Adapter-internal: it never leaves this folder.
 */
export class Rejected {
  constructor(readonly error: KpiError) {}
}

/** Abandons the current calculation with an engine error. */
export function raise(error: KpiError): never {
  throw new Rejected(error);
}

/** Unwraps a core result, raising its error. */
export function orRaise<T>(result: Result<T>): T {
  if (isKpiError(result)) raise(result);
  return result;
}

/**
 * Codes whose Excel error the adapter decides: `NO_VALUE` ("---" where a number is needed) is
 * "not available", like NA(), although errors.ts does not list it.
 */
const ADAPTER_KIND: Readonly<Partial<Record<MessageCode, ExcelErrorKind>>> = { NO_VALUE: "NA" };

/**
 * The Excel error for an engine error. Excel shows a custom message only with #VALUE! and
 * #N/A, so #DIV/0! and #NUM! carry none.
 * @example toExcelError(kpiError("DIV_ZERO")).code // CustomFunctions.ErrorCode.divisionByZero ("#DIV/0!")
 */
export function toExcelError(error: KpiError, lang: Lang = displayLanguage()): CustomFunctions.Error {
  const message = error.message[lang];
  switch (ADAPTER_KIND[error.code] ?? error.excel) {
    case "DIV0":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.divisionByZero);
    case "NUM":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidNumber);
    case "NA":
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.notAvailable, message);
    case "VALUE":
    default:
      return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
  }
}

/**
 * Runs a custom function's body and hands Excel either a plain result or a thrown
 * `CustomFunctions.Error`.
 * @example run(() => trendPct(110, 100)) // 10
 * @example run(() => trendPct(1, 0))     // throws CustomFunctions.Error #DIV/0!
 */
export function run<T>(body: () => Result<T>): T {
  let result: Result<T>;
  try {
    result = body();
  } catch (e) {
    if (e instanceof Rejected) throw toExcelError(e.error);
    throw toExcelError(kpiError("UNEXPECTED", { detail: e instanceof Error ? e.message : String(e) }));
  }
  if (isKpiError(result)) throw toExcelError(result);
  if (typeof result === "number" && !Number.isFinite(result)) throw toExcelError(kpiError("NOT_FINITE"));
  return result;
}

/**
 * The language of Excel's user interface, which also decides the functions' names
 * (functions-it.json): messages follow it. Outside Office (tests, CLI) it is English.
 */
export function displayLanguage(): Lang {
  try {
    const lang = typeof Office === "undefined" ? undefined : Office.context?.displayLanguage;
    return typeof lang === "string" && lang.toLowerCase().startsWith("it") ? "it" : "en";
  } catch {
    return "en";
  }
}
