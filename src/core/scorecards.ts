/**
 * Per-unit scorecards: each organisational unit's result for the year, for the individual
 * evaluation of its head. The units come from the plan itself: the `Unità organizzative`
 * of each node of the tree (sheet `Albero`), and a `Struttura responsabile` column where a
 * KPI sheet has one.
 *
 * The rule (the README's "Unit scorecards"):
 * - A unit takes part in a node when the node lists it (with `Risultato unità: capofila`,
 *   only when it is listed first). Plans list a unit on an operational objective and again
 *   on its actions; the objective's result is already the mean of its actions, so a node
 *   counts for a unit only when none of the nodes below it lists that unit (its most
 *   specific mention): nothing is counted twice.
 * - A KPI row whose `Struttura responsabile` names a unit counts for it with the KPI's own
 *   achievement, unless its node already counts for that unit.
 * - The unit's result is the mean of those results with equal weights: the plan's weights
 *   are shares within one parent, and do not compare nodes of different objectives.
 * - A node or KPI without a result (no value for the year) follows `Valori mancanti`: left
 *   out (`ignora`) or counted as 0 (`zero`). A unit with nothing measured has no result.
 */
import { bandOf, completeRules, roundHalfUp } from "./achievement";
import { normaliseUnitCode } from "./plan/units";
import type { RulesRead, UnitRule } from "./rules";
import { normaliseCode, type RollupTreeNode } from "./rollup/rollup";
import type { RollupNode } from "./types";
import { splitUnits } from "./rollup/tree";
import type { Band, KpiResult, MeasurementRules } from "./types";

/** One thing a unit's result is made of: a node of the tree or a KPI row. */
export interface UnitItem {
  /** The node's code, or the KPI's owner code (`null` without one). */
  readonly code: string | null;
  readonly title: string;
  readonly kind: "node" | "kpi";
  /** 0..100, `null` when not measured. */
  readonly achievement: number | null;
  /** For a KPI row: where it is. */
  readonly sheet?: string;
  readonly row?: number;
}

/** One unit's scorecard. */
export interface UnitScore {
  readonly unit: string;
  /** Equal-weight mean of the items' results, 0..100; `null` when nothing was measured. */
  readonly achievement: number | null;
  readonly band: Band | null;
  /** KPIs behind the result: the nodes' own KPIs plus the unit's KPI rows. */
  readonly kpis: number;
  /** Of those, the ones without a value. */
  readonly missing: number;
  /** The nodes and KPI rows counted, in tree order then sheet order. */
  readonly items: readonly UnitItem[];
}

export interface UnitScoresInput {
  /** The tree with its units (`WorkbookRollup.treeNodes`). */
  readonly tree: readonly RollupTreeNode[];
  /** The roll-up's nodes (their results). */
  readonly nodes: readonly RollupNode[];
  /** The year's KPI rows (their `responsible` and results). */
  readonly kpis: readonly KpiResult[];
  readonly rules?: Partial<MeasurementRules>;
  readonly unitRule?: UnitRule;
}

/**
 * The normal form of a unit's name: a plan code (`S.1.4` -> `S. 1.4`, `staff6` -> `STAFF 6`),
 * else the text with single spaces.
 * @example unitName("S.1.4") // "S. 1.4"
 * @example unitName(" Ufficio  Ragioneria ") // "Ufficio Ragioneria"
 */
export function unitName(text: string): string {
  const clean = text.replace(/[\s\u00a0]+/g, " ").trim();
  const code = normaliseUnitCode(clean);
  // A code followed by the unit's name (`STAFF 6 Promozione`) is the code.
  return code ?? clean;
}

/**
 * Every unit's scorecard, units in the order first met (tree order, then KPI rows).
 * @example
 * unitScores({
 *   tree: [{ code: "A.1", kind: "action", title: "Uno", parent: null, units: ["STAFF 1", "STAFF 2"] }],
 *   nodes: rollup(...).nodes, // A.1 at 80
 *   kpis: [],
 *   unitRule: "lead",
 * }) // [{ unit: "STAFF 1", achievement: 80, ... }] (STAFF 2 is not the lead unit)
 */
