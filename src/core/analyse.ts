import { compareWithHistory, historyProblems, type HistoryCheck } from "./history";
import { isHistorySheet } from "./history-sheet";
import { isTreeProblem, rollupWorkbook, type WorkbookRollup } from "./rollup";
import { readRules, type RulesRead } from "./rules";
import type { Period, SheetGrid, ValidationReport } from "./types";
import { validateWorkbook } from "./validate";

/** What a workbook says about itself for a year: its rules, its checked KPIs and its roll-up. */
export interface WorkbookAnalysis {
  /** The `Impostazioni` sheet's rules over the defaults, with the sheet's own problems. */
  readonly rules: RulesRead;
  /**
   * The validation report; its problems also hold the settings' problems and the tree's
   * (cycles, orphan codes), so that one list says everything that is wrong.
   */
  readonly report: ValidationReport;
  readonly rollup: WorkbookRollup;
  /** The values frozen in the `Storico` sheet compared with the cells now (./history.ts). */
  readonly history: HistoryCheck;
}

/**
 * The one pipeline behind `kpi check`, `kpi report` and the pane's Valida: read the
 * workbook's measurement rules, validate every KPI table for the year with them, and roll
 * the achievements up through the workbook's tree (or its codes), and list the values edited
 * since they were frozen (sheet `Storico`, as warnings of the report).
 * @example analyseWorkbook(grids, { year: 2021 }).rollup.nodes.find((n) => n.code === "B")?.achievement
 */
export function analyseWorkbook(sheets: readonly SheetGrid[], options: AnalyseOptions = {}): WorkbookAnalysis {
  const steps = analyseWorkbookSteps(sheets, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

export interface AnalyseOptions {
  readonly year?: number | null;
  /** A monitoring period (`{ year: 2026, date: "06-30" }`); wins over `year`. */
  readonly period?: Period | null;
}

/**
 * `analyseWorkbook` in steps: it yields between validation and roll-up, so that a host with
 * a UI thread (the task pane) can let the page repaint between the two long phases.
 * @example
 * const steps = analyseWorkbookSteps(grids, { year: 2021 });
 * let step = steps.next();
 * while (!step.done) { await repaint(); step = steps.next(); }
 * const { report, rollup } = step.value;
 */
export function* analyseWorkbookSteps(
  sheets: readonly SheetGrid[],
  options: AnalyseOptions = {},
): Generator<"validated", WorkbookAnalysis, void> {
  // The history of freezes is the add-in's own record, not a sheet of KPIs to check.
  const history = compareWithHistory(sheets);
  if (history.sheet !== null) sheets = sheets.filter((s) => !isHistorySheet(s));
  const rules = readRules(sheets);
  const checked = validateWorkbook(sheets, { year: options.year ?? null, period: options.period ?? null, rules: rules.rules });
  yield "validated";
  const rollup = rollupWorkbook(checked, sheets, { rules: rules.rules });
  const report: ValidationReport = {
    ...checked,
    problems: [...rules.problems, ...checked.problems, ...rollup.problems.filter(isTreeProblem), ...historyProblems(history.changes)],
  };
  return { rules, report, rollup, history };
}
