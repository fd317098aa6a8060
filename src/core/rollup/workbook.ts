/**
 * The roll-up of a checked workbook: the validation report's KPI rows, the workbook's tree
 * (its `Albero` sheet, else the KPI codes) and its measurement rules (`Impostazioni`).
 * This is what `kpi check --json` prints as `"rollup"`, `kpi report` renders and the
 * `Riepilogo` sheet shows.
 */
import { completeRules, roundHalfUp } from "../achievement";
import { readRules } from "../rules";
import type { Problem } from "../problem";
import type { Band, MeasurementRules, NodeKind, SheetGrid, ValidationReport } from "../types";
import type { RollupNode } from "../types";
import { rollup, type RollupKpi, type RollupTreeNode } from "./rollup";
import { kpiOwners } from "./owners";
import { findTreeSheet, readTreeSheet, treeFromCodes } from "./tree";

/** One entry of `kpi check --json`'s `"rollup"` array. */
export interface RollupJsonEntry {
  readonly code: string;
  readonly kind: NodeKind | "code";
  /** 0..100 at full precision; `null` when nothing below the node had data. */
  readonly achievement: number | null;
  readonly kpis: number;
  readonly missing: number;
  readonly band: Band | null;
}

export interface WorkbookRollup {
  readonly year: number | null;
  /** Tree order. */
  readonly nodes: RollupNode[];
  /** The tree sheet's, the settings sheet's and the roll-up's own problems. */
  readonly problems: Problem[];
  readonly rules: MeasurementRules;
  /** Where the tree came from: the workbook's tree sheet, or the KPI codes. */
  readonly tree: "sheet" | "codes";
  /** The tree as read (with each node's units, for the unit scorecards). */
  readonly treeNodes: readonly RollupTreeNode[];
}

export interface RollupWorkbookOptions {
  /** Rules to use; absent = the workbook's settings sheet (or the defaults). */
  readonly rules?: Partial<MeasurementRules>;
}

/**
 * Rolls a validation report up the workbook's tree.
 * - Tree: the `Albero` sheet when the workbook has one; otherwise each `Codice` is a node of
 *   its own (kind `code`), under the longest other code that prefixes it (`B.1.1` under
 *   `B.1`). Rows of a table without a `Codice` column form one node named after the sheet
 *   (`Foglio1`, or `Foglio1!5` for the table starting at row 5 when the sheet has several).
 * - Rules: `options.rules`, else the workbook's `Impostazioni` sheet (its problems are
 *   returned), else the defaults.
 * @example rollupWorkbook(validateWorkbook(sheets), sheets).nodes[0].achievement
 */
export function rollupWorkbook(
  report: ValidationReport,
  sheets: readonly SheetGrid[],
  options: RollupWorkbookOptions = {},
): WorkbookRollup {
  const problems: Problem[] = [];
  let rules: Partial<MeasurementRules>;
  if (options.rules) {
    rules = options.rules;
  } else {
    const read = readRules(sheets);
    rules = read.rules;
    problems.push(...read.problems);
  }

  const owners = kpiOwners(report);
  // Validation classified every algorithm cell already: a KPI without a kind has no algorithm.
  const kpis: RollupKpi[] = report.kpis.map((k, i) => ({ ...k, owner: owners[i] }));

  let tree: RollupTreeNode[] | null = null;
  const treeSheet = findTreeSheet(sheets);
  if (treeSheet) {
    const read = readTreeSheet(treeSheet);
    tree = read.nodes;
    problems.push(...read.problems);
  }
  const source: WorkbookRollup["tree"] = tree && tree.length > 0 ? "sheet" : "codes";
  const nodes = source === "sheet" ? (tree as RollupTreeNode[]) : treeFromCodes(owners.filter((o): o is string => o !== null));
  const result = rollup({ nodes, kpis }, { rules });
  problems.push(...result.problems);
  return { year: report.year, nodes: result.nodes, problems, rules: completeRules(rules), tree: source, treeNodes: nodes };
}

/** Problems with the tree itself (not with missing data): what `kpi check` lists. */
const TREE_PROBLEMS = new Set([
  "ROLLUP_CYCLE",
  "ROLLUP_ORPHAN_KPI",
  "ROLLUP_ORPHAN_NODE",
  "ROLLUP_DUPLICATE_NODE",
  "ROLLUP_MIXED_WEIGHTS",
  "ROLLUP_ZERO_WEIGHTS",
  "TREE_NO_HEADER",
  "TREE_BAD_WEIGHT",
]);

/**
 * True for a problem with the tree's structure (a cycle, an orphan code, a bad tree weight),
 * as opposed to the notes on children without data, which the missing counts already tell.
 * @example isTreeProblem(problem("error", "ROLLUP_CYCLE")) // true
 */
export function isTreeProblem(p: Problem): boolean {
  return TREE_PROBLEMS.has(p.code);
}

/**
 * The `"rollup"` array of `kpi check --json`, tree order. With `decimals` the achievements
 * are rounded half-up (the check's KPI achievements are printed with 2).
 * @example rollupJson(rollupWorkbook(report, sheets).nodes, { decimals: 2 })[0]
 *   // { code: "A", kind: "area", achievement: 85, kpis: 0, missing: 0, band: "amber" }
 */
export function rollupJson(nodes: readonly RollupNode[], options: { decimals?: number } = {}): RollupJsonEntry[] {
  const round = (x: number | null) => (x === null || options.decimals === undefined ? x : roundHalfUp(x, options.decimals));
  return nodes.map((n) => ({
    code: n.code,
    kind: n.kind,
    achievement: round(n.achievement),
    kpis: n.kpis,
    missing: n.missing,
    band: n.band,
  }));
}
