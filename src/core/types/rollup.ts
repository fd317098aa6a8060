/**
 * A node of the roll-up as every report shows it.
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
}
