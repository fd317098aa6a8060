/**
 * What the roll-up takes and gives: the tree's nodes and the KPI rows in, every node with
 * its performance out. A plan's nodes and a validation's KPI results fit as they are.
 */
import type { Problem } from "../problem";
import type { AlgorithmKind, Condition, KpiStatus, MeasurementRules, NodeKind, RollupNode } from "../types";

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
}

export interface RollupResult {
  /** Every node, tree order (pre-order, siblings in input order). */
  readonly nodes: RollupNode[];
  readonly problems: Problem[];
}

/** Codes compare without surrounding spaces and a trailing dot (`A.1.4.1.` is `A.1.4.1`). */
export function normaliseCode(code: string): string {
  return code.replace(/[\s\u00a0]+/g, " ").trim().replace(/\.+$/, "");
}
