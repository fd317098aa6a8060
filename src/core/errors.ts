import type { Lang, MessageRef } from "./messages";
import { ERROR_MESSAGES, type ErrorCode } from "./messages/errors";
import { fillTemplate } from "./messages/template";

/**
 * The spreadsheet error an engine error becomes at the Excel boundary. Only `VALUE` and
 * `NA` carry a custom message in Excel; the others show the bare error.
 */
export type ExcelErrorKind = "VALUE" | "NA" | "DIV0" | "NUM";

const EXCEL_KIND: Readonly<Partial<Record<ErrorCode, ExcelErrorKind>>> = {
  DIV_ZERO: "DIV0",
  NO_TARGET: "NA",
  NO_TARGET_FOR_YEAR: "NA",
  NO_VALUE: "NA",
  NO_SCORES: "DIV0",
  NOT_FINITE: "NUM",
};

/**
 * An engine error, returned as a value, never thrown. It carries both languages so that
 * the same result can be shown in an Italian pane and an English CLI: the custom functions
 * cache one error for every Excel language, and keeping the two texts here costs the
 * functions bundle nothing (it carries the catalogue anyway, through `kpiError`).
 */
export interface KpiError {
  readonly kind: "KpiError";
  readonly code: ErrorCode;
  readonly excel: ExcelErrorKind;
  readonly message: { readonly it: string; readonly en: string };
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Builds an engine error from the catalogue.
 * @example kpiError("DUPLICATE_YEAR", { year: 2021 }).message.en
 *   // "The year 2021 appears twice in the target."
 */
export function kpiError(
  code: ErrorCode,
  params: Readonly<Record<string, string | number>> = {},
): KpiError {
  const shown = quotable(params);
  return {
    kind: "KpiError",
    code,
    excel: EXCEL_KIND[code] ?? "VALUE",
    message: { it: fill(ERROR_MESSAGES[code].it, shown), en: fill(ERROR_MESSAGES[code].en, shown) },
    params,
  };
}

function fill(template: string, params: Readonly<Record<string, string | number>>): string {
  return fillTemplate(template, params, String, (p) => (typeof p === "number" ? p : null));
}

/** Longest text quoted in a message: a pasted paragraph must not become a 10,000-character error. */
const MAX_QUOTE = 60;

function quotable(params: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === "string" && v.length > MAX_QUOTE ? `${v.slice(0, MAX_QUOTE - 1)}…` : v;
  }
  return out;
}

/**
 * True for engine errors. Checks a tag rather than `instanceof` so that it also holds
 * for values that crossed between the custom-functions runtime and the task pane.
 */
export function isKpiError(x: unknown): x is KpiError {
  return typeof x === "object" && x !== null && (x as { kind?: unknown }).kind === "KpiError";
}

/**
 * An error as a message reference, for a problem or a message that quotes it: long texts
 * are shortened as in the error's own message.
 * @example errorRef(kpiError("VALUE_NOT_NUMBER", { text: "dieci" })) // { code: "VALUE_NOT_NUMBER", params: { text: "dieci" } }
 */
export function errorRef(error: KpiError): ErrorRef {
  // Validation shares one error among the rows of the same text: one reference serves them all.
  let ref = REFS.get(error);
  if (ref === undefined) {
    ref = { code: error.code, params: quotable(error.params) };
    REFS.set(error, ref);
  }
  return ref;
}

type ErrorRef = MessageRef & { readonly params: Readonly<Record<string, string | number>> };

const REFS = new WeakMap<KpiError, ErrorRef>();

/** The message of an error in one language. */
export function messageOf(error: KpiError, lang: Lang): string {
  return error.message[lang];
}

/** A computation that either gives a `T` or an engine error. */
export type Result<T> = T | KpiError;
