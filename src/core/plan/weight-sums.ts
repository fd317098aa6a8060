/**
 * The plan's weight check: the KPIs of one owner, across its tables, must add up to 100
 * (or 1). A KPI with a blank or unreadable weight was reported on its own row already.
 */
import { problem, type Problem } from "../problem";
import type { PlanKpi } from "../types";
import { checkWeights, weightsSumRef } from "../weights";

/**
 * One warning per owner whose weights miss their total, at the owner's first KPI row.
 * @example ownerWeightProblems(plan.kpis) // [PLAN_WEIGHTS_SUM for an owner at 60 + 45]
 */
export function ownerWeightProblems(kpis: readonly PlanKpi[]): Problem[] {
  const byOwner = new Map<string, PlanKpi[]>();
  for (const k of kpis) byOwner.set(k.owner, [...(byOwner.get(k.owner) ?? []), k]);
  const out: Problem[] = [];
  for (const [owner, rows] of byOwner) {
    if (rows.some((k) => k.weight === null)) continue; // already reported row by row, or no weights
    const check = checkWeights(rows.map((k) => k.weight));
    if (check.ok) continue;
    const detail = weightsSumRef(round(check.sum), check.expected, round(check.difference));
    out.push(problem("warning", "PLAN_WEIGHTS_SUM", { owner, detail }, { line: rows[0].line }));
  }
  return out;
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
