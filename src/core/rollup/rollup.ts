/**
 * The performance roll-up: KPI achievements for one year, cascaded bottom-up through the
 * plan's tree (actions -> operational objectives -> strategic objectives -> areas).
 *
 * Semantics (the README's "Come si calcola la performance"):
 * - A node's performance is the weighted mean of its own KPIs' achievements (each 0..100,
 *   capped at 100 before averaging). Weights may be fractions (0,20) or percentages (20):
 *   the mean divides by the weights' own sum, so both give the same result.
 * - A row without a weight is not a KPI (plan placeholders such as "Kpi non definito").
 *   A KPI with no target for the year (`---`) is not measured that year: it is left out,
 *   neither missing nor counted.
 * - A KPI whose algorithm is a weighted mean of the children ("Media ponderata delle
 *   azioni*100", "... degli obiettivi operativi*100") takes as its value the children's
 *   performance and is measured against its own target (`>= 100%`: 80 -> 80). The children
 *   of a node are its children in the tree; programs are grouping nodes and are looked
 *   through (a strategic objective's children are its operational objectives). Without a
 *   target for the year such a KPI is not measured, like any other.
 * - A node without KPIs of its own (an area, a program) is the weighted mean of its
 *   children's performance.
 * - Children weigh equally unless the tree gives each of them a weight (the `Peso` column
 *   of the `Albero` sheet).
 * - Missing data (`rules.missing`): `skip` (default) leaves the missing KPI or child out and
 *   renormalises the remaining weights; `zero` counts it as 0. Either way the node counts
 *   its missing KPIs, and a node where nothing at all had data has no performance (`null`),
 *   which a parent then treats as missing.
 * - Cycles in the tree, KPIs whose owner is not in the tree, nodes whose parent is not in
 *   the tree and children without data are reported as problems; nothing is dropped: an
 *   unknown owner becomes a node of its own, a node with an unknown parent a top-level one,
 *   and a cycle is cut at its first node (in input order).
 */
import { achievement, bandOf, completeRules, isMet } from "../achievement";
import type { MessageCode, MessageParams } from "../messages";
import { problem, type Problem } from "../problem";
import type { Condition, MeasurementRules } from "../types";
import { Forest, type ForestNode } from "./forest";
import type { RollupNode } from "../types";
import type { RollupInput, RollupKpi, RollupOptions, RollupResult } from "./model";
import { ownerParam } from "./owners";

export {
  normaliseCode,
  type RollupInput,
  type RollupKpi,
  type RollupOptions,
  type RollupResult,
  type RollupTreeNode,
} from "./model";

/** The implicit target of a weighted-mean KPI with no condition of its own. */
const FULL: Condition = { op: ">=", value: 100, unit: "percent" };

/**
 * Rolls the KPI achievements of one year up the tree. Pure; never throws.
 * @example
 * rollup({
 *   nodes: [
 *     { code: "A", kind: "area", title: "Imprese", parent: null },
 *     { code: "A.1", kind: "strategic", title: "Crescita", parent: "A" },
 *   ],
 *   kpis: [
 *     { owner: "A.1", weight: 60, status: "met", achievement: 100, algorithmKind: "count" },
 *     { owner: "A.1", weight: 40, status: "unmet", achievement: 50, algorithmKind: "count" },
 *   ],
 * }).nodes.map((n) => [n.code, n.achievement]); // [["A", 80], ["A.1", 80]]
 */
export function rollup(input: RollupInput, options: RollupOptions = {}): RollupResult {
  return new Rollup(input, options).run();
}

interface Computed {
  readonly achievement: number | null;
  readonly basis: RollupNode["basis"];
  readonly kpis: number;
  readonly missing: number;
  readonly met: number;
  readonly unmet: number;
}

/** One term of a weighted mean: `score === null` is missing. */
interface Term {
  readonly weight: number;
  readonly score: number | null;
}

class Rollup {
  private readonly rules: MeasurementRules;
  private readonly problems: Problem[] = [];
  private readonly forest: Forest;
  private readonly computed = new Map<string, Computed>();
  /** Children already reported as having no data, so a child is reported once. */
  private readonly reportedNoData = new Set<string>();

  constructor(input: RollupInput, options: RollupOptions) {
    this.forest = new Forest(input, this.problems);
    const rules = options.rules ?? {};
    this.rules = completeRules(rules);
  }

  run(): RollupResult {
    const out: RollupNode[] = [];
    const visit = (node: ForestNode, depth: number): void => {
      const c = this.perform(node);
      out.push({
        code: node.code,
        kind: node.kind,
        title: node.title,
        parent: node.parent,
        achievement: c.achievement,
        band: c.achievement === null ? null : bandOf(c.achievement, this.rules),
        kpis: c.kpis,
        missing: c.missing,
        met: c.met,
        unmet: c.unmet,
        depth,
        weight: node.weight,
        basis: c.basis,
      });
      for (const child of node.children) visit(child, depth + 1);
    };
    for (const node of this.forest.nodes.values()) if (node.parent === null) visit(node, 0);
    return { nodes: out, problems: this.problems };
  }

  /** The children whose performance a node averages: programs are looked through. */
  private performanceChildren(node: ForestNode): ForestNode[] {
    return node.children.flatMap((c) => (c.kind === "program" ? this.performanceChildren(c) : [c]));
  }

  // ---------------------------------------------------------------- performance

  /** The node's performance, computed once; the tree is a forest here, so this ends. */
  private perform(node: ForestNode): Computed {
    const done = this.computed.get(node.code);
    if (done) return done;
    const own = this.forest.kpisByOwner.get(node.code) ?? [];
    const c = own.length > 0 ? this.fromKpis(node, own) : this.fromChildren(node);
    this.computed.set(node.code, c);
    return c;
  }

