/**
 * Deviation reasons (`Motivazione scostamento`): the Relazione sulla performance must say
 * why every target that was missed was missed, and the OIV checks that it does. Which KPIs
 * need a reason is decided here, in one place, so that Validate, the report and the pane
 * agree.
 */
import type { KpiResult, KpiStatus } from "./types";

/**
 * True when a KPI with this status needs a written reason: a target not met. A KPI with a
 * missing value, no target or an unreadable cell has other problems listed first.
 * @example needsReason("unmet") // true
 * @example needsReason("met")   // false
 */
export function needsReason(status: KpiStatus): boolean {
  return status === "unmet";
}

/**
 * True when a KPI needs a reason and its row has none (blank cell, or no reason column).
 * @example missingReason({ ...kpi, status: "unmet", reason: null }) // true
 */
export function missingReason(k: Pick<KpiResult, "status" | "reason">): boolean {
  return needsReason(k.status) && (k.reason == null || k.reason.trim() === "");
}
