/**
 * A roll-up as it is shown: the totals, the nodes of the chart, each node's figure as text,
 * its band in words, its kind's label and the rows of its own KPIs. The HTML Relazione
 * (src/core/report/), the Riepilogo sheet (src/core/workbook/summary.ts), the task pane's
 * tree (src/taskpane/tree-model.ts) and `kpi report`'s closing line read these, so that a
 * figure is rounded, a band named and a node linked the same way everywhere.
 */
import { roundHalfUp } from "../achievement";
import { SheetCells } from "../grid";
import type { Lang } from "../messages";
import { formatNumberIt } from "../numbers";
import { normaliseHeader } from "../reader/headers";
import { consecutiveRuns } from "../runs";
import type { Band, RollupNode, SheetGrid, ValidationReport } from "../types";
import { bandWord, kindWord, NO_DATA } from "../vocabulary";
import { kpiOwners } from "./owners";
import { normaliseCode } from "./rollup";
import { TREE_CODE_HEADERS } from "./tree";

/** The KPIs of a roll-up, counted over its nodes (rows with a weight and a target for the year). */
export interface KpiCounts {
  readonly kpis: number;
  readonly met: number;
  readonly unmet: number;
  readonly missing: number;
}

/** Where a node's own KPIs are: the first sheet that has them, and their 1-based rows there. */
export interface OwnerRows {
  readonly sheet: string;
  readonly rows: readonly number[];
}

/** One node as shown. */
export interface PresentedNode {
  readonly node: RollupNode;
  readonly kindLabel: string;
  /** The node's title; empty when it is only its code. */
  readonly title: string;
  /**
   * False for a program without a figure: programs only group objectives (the roll-up looks
   * through them), so "n.d." there would read as missing data.
   */
  readonly measured: boolean;
  /** Rounded half-up to 2 decimals; `null` when nothing below the node had data. */
  readonly achievement: number | null;
  /** `83,33` / `83.33`, or `n.d.` / `n/a`. */
  readonly achievementText: string;
  readonly band: Band | null;
  /** `Giallo` / `Amber`, or `n.d.` / `n/a`. */
  readonly bandText: string;
}

/**
 * The KPI counts of a roll-up: each node counts its own KPIs, so the sum is the whole.
 * @example kpiCounts(rollup(input).nodes) // { kpis: 5, met: 2, unmet: 2, missing: 1 }
 */
export function kpiCounts(nodes: readonly RollupNode[]): KpiCounts {
  return nodes.reduce(
    (s, n) => ({ kpis: s.kpis + n.kpis, met: s.met + n.met, unmet: s.unmet + n.unmet, missing: s.missing + n.missing }),
    { kpis: 0, met: 0, unmet: 0, missing: 0 },
  );
}

/**
 * The nodes a chart shows: the strategic objectives, or, in a workbook without the plan's
 * tree, the top-level nodes.
 * @example chartNodes(nodes).map((n) => n.code) // ["A.1", "A.2", "B.1"]
 */
export function chartNodes(nodes: readonly RollupNode[]): RollupNode[] {
  const strategic = nodes.filter((n) => n.kind === "strategic");
  return strategic.length > 0 ? strategic : nodes.filter((n) => n.depth === 0 && n.kind !== "program");
}

/**
 * An achievement as text: rounded half-up to 2 decimals, always 2 shown, decimal comma in
 * Italian. Rounded first: printing the binary value would round 83.335 (83.33499…) down.
 * @example achievementText(83.335, "it") // "83,34"
 * @example achievementText(80, "en")     // "80.00"
 */
export function achievementText(x: number, lang: Lang): string {
  const rounded = roundHalfUp(x, 2);
  return lang === "it" ? formatNumberIt(rounded, 2) : rounded.toFixed(2);
}

/**
 * The title a node shows beside its code: empty when the title is only the code again.
 * @example nodeTitle({ code: "X.1", title: "X.1", … }) // ""
 */
export function nodeTitle(n: Pick<RollupNode, "code" | "title">): string {
  return n.title === n.code ? "" : n.title;
}

