import { describe, type Lang, type ParsedPlan, type TargetEntry, type Unit } from "../../core";
import { CLI_TEXT } from "../i18n";
import { conditionJson } from "./json";
import { problemLines } from "./problem-lines";

/** What `kpi import` prints: the plan read, as a short summary or as a JSON document. */

function targetEntryJson(e: TargetEntry): { year: number | null; op: string | null; value: number | string | null; unit: Unit | null } {
  if (!e.condition) return { year: e.year, op: null, value: null, unit: null };
  return { year: e.year, ...conditionJson(e.condition) };
}

/**
 * The `kpi import --json` document:
 * `{nodes: [{code, kind, title, parent, units}], kpis: [{owner, indicator, algorithm,
 * algorithmKind, weight, baseline, target, targets: [{year, op, value, unit}]}], problems:
 * [{severity, code, line, message}], years}`. A year without a target (`Anno: 2023 ---`) is
 * an entry with `op`, `value` and `unit` null.
 * @example planJson(parsePlan(text), "it").years // [2021, 2022, 2023]
 */
export function planJson(plan: ParsedPlan, lang: Lang): unknown {
  return {
    nodes: plan.nodes.map((n) => ({ code: n.code, kind: n.kind, title: n.title, parent: n.parent, units: [...n.units] })),
    kpis: plan.kpis.map((k) => ({
      owner: k.owner,
      indicator: k.indicator,
      algorithm: k.algorithm,
      algorithmKind: k.algorithmKind,
      weight: k.weight,
      baseline: k.baseline,
      target: k.target,
      targets: k.targets.map(targetEntryJson),
    })),
    problems: plan.problems.map((p) => ({ severity: p.severity, code: p.code, line: p.line ?? null, message: describe(p, lang) })),
    years: plan.years,
  };
}

/**
 * The readable summary of `kpi import`: counts, years and every problem with its line.
 * @example planText(parsePlan(text), "en").split("\n")[0] // "Plan read: 57 nodes, 93 KPIs, 0 problems."
 */
export function planText(plan: ParsedPlan, lang: Lang): string {
  const t = CLI_TEXT[lang];
  const counts: Record<string, number> = {};
  for (const n of plan.nodes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  const out = [t.imported(plan.nodes.length, plan.kpis.length, plan.problems.length), t.nodeCounts(counts), t.planYears(plan.years)];
  out.push(...problemLines(plan.problems, (p) => t.line(p.line), 10, lang));
  return out.join("\n") + "\n";
}
