/**
 * A node of the roll-up's result, the one node type every report, sheet and pane view reads
 * (the tree going in is `RollupTreeNode`, a plan's `PlanNode` fits it).
 */
import type { NodeKind } from "./plan";
import type { Band } from "./values";

export interface RollupNode {
  readonly code: string;
  readonly kind: NodeKind | "code";
  readonly title: string;
  readonly parent: string | null;
  /** Weighted mean of the node's KPI achievements, 0..100; `null` when no KPI had data. */
  readonly achievement: number | null;
  readonly band: Band | null;
  readonly kpis: number;
  readonly missing: number;
  readonly met: number;
  readonly unmet: number;
  /** 0 for a top-level node. */
  readonly depth: number;
  /** The node's weight among its siblings as given by the tree, `null` when not given. */
  readonly weight: number | null;
  /** Where the performance comes from: its own KPIs, its children, or nowhere (no data). */
  readonly basis: "kpis" | "children" | "none";
}