export function unitScores(input: UnitScoresInput): UnitScore[] {
  const rules: MeasurementRules = completeRules(input.rules);
  const lead = input.unitRule === "lead";
  const involved = (units: readonly string[]): string[] => {
    const names = [...new Set(units.map(unitName).filter((u) => u !== ""))];
    return lead ? names.slice(0, 1) : names;
  };

  // Each node's units, and the units listed anywhere below it.
  const byCode = new Map<string, { units: string[]; parent: string | null }>();
  for (const n of input.tree) byCode.set(normaliseCode(n.code), { units: involved(n.units ?? []), parent: n.parent === null ? null : normaliseCode(n.parent) });
  const below = new Map<string, Set<string>>();
  for (const n of byCode.values()) {
    // Walk up, noting this node's units on every ancestor (a guard stops a cyclic tree).
    let parent = n.parent;
    for (let steps = 0; parent !== null && steps <= byCode.size; steps++) {
      let set = below.get(parent);
      if (!set) below.set(parent, (set = new Set()));
      for (const u of n.units) set.add(u);
      parent = byCode.get(parent)?.parent ?? null;
    }
  }

  const result = new Map(input.nodes.map((n) => [n.code, n]));
  const scores = new Map<string, { items: UnitItem[]; kpis: number; missing: number; nodes: Set<string> }>();
  const entry = (unit: string) => {
    let s = scores.get(unit);
    if (!s) scores.set(unit, (s = { items: [], kpis: 0, missing: 0, nodes: new Set() }));
    return s;
  };

  for (const n of input.tree) {
    const code = normaliseCode(n.code);
    const units = byCode.get(code)?.units ?? [];
    const r = result.get(code);
    for (const unit of units) {
      if (below.get(code)?.has(unit)) continue;
      const s = entry(unit);
      s.nodes.add(code);
      s.items.push({ code, title: n.title, kind: "node", achievement: r?.achievement ?? null });
      s.kpis += r?.kpis ?? 0;
      s.missing += r?.missing ?? 0;
    }
  }

  for (const k of input.kpis) {
    if (!k.responsible || k.weight === null || k.status === "no_target") continue;
    const owner = k.owner === null ? null : normaliseCode(k.owner);
    for (const unit of involved(splitUnits(k.responsible))) {
      const s = entry(unit);
      // Its node already counts for the unit: the KPI is inside that node's result.
      if (owner !== null && s.nodes.has(owner)) continue;
      s.items.push({ code: owner, title: k.indicator, kind: "kpi", achievement: k.achievement, sheet: k.sheet, row: k.row });
      s.kpis += 1;
      if (k.status === "missing") s.missing += 1;
    }
  }

  return [...scores].map(([unit, s]) => {
    const achievement = meanOf(s.items.map((i) => i.achievement), rules.missing);
    return { unit, achievement, band: achievement === null ? null : bandOf(achievement, rules), kpis: s.kpis, missing: s.missing, items: s.items };
  });
}

/** Equal-weight mean, each result capped to 0..100; missing ones left out or counted as 0. */
function meanOf(values: readonly (number | null)[], missing: MeasurementRules["missing"]): number | null {
  const measured = values.filter((v): v is number => v !== null);
  if (measured.length === 0) return null;
  const terms = missing === "zero" ? values.map((v) => v ?? 0) : measured;
  const sum = terms.reduce((s, v) => s + Math.max(0, Math.min(100, v)), 0);
  return sum / terms.length;
}

/**
 * The `units` array of `kpi check --json`.
 * @example unitsJson(unitScores(...), 2)[0] // { unit: "STAFF 1", achievement: 80.13, kpis: 9, missing: 1, band: "amber" }
 */
export function unitsJson(scores: readonly UnitScore[], decimals = 2): { unit: string; achievement: number | null; kpis: number; missing: number; band: Band | null }[] {
  return scores.map((s) => ({
    unit: s.unit,
    achievement: s.achievement === null ? null : roundHalfUp(s.achievement, decimals),
    kpis: s.kpis,
    missing: s.missing,
    band: s.band,
  }));
}

/**
 * The scorecards of an analysed workbook (see `analyseWorkbook`).
 * @example const units = workbookUnitScores(analyseWorkbook(sheets));
 */
export function workbookUnitScores(a: { rules: RulesRead; report: { kpis: readonly KpiResult[] }; rollup: { nodes: readonly RollupNode[]; treeNodes: readonly RollupTreeNode[]; rules: MeasurementRules } }): UnitScore[] {
  return unitScores({ tree: a.rollup.treeNodes, nodes: a.rollup.nodes, kpis: a.report.kpis, rules: a.rollup.rules, unitRule: a.rules.unitRule ?? "all" });
}
