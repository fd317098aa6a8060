/**
 * The tree the roll-up walks, built from its input and made safe to walk: duplicate codes
 * keep their first row, KPI owners missing from the tree become nodes of their own (KPI rows
 * without an owner gather under NO_OWNER_CODE), nodes whose parent is missing go to the top
 * level, and each cycle is cut at its member that comes first in the input. Every repair is
 * reported; nothing is dropped.
 */
import type { MessageCode, MessageParams } from "../messages";
import { problem, type Problem } from "../problem";
import type { NodeKind } from "../types";
import { normaliseCode, type RollupInput, type RollupKpi } from "./model";
import { NO_OWNER_CODE, ownerParam } from "./owners";

/** A node of the tree being built: its parent is settled once orphans and cycles are resolved. */
export interface ForestNode {
  readonly code: string;
  readonly kind: NodeKind | "code";
  readonly title: string;
  /** As given (normalised), for the output. */
  readonly declaredParent: string | null;
  /** After orphans and cycles are resolved: always a known node or null. */
  parent: string | null;
  readonly weight: number | null;
  readonly order: number;
  readonly children: ForestNode[];
}

export class Forest {
  readonly nodes = new Map<string, ForestNode>();
  /** The KPI rows with a weight, by owner code. */
  readonly kpisByOwner = new Map<string, RollupKpi[]>();

  /**
   * Builds the forest, adding its repairs to `problems`.
   * @example new Forest({ nodes: [], kpis: [kpi("A.1")] }, problems).nodes.get("A.1")?.kind // "code"
   */
  constructor(
    private readonly input: RollupInput,
    private readonly problems: Problem[],
  ) {
    this.readNodes();
    this.readKpis();
    this.resolveParents();
    this.breakCycles();
    for (const node of this.nodes.values()) {
      if (node.parent !== null) this.nodes.get(node.parent)?.children.push(node);
    }
  }

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
      // Rows without an owner gather under one node whose code is the same in every language.
      const owner = code === "" ? NO_OWNER_CODE : code;
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
      if (this.input.nodes.length > 0) this.report("warning", "ROLLUP_ORPHAN_KPI", { code: ownerParam(code), count });
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
      const path: ForestNode[] = [];
      let cur: ForestNode | undefined = start;
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

  private report(severity: Problem["severity"], code: MessageCode, params: MessageParams): void {
    this.problems.push(problem(severity, code, params));
  }
}
