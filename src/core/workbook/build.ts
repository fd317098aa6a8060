/**
 * The workbook built from a parsed plan, as host-neutral data: one KPI sheet per area
 * (./kpi-sheet.ts), the tree (./tree-sheet.ts), the measurement rules and the parser's
 * problems (./problems-sheet.ts). The CLI writes it with ExcelJS, the pane with Office.js.
 */
import { DEFAULT_RULES } from "../achievement";
import type { Lang } from "../messages";
import { rulesSheet } from "../rules";
import type { ParsedPlan, PlanKpi } from "../types";
import type { SheetSpec, WorkbookSpec } from "./description";
import { kpiSheet, type FormulaStyle } from "./kpi-sheet";
import { LABELS } from "./labels";
import { safeSheetName } from "./names";
import { problemsSheet } from "./problems-sheet";
import { treeSheet } from "./tree-sheet";

export type { FormulaStyle } from "./kpi-sheet";

export interface BuildWorkbookOptions {
  readonly lang?: Lang;
  /** Default `native`. */
  readonly formulas?: FormulaStyle;
  /**
   * Monitoring dates as `MM-DD` (`["06-30", "09-30"]`, from `kpi import --monitoraggi 30/06,30/09`):
   * each plan year gets a `Valore YYYY al 30/06` column per date, before its `Valore YYYY`
   * (the year end). Values at a date are typed by hand: no formula.
   */
  readonly checkpoints?: readonly string[];
}

/**
 * Builds the workbook description of a parsed plan:
 * - one sheet per area (`A`, `B`, `C`), each holding one Excel table `KPI_<area>` with
 *   `Codice | Tipo | Indicatore | Algoritmo | Peso | Stato | Target`, then per plan year
 *   `Target YYYY` (that year's condition, `---` when none), `Misura YYYY` (only on sheets
 *   with year-over-year KPIs) and `Valore YYYY`;
 * - for year-over-year KPIs (`X(t)` against `X(t-1)`: trend %, ratio, and `X(t)/X(t-1)*100`)
 *   `Valore YYYY` is a live formula over the measures, by default native Excel arithmetic
 *   (`IF(OR(J2="",F2=""),"",(J2-F2)/F2*100)`, see {@link FormulaStyle}): the base is the
 *   previous year's measure, the `Stato` baseline for the first year; blank inputs give an
 *   empty cell (cached result `""`), so a new file shows nothing wrong anywhere;
 * - a tree sheet (`Albero`) with code, kind, title, parent, program, units and a blank
 *   `Peso` for weighting the children (blank = equal weights);
 * - the measurement rules (`Impostazioni`) with the documented defaults, for the body to adjust;
 * - a `Problemi` sheet when the parser reported problems, so none is lost.
 * Header rows are frozen, weights are validated (decimal 0..100).
 * @example buildWorkbook(parsePlan(text)).sheets.map((s) => s.name) // ["A", "B", "C", "Albero", "Impostazioni"]
 */
export function buildWorkbook(plan: ParsedPlan, options: BuildWorkbookOptions = {}): WorkbookSpec {
  const lang = options.lang ?? "it";
  const formulas = options.formulas ?? "native";
  const labels = LABELS[lang];
  const nodes = new Map(plan.nodes.map((n) => [n.code, n]));
  const used = new Set<string>();
  const sheets: SheetSpec[] = [];
  for (const [area, kpis] of groupByArea(plan)) {
    const name = safeSheetName(area, used);
    used.add(name);
    sheets.push(kpiSheet(name, area, kpis, plan.years, nodes, labels, formulas, [...new Set(options.checkpoints ?? [])].sort()));
  }
  const tree = safeSheetName(labels.tree.sheet, used);
  used.add(tree);
  sheets.push(treeSheet(tree, plan.nodes, labels));
  // The measurement rules travel with the file, so every reader of it scores the same way.
  const rules = rulesSheet(DEFAULT_RULES, { lang });
  const rulesName = safeSheetName(rules.name, used);
  used.add(rulesName);
  sheets.push({ ...rules, name: rulesName });
  if (plan.problems.length > 0) {
    sheets.push(problemsSheet(safeSheetName(labels.problems.sheet, used), plan, labels, lang));
  }
  return { sheets, properties: { title: labels.title } };
}

/** The area of an owner code: its first segment (`C.1.2.10` and `C.1/P1` are in `C`). */
function areaOf(code: string): string {
  return code.split(/[./]/)[0];
}

/** KPIs by area, areas in the plan's order (then any area known only from KPI owners). */
function groupByArea(plan: ParsedPlan): Map<string, PlanKpi[]> {
  const groups = new Map<string, PlanKpi[]>();
  for (const n of plan.nodes) if (n.kind === "area") groups.set(n.code, []);
  for (const k of plan.kpis) {
    const area = areaOf(k.owner);
    groups.set(area, [...(groups.get(area) ?? []), k]);
  }
  for (const [area, kpis] of groups) if (kpis.length === 0) groups.delete(area);
  return groups;
}
