/**
 * The plan as the parser gives it out: its tree of nodes, its KPI rows and its problems.
 */
import type { Problem } from "../problem";
import type { TargetEntry } from "./values";

export type NodeKind = "area" | "strategic" | "program" | "operational" | "action";

export interface PlanNode {
  /** `A`, `A.1`, `A.1.1`, `A.1.3.1`; programs have no code of their own: `A.1/P1` style ids. */
  readonly code: string;
  readonly kind: NodeKind;
  readonly title: string;
  /** Code of the parent node, `null` for areas. */
  readonly parent: string | null;
  /** Normalised unit codes, e.g. `STAFF 6`, `S. 1.4`, `AREA I`. */
  readonly units: readonly string[];
  /** 1-based line of the heading in the source text. */
  readonly line: number;
}

/** How the algorithm text computes the KPI value. */
export type AlgorithmKind =
  | "trend_pct" // (X(t)-X(t-1))/X(t-1)*100
  | "ratio" // X/Y, X(t)/X(t-1)
  | "share_pct" // X/Y*100
  | "weighted_mean" // Media ponderata delle azioni*100
  | "deadline" // Realizzazione attività
  | "satisfaction" // Grado di soddisfazione
  | "count" // Numero eventi
  | "direct"; // anything else: a value measured directly

export interface PlanKpi {
  /** Code of the owning node. */
  readonly owner: string;
  readonly indicator: string;
  readonly algorithm: string;
  readonly algorithmKind: AlgorithmKind;
  readonly weight: number | null;
  /** `Stato`: the baseline value, `null` for `---`. */
  readonly baseline: number | null;
  /** The target text verbatim. */
  readonly target: string;
  /** Parsed target entries; empty when the target could not be parsed (see problems). */
  readonly targets: readonly TargetEntry[];
  /** 1-based line in the source text. */
  readonly line: number;
}

export interface ParsedPlan {
  readonly nodes: readonly PlanNode[];
  readonly kpis: readonly PlanKpi[];
  readonly problems: readonly Problem[];
  /** Plan years, e.g. [2021, 2022, 2023], taken from the targets (or the title). */
  readonly years: readonly number[];
}
