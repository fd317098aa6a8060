import {
  achievementText,
  type Band,
  type Lang,
  type NodeKind,
  nodeRows,
  presentNode,
  type RollupNode,
  rowsAddress,
  type RulesRead,
  type SheetGrid,
  type ValidationReport,
  type WorkbookRollup,
} from "../core";
import { fmt, type Strings } from "./i18n";

/**
 * The roll-up tree as the pane shows it, computed once per report: each node with its
 * achievement (rounded half-up to 2 decimals, written the language's way), its traffic
 * light in words, its own KPIs' counts and the rows it leads to. Pure: no DOM, no Office.
 *
 * Where a node's link goes:
 * - the rows of its own KPIs (the KPI rows whose `Codice` is the node's code) on the first
 *   sheet that has them: `5:9`, or `5:6,9:9` when other rows sit between them;
 * - for a node without KPI rows of its own (an area, a program), its row on the tree sheet
 *   (`Albero`), when the workbook has one;
 * - otherwise nowhere: the node is shown without a link.
 */

export interface TreeLink {
  readonly sheet: string;
  /** Whole rows, e.g. `5:9` or `5:6,9:9`. */
  readonly address: string;
  /** `Sheet!5:9`, as shown. */
  readonly where: string;
}

export interface TreeNodeView {
  readonly code: string;
  readonly kind: NodeKind | "code";
  readonly kindLabel: string;
  /** The node's title; empty when it is only its code. */
  readonly title: string;
  readonly depth: number;
  /**
   * False for a program without a figure: programs only group objectives (the roll-up looks
   * through them), so "n.d." there would read as missing data. As on the Riepilogo sheet.
   */
  readonly measured: boolean;
  /** Rounded half-up to 2 decimals; `null` when nothing below the node had data. */
  readonly achievement: number | null;
  /** `83,33` / `83.33`, or `n.d.` */
  readonly achievementText: string;
  readonly band: Band | null;
  readonly bandText: string;
  /** The node's own KPIs (0 for a node measured by its children). */
  readonly kpis: number;
  readonly met: number;
  readonly unmet: number;
  readonly missing: number;
  readonly link: TreeLink | null;
  readonly children: readonly TreeNodeView[];
}

export interface TreeView {
  readonly roots: readonly TreeNodeView[];
  /** Nodes in the whole tree. */
  readonly count: number;
  readonly year: number | null;
  /** Lines about where the rules and the tree came from. */
  readonly notes: readonly string[];
}

/** Re-exported for the pane's readers: how the pane writes a figure and a row address. */
export { achievementText, rowsAddress };

/**
 * The pane's model of a roll-up.
 * @example buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it").roots[0].achievementText // "85,00"
 */
export function buildTreeView(
  rollup: WorkbookRollup,
  report: Pick<ValidationReport, "kpis" | "year"> & Partial<Pick<ValidationReport, "groups">>,
  treeSheet: SheetGrid | null,
  rules: Pick<RulesRead, "sheet">,
  strings: Strings,
  lang: Lang,
): TreeView {
  const rows = nodeRows(report, treeSheet);
  const link = (n: RollupNode): TreeLink | null => {
    const at = rows.get(n.code);
    if (!at) return null;
    const address = rowsAddress(at.rows);
    return { sheet: at.sheet, address, where: `${at.sheet}!${address}` };
  };

  type Building = Omit<TreeNodeView, "children"> & { children: TreeNodeView[] };
  const byCode = new Map<string, Building>();
  const roots: TreeNodeView[] = [];
  for (const n of rollup.nodes) {
    const shown = presentNode(n, lang);
    const view: Building = {
      code: n.code,
      kind: n.kind,
      kindLabel: shown.kindLabel,
      title: shown.title,
      depth: n.depth,
      measured: shown.measured,
      achievement: shown.achievement,
      achievementText: shown.achievementText,
      band: n.band,
      bandText: shown.bandText,
      kpis: n.kpis,
      met: n.met,
      unmet: n.unmet,
      missing: n.missing,
      link: link(n),
      children: [],
    };
    byCode.set(n.code, view);
    const parent = n.parent === null ? undefined : byCode.get(n.parent);
    // Pre-order: a parent always comes before its children.
    if (parent) parent.children.push(view);
    else roots.push(view);
  }

  const notes = [
    rules.sheet ? fmt(strings.treeRulesSheet, { sheet: rules.sheet }) : strings.treeRulesDefault,
    rollup.tree === "sheet" && treeSheet ? fmt(strings.treeFromSheet, { sheet: treeSheet.name }) : strings.treeFromCodes,
  ];
  return { roots, count: rollup.nodes.length, year: report.year, notes };
}
