import {
  type Band,
  type KpiResult,
  type Lang,
  type NodeKind,
  normaliseCode,
  normaliseHeader,
  type RollupResultNode,
  roundHalfUp,
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

const FIXED: Map<Lang, Intl.NumberFormat> = new Map();

/**
 * An achievement as the pane writes it: rounded half-up to 2 decimals, always 2 shown,
 * Italian decimal comma in Italian.
 * @example achievementText(83.335, "it") // "83,34"
 */
export function achievementText(x: number, lang: Lang): string {
  let f = FIXED.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "it" ? "it-IT" : "en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false });
    FIXED.set(lang, f);
  }
  // Rounded first: Intl would round the binary value (83.335 is 83.33499...).
  return f.format(roundHalfUp(x, 2));
}

/** Runs of consecutive rows as an address of whole rows: [5,6,7,9] -> `5:7,9:9`. */
export function rowsAddress(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    runs.push(`${sorted[i]}:${sorted[j]}`);
    i = j + 1;
  }
  return runs.join(",");
}

/** The KPI rows of each owner code: the first sheet that has them, and their 1-based rows. */
function kpiRowsByCode(kpis: readonly KpiResult[]): Map<string, { sheet: string; rows: number[] }> {
  const out = new Map<string, { sheet: string; rows: number[] }>();
  for (const k of kpis) {
    // A table without a `Codice` column is one node named after its sheet (rollupWorkbook).
    const code = k.owner !== null && k.owner.trim() !== "" ? normaliseCode(k.owner) : k.sheet;
    const entry = out.get(code);
    if (!entry) out.set(code, { sheet: k.sheet, rows: [k.row] });
    else if (entry.sheet === k.sheet) entry.rows.push(k.row);
  }
  return out;
}

const CODE_HEADERS = new Set(["codice", "code", "codice nodo", "node"]);

/** The 1-based row of each code on the tree sheet. */
function treeRows(sheet: SheetGrid | null): Map<string, number> {
  const out = new Map<string, number>();
  if (!sheet) return out;
  const r0 = sheet.origin?.row ?? 0;
  let col = -1;
  for (let r = 0; r < sheet.values.length; r++) {
    const row = sheet.values[r];
    if (col < 0) {
      col = row.findIndex((c) => typeof c === "string" && CODE_HEADERS.has(normaliseHeader(c)));
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
 * The pane's model of a roll-up.
 * @example buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it").roots[0].achievementText // "85,00"
 */
export function buildTreeView(
  rollup: WorkbookRollup,
  report: Pick<ValidationReport, "kpis" | "year">,
  treeSheet: SheetGrid | null,
  rules: Pick<RulesRead, "sheet">,
  strings: Strings,
  lang: Lang,
): TreeView {
  const kinds: Readonly<Record<NodeKind | "code", string>> = {
    area: strings.kindArea,
    strategic: strings.kindStrategic,
    program: strings.kindProgram,
    operational: strings.kindOperational,
    action: strings.kindAction,
    code: strings.kindCode,
  };
  const bands: Readonly<Record<Band, string>> = { green: strings.bandGreen, amber: strings.bandAmber, red: strings.bandRed };
  const own = kpiRowsByCode(report.kpis);
  const onTree = treeRows(treeSheet);

  const link = (n: RollupResultNode): TreeLink | null => {
    const k = own.get(n.code);
    if (k) {
      const address = rowsAddress(k.rows);
      return { sheet: k.sheet, address, where: `${k.sheet}!${address}` };
    }
    const row = treeSheet ? onTree.get(n.code) : undefined;
    if (treeSheet && row !== undefined) return { sheet: treeSheet.name, address: `${row}:${row}`, where: `${treeSheet.name}!${row}:${row}` };
    return null;
  };

  type Building = Omit<TreeNodeView, "children"> & { children: TreeNodeView[] };
  const byCode = new Map<string, Building>();
  const roots: TreeNodeView[] = [];
  for (const n of rollup.nodes) {
    const achievement = n.achievement === null ? null : roundHalfUp(n.achievement, 2);
    const view: Building = {
      code: n.code,
      kind: n.kind,
      kindLabel: kinds[n.kind],
      title: n.title === n.code ? "" : n.title,
      depth: n.depth,
      measured: n.kind !== "program" || n.achievement !== null,
      achievement,
      achievementText: n.achievement === null ? strings.treeNoData : achievementText(n.achievement, lang),
      band: n.band,
      bandText: n.band === null ? strings.treeNoData : bands[n.band],
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
