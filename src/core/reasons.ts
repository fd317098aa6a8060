/**
 * Deviation reasons (`Motivazione scostamento`): the Relazione sulla performance must say
 * why every target that was missed was missed, and the OIV checks that it does. Which KPIs
 * need a reason is decided here, in one place, so that Validate, the report and the pane
 * agree.
 */
import type { KpiResult, KpiStatus } from "./types";

/**
 * True when a KPI with this status needs a written reason: a target not met at year end, and
 * at a monitoring date one at risk or no longer reachable (the office explains a deviation
 * as soon as it sees it). A KPI on track, or with a missing value, no target or an
 * unreadable cell (other problems, listed first), needs none.
 * @example needsReason("unmet")    // true
 * @example needsReason("at_risk")  // true
 * @example needsReason("on_track") // false
 */
export function needsReason(status: KpiStatus): boolean {
  return status === "unmet" || status === "at_risk" || status === "unreachable";
}

/**
 * True when a KPI needs a reason and its row has none (blank cell, or no reason column).
 * @example missingReason({ ...kpi, status: "unmet", reason: null }) // true
 */
export function missingReason(k: Pick<KpiResult, "status" | "reason">): boolean {
  return needsReason(k.status) && (k.reason == null || k.reason.trim() === "");
}
