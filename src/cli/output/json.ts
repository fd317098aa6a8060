import { type Condition, serialToIso, type Unit } from "../../core";

/**
 * What the JSON outputs of `kpi check` and `kpi import` share: how a target's number, date or
 * percentage is written.
 */

/**
 * A number or date as the JSON outputs write it: dates `yyyy-mm-dd`, percentages the number before `%`.
 * @example jsonValue(44561, "date") // "2021-12-31"
 */
export function jsonValue(value: number, unit: Unit): number | string {
  return unit === "date" ? serialToIso(value) : value;
}

/**
 * `{op, value, unit}` of a condition for JSON.
 * @example conditionJson({ op: ">=", value: 15, unit: "percent" }) // { op: ">=", value: 15, unit: "percent" }
 */
export function conditionJson(c: Condition): { op: string; value: number | string; unit: Unit } {
  return { op: c.op, value: jsonValue(c.value, c.unit), unit: c.unit };
}
