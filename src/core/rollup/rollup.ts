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
import { achievement, bandOf, DEFAULT_RULES, isMet } from "../achievement";
import { formatMessage, type Lang, type MessageCode } from "../messages";
import type {
  AlgorithmKind,
  Condition,
  KpiStatus,
  MeasurementRules,
  NodeKind,
  Problem,
  RollupNode,
} from "../types";

/** One node of the tree as the roll-up needs it (a `PlanNode` fits, with an optional weight). */
export interface RollupTreeNode {
  readonly code: string;
  readonly kind: NodeKind | "code";
  readonly title: string;
  /** Code of the parent; `null` for a top-level node. */
  readonly parent: string | null;
  /** Weight among its siblings (`Peso` on the tree sheet); equal weights when absent. */
  readonly weight?: number | null;
  /** The organisational units involved, as listed (`Unità organizzative`), lead unit first. */
  readonly units?: readonly string[];
}

/**
 * One KPI row for the year (a `KpiResult` fits). When `value` and `target` are given the
 * achievement is recomputed with the roll-up's rules, so that the whole cascade follows
 * one set of rules; otherwise `achievement` is used as given.
 */
export interface RollupKpi {
  readonly owner: string | null;
  readonly weight: number | null;
  readonly status: KpiStatus;
  readonly achievement: number | null;
  readonly algorithmKind: AlgorithmKind | null;
  readonly value?: number | null;
  readonly target?: Condition | null;
  readonly indicator?: string;
  /** Where the row is, for the problems' locations. */
  readonly sheet?: string;
  readonly valueCell?: string | null;
}

export interface RollupInput {
  readonly nodes: readonly RollupTreeNode[];
  readonly kpis: readonly RollupKpi[];
}

export interface RollupOptions {
  readonly rules?: Partial<MeasurementRules>;
  /** Language of the problems' messages; Italian by default. */
  readonly lang?: Lang;
}

/** A node of the result: a `RollupNode` with what a report needs to draw the tree. */
export interface RollupResultNode extends RollupNode {
  /** 0 for a top-level node. */
  readonly depth: number;
  /** The node's weight among its siblings as given by the tree, `null` when not given. */
  readonly weight: number | null;
  /** Where the performance comes from: its own KPIs, its children, or nowhere (no data). */
  readonly basis: "kpis" | "children" | "none";
}

export interface RollupResult {
  /** Every node, tree order (pre-order, siblings in input order). */
  readonly nodes: RollupResultNode[];
  readonly problems: Problem[];
}

/** The implicit target of a weighted-mean KPI with no condition of its own. */
const FULL: Condition = { op: ">=", value: 100, unit: "percent" };

/** The owner shown for KPI rows that have none. */
const NO_OWNER: Record<Lang, string> = { it: "(senza codice)", en: "(no code)" };

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

/** Codes compare without surrounding spaces and a trailing dot (`A.1.4.1.` is `A.1.4.1`). */
export function normaliseCode(code: string): string {
  return code.replace(/[\s\u00a0]+/g, " ").trim().replace(/\.+$/, "");
}

interface Node {
  readonly code: string;
  readonly kind: NodeKind | "code";
  readonly title: string;
  /** As given (normalised), for the output. */
  readonly declaredParent: string | null;
  /** After orphans and cycles are resolved: always a known node or null. */
  parent: string | null;
  readonly weight: number | null;
  readonly order: number;
  readonly children: Node[];
}

interface Computed {
  readonly achievement: number | null;
  readonly basis: RollupResultNode["basis"];
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
  private readonly lang: Lang;
  private readonly nodes = new Map<string, Node>();
  private readonly kpisByOwner = new Map<string, RollupKpi[]>();
  private readonly problems: Problem[] = [];
  private readonly computed = new Map<string, Computed>();
  /** Children already reported as having no data, so a child is reported once. */
  private readonly reportedNoData = new Set<string>();

  constructor(private readonly input: RollupInput, options: RollupOptions) {
    const rules = options.rules ?? {};
    this.rules = { ...DEFAULT_RULES, ...rules, bands: { ...DEFAULT_RULES.bands, ...(rules.bands ?? {}) } };
    this.lang = options.lang ?? "it";
  }

