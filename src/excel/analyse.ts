import {
  analyseWorkbookSteps,
  findTreeSheet,
  type HistoryCheck,
  type Period,
  type RulesRead,
  type SheetGrid,
  type ValidationReport,
  type WorkbookRollup,
} from "../core";

/**
 * The analysis every pane action runs on the grids it has read: the core's one pipeline
 * (`analyseWorkbook`), the same as `kpi check` (src/cli/commands/check.ts). The measurement rules come from the workbook's settings sheet
 * (`Impostazioni`), the KPIs are validated with them, and the roll-up goes through the
 * workbook's tree (`Albero`, else the codes); bad settings and a broken tree are problems of
 * the report like any other. Pure: no Office call, the grids are already in memory.
 */

export interface GridsAnalysis {
  /** The validation report, with the settings' and the tree's problems added. */
  readonly report: ValidationReport;
  readonly rollup: WorkbookRollup;
  /** The rules used and where they came from (`sheet: null`: the defaults). */
  readonly rules: RulesRead;
  /** The tree sheet, if the workbook has one (the pane links the nodes to its rows). */
  readonly treeSheet: SheetGrid | null;
  /** The values frozen in `Storico` compared with the cells now (also among the report's problems). */
  readonly history: HistoryCheck;
}

export interface AnalyseOptions {
  readonly year?: number | null;
  /** A monitoring period (`{ year: 2026, date: "06-30" }`); wins over `year`. */
  readonly period?: Period | null;
  /**
   * Awaited between the validation and the roll-up: lets the pane repaint, so a large
   * workbook costs two shorter pauses of the page instead of one long one.
   */
  readonly pause?: () => Promise<void>;
}

/**
 * Validates and rolls up a workbook's grids with the workbook's own rules: the core's one
 * pipeline (`analyseWorkbookSteps`), with a pause between its phases for the page to repaint.
 * @example const { report, rollup } = await analyseGrids(read.grids, { year: 2022 });
 */
export async function analyseGrids(grids: readonly SheetGrid[], options: AnalyseOptions): Promise<GridsAnalysis> {
  const steps = analyseWorkbookSteps(grids, { year: options.year ?? null, period: options.period ?? null });
  let step = steps.next();
  while (!step.done) {
    await options.pause?.();
    step = steps.next();
  }
  return { ...step.value, treeSheet: findTreeSheet(grids) };
}