  private fromKpis(node: ForestNode, own: readonly RollupKpi[]): Computed {
    const terms: Term[] = [];
    let met = 0;
    let unmet = 0;
    let missing = 0;
    for (const k of own) {
      if (k.status === "no_target") continue;
      const scored = k.algorithmKind === "weighted_mean" ? this.scoreFromChildren(node, k) : this.scoreOwn(k);
      terms.push({ weight: k.weight as number, score: scored ? scored.score : null });
      if (!scored) missing++;
      else if (scored.met) met++;
      else unmet++;
    }
    let achievementValue = this.mean(terms, node, "kpis");
    if (terms.length === 0) achievementValue = null;
    return {
      achievement: achievementValue,
      basis: achievementValue === null ? "none" : "kpis",
      kpis: terms.length,
      missing,
      met,
      unmet,
    };
  }

  /** A KPI measured in the sheet: recomputed with the roll-up's rules when possible. */
  private scoreOwn(k: RollupKpi): { score: number; met: boolean } | null {
    // At a monitoring date a KPI with a value scores against its full target so far; a
    // deadline not done yet (no value) has nothing to score.
    const atDate = k.status === "on_track" || k.status === "at_risk" || k.status === "unreachable";
    if (k.status !== "met" && k.status !== "unmet" && !(atDate && typeof k.value === "number")) return null;
    if (typeof k.value === "number" && k.target) {
      return { score: achievement(k.value, k.target, this.rules), met: isMet(k.value, k.target) };
    }
    if (k.achievement === null || !Number.isFinite(k.achievement)) return null;
    return { score: clamp(k.achievement), met: k.status === "met" };
  }

  /** A weighted-mean KPI: the children's performance measured against the KPI's own target. */
  private scoreFromChildren(node: ForestNode, k: RollupKpi): { score: number; met: boolean } | null {
    const children = this.performanceChildren(node);
    const indicator = k.indicator ?? "";
    if (children.length === 0) {
      // No tree below the node: the value typed in the sheet, if any, is all there is.
      const typed = this.scoreOwn(k);
      if (!typed) this.report("warning", "ROLLUP_NO_CHILDREN", { code: ownerParam(node.code), indicator }, k);
      return typed;
    }
    const value = this.childrenPerformance(node, children);
    if (value === null) {
      this.report("warning", "ROLLUP_CHILDREN_NO_DATA", { code: node.code, indicator, children: children.map((c) => c.code).join(", ") }, k);
      return null;
    }
    const target = k.target ?? FULL;
    return { score: achievement(value, target, this.rules), met: isMet(value, target) };
  }

  private fromChildren(node: ForestNode): Computed {
    const children = this.performanceChildren(node);
    const value = children.length === 0 ? null : this.childrenPerformance(node, children);
    return { achievement: value, basis: value === null ? "none" : "children", kpis: 0, missing: 0, met: 0, unmet: 0 };
  }

  /** The weighted mean of the children's performance (equal weights unless all are given). */
  private childrenPerformance(node: ForestNode, children: readonly ForestNode[]): number | null {
    const given = children.filter((c) => c.weight !== null).length;
    const useWeights = given === children.length;
    if (given > 0 && !useWeights) this.report("warning", "ROLLUP_MIXED_WEIGHTS", { code: node.code });
    const terms: Term[] = children.map((c) => ({
      weight: useWeights ? (c.weight as number) : 1,
      score: this.perform(c).achievement,
    }));
    // Programs are shown with their children's mean, but they are never a parent's
    // child: reporting their missing children would repeat the strategic objective's report.
    if (node.kind !== "program") {
      for (const c of children) {
        if (this.perform(c).achievement === null && !this.reportedNoData.has(c.code)) {
          this.reportedNoData.add(c.code);
          const code = this.rules.missing === "zero" ? "ROLLUP_CHILD_ZERO" : "ROLLUP_CHILD_SKIPPED";
          this.report("warning", code, { child: c.code, code: node.code });
        }
      }
    }
    return this.mean(terms, node, "children");
  }

  /**
   * Σ wᵢ·sᵢ / Σ wᵢ over the terms with data (`skip`) or over all terms with missing as 0
   * (`zero`); `null` when no term has data. Weights summing to 0 fall back to equal weights.
   */
  private mean(terms: readonly Term[], node: ForestNode, what: "kpis" | "children"): number | null {
    if (!terms.some((t) => t.score !== null)) return null;
    const used = this.rules.missing === "zero" ? terms : terms.filter((t) => t.score !== null);
    let total = used.reduce((s, t) => s + t.weight, 0);
    let weighted = used.map((t) => ({ weight: t.weight, score: t.score ?? 0 }));
    if (!(total > 0)) {
      this.report("warning", "ROLLUP_ZERO_WEIGHTS", { code: ownerParam(node.code), what: { code: what === "kpis" ? "ROLLUP_WHAT_KPIS" : "ROLLUP_WHAT_CHILDREN" } });
      weighted = weighted.map((t) => ({ weight: 1, score: t.score }));
      total = weighted.length;
    }
    const sum = weighted.reduce((s, t) => s + t.weight * clamp(t.score), 0);
    return clamp(sum / total);
  }

  private report(
    severity: Problem["severity"],
    code: MessageCode,
    params: MessageParams,
    at?: RollupKpi,
  ): void {
    this.problems.push(problem(severity, code, params, at?.sheet ? { sheet: at.sheet, cell: at.valueCell || undefined } : {}));
  }
}

/** Achievements live in 0..100; anything else (or NaN) is brought back into range. */
function clamp(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0;
  return x >= 100 ? 100 : x;
}