  run(): RollupResult {
    this.readNodes();
    this.readKpis();
    this.resolveParents();
    this.breakCycles();
    for (const node of this.nodes.values()) {
      if (node.parent !== null) this.nodes.get(node.parent)?.children.push(node);
    }
    const out: RollupResultNode[] = [];
    const visit = (node: Node, depth: number): void => {
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
    for (const node of this.nodes.values()) if (node.parent === null) visit(node, 0);
    return { nodes: out, problems: this.problems };
  }

  // ---------------------------------------------------------------- the tree

  private readNodes(): void {
    for (const n of this.input.nodes) {
      const code = normaliseCode(n.code);
      if (this.nodes.has(code)) {
        this.report("warning", "ROLLUP_DUPLICATE_NODE", { code });
        continue;
      }
      const parent = n.parent === null ? null : normaliseCode(n.parent);
      this.nodes.set(code, {
        code,
        kind: n.kind,
        title: n.title,
        declaredParent: parent === "" ? null : parent,
        parent: parent === "" ? null : parent,
        weight: typeof n.weight === "number" && Number.isFinite(n.weight) && n.weight >= 0 ? n.weight : null,
        order: this.nodes.size,
        children: [],
      });
    }
  }

  /** Groups the KPIs (rows with a weight) by owner; unknown owners become nodes of their own. */
  private readKpis(): void {
    const orphans = new Map<string, number>();
    for (const k of this.input.kpis) {
      if (k.weight === null || !Number.isFinite(k.weight)) continue;
      const code = k.owner === null ? "" : normaliseCode(k.owner);
      const owner = code === "" ? NO_OWNER[this.lang] : code;
      const list = this.kpisByOwner.get(owner);
      if (list) list.push(k);
      else this.kpisByOwner.set(owner, [k]);
      if (!this.nodes.has(owner)) orphans.set(owner, (orphans.get(owner) ?? 0) + 1);
    }
    for (const [code, count] of orphans) {
      this.nodes.set(code, {
        code,
        kind: "code",
        title: code,
        declaredParent: null,
        parent: null,
        weight: null,
        order: this.nodes.size,
        children: [],
      });
      // Without any tree (a hand-made workbook) every code is a node of its own: no news.
      if (this.input.nodes.length > 0) this.report("warning", "ROLLUP_ORPHAN_KPI", { code, count });
    }
  }

  private resolveParents(): void {
    for (const node of this.nodes.values()) {
      if (node.parent !== null && !this.nodes.has(node.parent)) {
        this.report("warning", "ROLLUP_ORPHAN_NODE", { code: node.code, parent: node.parent });
        node.parent = null;
      }
    }
  }

  /**
   * Walks up from every node; a walk that meets its own path has found a cycle, which is
   * cut at the member that comes first in the input (its parent link is ignored).
   */
  private breakCycles(): void {
    const state = new Map<string, "walking" | "done">();
    for (const start of this.nodes.values()) {
      const path: Node[] = [];
      let cur: Node | undefined = start;
      while (cur && !state.has(cur.code)) {
        state.set(cur.code, "walking");
        path.push(cur);
        cur = cur.parent === null ? undefined : this.nodes.get(cur.parent);
      }
      if (cur && state.get(cur.code) === "walking") {
        const members = path.slice(path.indexOf(cur));
        const cut = members.reduce((a, b) => (b.order < a.order ? b : a));
        const at = members.indexOf(cut);
        // The cycle as a chain of parents starting at the cut node: X -> parent -> ... -> X.
        const chain = [...members.slice(at), ...members.slice(0, at), cut].map((n) => n.code);
        this.report("error", "ROLLUP_CYCLE", { cycle: chain.join(" → "), code: cut.code, parent: cut.parent ?? "" });
        cut.parent = null;
      }
      for (const n of path) state.set(n.code, "done");
    }
  }

  /** The children whose performance a node averages: programs are looked through. */
  private performanceChildren(node: Node): Node[] {
    return node.children.flatMap((c) => (c.kind === "program" ? this.performanceChildren(c) : [c]));
  }

  // ---------------------------------------------------------------- performance

  /** The node's performance, computed once; the tree is a forest here, so this ends. */
  private perform(node: Node): Computed {
    const done = this.computed.get(node.code);
    if (done) return done;
    const own = this.kpisByOwner.get(node.code) ?? [];
    const c = own.length > 0 ? this.fromKpis(node, own) : this.fromChildren(node);
    this.computed.set(node.code, c);
    return c;
  }

  private fromKpis(node: Node, own: readonly RollupKpi[]): Computed {
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
  private scoreFromChildren(node: Node, k: RollupKpi): { score: number; met: boolean } | null {
    const children = this.performanceChildren(node);
    const indicator = k.indicator ?? "";
    if (children.length === 0) {
      // No tree below the node: the value typed in the sheet, if any, is all there is.
      const typed = this.scoreOwn(k);
      if (!typed) this.report("warning", "ROLLUP_NO_CHILDREN", { code: node.code, indicator }, k);
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

  private fromChildren(node: Node): Computed {
    const children = this.performanceChildren(node);
    const value = children.length === 0 ? null : this.childrenPerformance(node, children);
    return { achievement: value, basis: value === null ? "none" : "children", kpis: 0, missing: 0, met: 0, unmet: 0 };
  }

  /** The weighted mean of the children's performance (equal weights unless all are given). */
  private childrenPerformance(node: Node, children: readonly Node[]): number | null {
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
  private mean(terms: readonly Term[], node: Node, what: "kpis" | "children"): number | null {
    if (!terms.some((t) => t.score !== null)) return null;
    const used = this.rules.missing === "zero" ? terms : terms.filter((t) => t.score !== null);
    let total = used.reduce((s, t) => s + t.weight, 0);
    let weighted = used.map((t) => ({ weight: t.weight, score: t.score ?? 0 }));
    if (!(total > 0)) {
      this.report("warning", "ROLLUP_ZERO_WEIGHTS", { code: node.code, what: what === "kpis" ? this.word("kpis") : this.word("children") });
      weighted = weighted.map((t) => ({ weight: 1, score: t.score }));
      total = weighted.length;
    }
    const sum = weighted.reduce((s, t) => s + t.weight * clamp(t.score), 0);
    return clamp(sum / total);
  }

  private word(what: "kpis" | "children"): string {
    if (this.lang === "it") return what === "kpis" ? "dei KPI" : "dei nodi figli";
    return what === "kpis" ? "of the KPIs" : "of the child nodes";
  }

  private report(
    severity: Problem["severity"],
    code: MessageCode,
    params: Readonly<Record<string, string | number>>,
    at?: RollupKpi,
  ): void {
    const problem: Problem = { severity, code, message: formatMessage(code, this.lang, params) };
    this.problems.push(
      at?.sheet ? { ...problem, sheet: at.sheet, ...(at.valueCell ? { cell: at.valueCell } : {}) } : problem,
    );
  }
}

/** Achievements live in 0..100; anything else (or NaN) is brought back into range. */
function clamp(x: number): number {
  if (!Number.isFinite(x) || x <= 0) return 0;
  return x >= 100 ? 100 : x;
}
