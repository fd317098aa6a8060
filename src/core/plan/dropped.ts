/**
 * Whether the import left part of the plan out: the problems that mean a table or a row was
 * not read, on which `kpi import` exits 1 even if the rest reads.
 */
import type { ParsedPlan } from "../types";

/** Problems that mean a table or a row of the plan was not read. */
const DROPPING: ReadonlySet<string> = new Set([
  "PLAN_EMPTY",
  "PLAN_TABLE_NO_OWNER",
  "PLAN_TABLE_AFTER_BAD_HEADING",
  "PLAN_TABLE_HEADER",
  "PLAN_ROW_CELLS",
  "PLAN_ROW_OUTSIDE_TABLE",
]);

/**
 * True when the parser left out a table or a row of the plan (a table without a valid
 * heading or with an unknown header, a row with the wrong number of cells, a row outside
 * any table): the import is incomplete even if the rest reads.
 * @example planDropped(parsePlan("Obiettivo operativo 1.1\nIndicatore\tTarget\nK\t>= 1")) // true
 */
export function planDropped(plan: ParsedPlan): boolean {
  return plan.problems.some((p) => DROPPING.has(p.code));
}
