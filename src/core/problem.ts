/**
 * A problem the engine found: a catalogue code with its parameters, a severity and where it
 * is. It holds no text: adapters render it with `describe` (./messages) in the user's
 * language, so the analysis runs once whatever language it is shown in.
 */
import { errorRef, type KpiError } from "./errors";
import type { MessageCode, MessageParams } from "./messages";

export interface Problem {
  readonly severity: "error" | "warning";
  readonly code: MessageCode;
  readonly params: MessageParams;
  /** Plan text: 1-based line. */
  readonly line?: number;
  /** Workbook: sheet name and A1 cell (or range). */
  readonly sheet?: string;
  readonly cell?: string;
}

/** Where a problem is: a plan line, or a sheet and a cell. */
export interface ProblemPlace {
  readonly line?: number;
  readonly sheet?: string;
  readonly cell?: string;
}

/**
 * The one constructor of problems.
 * @example problem("warning", "TARGET_BLANK", {}, { sheet: "A", cell: "E5" })
 *   // { severity: "warning", code: "TARGET_BLANK", params: {}, sheet: "A", cell: "E5" }
 */
export function problem(severity: Problem["severity"], code: MessageCode, params: MessageParams = {}, place: ProblemPlace = {}): Problem {
  const p: { -readonly [K in keyof Problem]: Problem[K] } = { severity, code, params };
  if (place.line !== undefined) p.line = place.line;
  if (place.sheet !== undefined) p.sheet = place.sheet;
  if (place.cell !== undefined) p.cell = place.cell;
  return p;
}

/**
 * An engine error (an unreadable target, value or weight) as an error-level problem.
 * @example errorProblem(kpiError("VALUE_NOT_NUMBER", { text: "dieci" }), { sheet: "A", cell: "F5" }).code // "VALUE_NOT_NUMBER"
 */
export function errorProblem(error: KpiError, place: ProblemPlace = {}): Problem {
  const ref = errorRef(error);
  return problem("error", ref.code, ref.params, place);
}