/**
 * False for a program without a figure, which is shown without one (see `PresentedNode`).
 * @example isMeasured({ kind: "program", achievement: null }) // false
 */
export function isMeasured(n: Pick<RollupNode, "kind" | "achievement">): boolean {
  return n.kind !== "program" || n.achievement !== null;
}

/**
 * One node's words and figures in a language.
 * @example presentNode(node, "it") // { kindLabel: "Area strategica", achievementText: "81,72", bandText: "Giallo", … }
 */
export function presentNode(node: RollupNode, lang: Lang): PresentedNode {
  return {
    node,
    kindLabel: kindWord(node.kind, lang),
    title: nodeTitle(node),
    measured: isMeasured(node),
    achievement: node.achievement === null ? null : roundHalfUp(node.achievement, 2),
    achievementText: node.achievement === null ? NO_DATA[lang] : achievementText(node.achievement, lang),
    band: node.band,
    bandText: bandWord(node.band, lang),
  };
}

/**
 * The rows of each node's own KPIs, by node code: the first sheet that has them, and their
 * 1-based rows there. Owners are named as the roll-up names them (`kpiOwners`), so a table
 * without a `Codice` column is found under `Foglio1`, or `Foglio1!6` when its sheet holds
 * several such tables.
 * @example ownerRows(report).get("B.1.1") // { sheet: "B", rows: [5, 6, 7] }
 */
export function ownerRows(report: Pick<ValidationReport, "kpis"> & Partial<Pick<ValidationReport, "groups">>): Map<string, OwnerRows> {
  const owners = kpiOwners({ kpis: report.kpis, groups: report.groups ?? [] });
  const out = new Map<string, { sheet: string; rows: number[] }>();
  report.kpis.forEach((k, i) => {
    const code = normaliseCode(owners[i]);
    const entry = out.get(code);
    if (!entry) out.set(code, { sheet: k.sheet, rows: [k.row] });
    else if (entry.sheet === k.sheet) entry.rows.push(k.row);
  });
  return out;
}

/**
 * The 1-based row of each code on a tree sheet: the rows under the first row that has a
 * code header (`Codice`), the first row of a code winning.
 * @example treeSheetRows({ name: "Albero", values: [["Codice"], ["A"], ["A.1"]] }).get("A.1") // 3
 */
export function treeSheetRows(sheet: SheetGrid): Map<string, number> {
  const headers = new Set(TREE_CODE_HEADERS);
  const out = new Map<string, number>();
  const r0 = new SheetCells(sheet).rowOffset;
  let col = -1;
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (col < 0) {
      col = row.findIndex((c) => typeof c === "string" && headers.has(normaliseHeader(c)));
      continue;
    }
    const cell = row[col];
    if (cell === null || cell === undefined || cell === "") continue;
    const code = normaliseCode(String(cell));
    if (!out.has(code)) out.set(code, r0 + r + 1);
  }
  return out;
}

/**
 * Where each node leads: the rows of its own KPIs (`ownerRows`), else, for a node without
 * KPI rows of its own (an area, a program), its row on the tree sheet when there is one.
 * A node in neither has no entry.
 * @example nodeRows(report, albero).get("B") // { sheet: "Albero", rows: [12] }
 */
export function nodeRows(
  report: Pick<ValidationReport, "kpis"> & Partial<Pick<ValidationReport, "groups">>,
  treeSheet: SheetGrid | null,
): Map<string, OwnerRows> {
  const out: Map<string, OwnerRows> = ownerRows(report);
  if (!treeSheet) return out;
  for (const [code, row] of treeSheetRows(treeSheet)) {
    if (!out.has(code)) out.set(code, { sheet: treeSheet.name, rows: [row] });
  }
  return out;
}

/**
 * Runs of consecutive rows as an address of whole rows.
 * @example rowsAddress([9, 5, 6, 7, 6]) // "5:7,9:9"
 */
export function rowsAddress(rows: readonly number[]): string {
  return consecutiveRuns(rows)
    .map((run) => `${run.first}:${run.last}`)
    .join(",");
}
