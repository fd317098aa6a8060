import type { HistoryCheck, Period, RulesRead, SheetGrid, ValidationReport, WorkbookRollup } from "../../core";
import { analyseGrids } from "../analyse";
import { nextTick, type ExcelHost } from "../host";
import { inventoryOf, queueSheetRules } from "../mark-inventory";
import { writeMarksIn, type MarkOutcome } from "../marks";
import type { PayloadBudget } from "../payload-budget";
import { readWorkbookIn, type SheetInfo } from "../read-grids";
import { hasFeature } from "../requirements";
import type { ActionPhase } from "./phases";

/**
 * The Validate action (the pane's `Valida` / `Validate` button): one `Excel.run` that reads
 * every sheet, analyses it in the core (once, with the workbook's own measurement rules, and
 * rolls it up the workbook's tree, as `kpi check` does: ../analyse.ts) and writes the marks.
 *
 * Syncs, exactly, for a workbook whose cells fit in one response (all of them on desktop
 * Excel; up to 5 MB on the web):
 *   1 find every sheet and read its used range's values and number formats, and the rules
 *     already there (../read-grids.ts, ../discover.ts);
 *   2 replace our marks (skipped when there is nothing to remove or add).
 * So 2 whatever the number of rows. When the cells do not fit one response (Excel on the web
 * beyond 5 MB), sync 1 is refused and sent again without them, and the cells are read in R
 * chunks of about 4 MB (3-5 MB each but the last): 1 + 1 + R + 1 syncs the first time; on the
 * next actions, while the workbook stays that large (the host is remembered), no refused
 * attempt and full-size chunks from the first: 1 + R' + 1, R' = R or R - 1. Each 32 sheets
 * beyond the first 32 add one sync; ExcelApi older than 1.5 adds one (the sheets are listed
 * first), and so does a host that refuses to reach past the last sheet (../discover.ts).
 */

export type ValidatePhase = ActionPhase<"marking">;

export interface ValidateRequest {
  /** The plan year; absent or `null`: the latest year with values (the engine's default). */
  readonly year?: number | null;
  /** A monitoring period (the pane's period selector); wins over `year`. */
  readonly period?: Period | null;
  readonly onPhase?: (phase: ValidatePhase) => void;
  readonly budget?: PayloadBudget;
  /** Write the marks (default true). */
  readonly mark?: boolean;
}

export interface ValidateOutcome {
  readonly report: ValidationReport;
  readonly marks: MarkOutcome;
  readonly sheets: readonly SheetInfo[];
  /** The roll-up of the same report through the workbook's tree. */
  readonly rollup: WorkbookRollup;
  /** The measurement rules used (the workbook's `Impostazioni`, else the defaults). */
  readonly rules: RulesRead;
  /** The workbook's tree sheet, for linking the tree's nodes to its rows. */
  readonly treeSheet: SheetGrid | null;
  /** The values frozen in `Storico` compared with the cells now (./freeze.ts writes them). */
  readonly history: HistoryCheck;
}

const UNSUPPORTED: MarkOutcome = {
  status: "unsupported",
  counts: { unmet: 0, met: 0, missing: 0, at_risk: 0 },
  rulesAdded: 0,
  rulesRemoved: 0,
  protectedSheets: [],
};

/**
 * Reads, validates and marks. Read failures reject (nothing was written); a failed write
 * comes back as `marks.status` "rolledBack" or "mayRemain" with the host error, because the
 * report itself is still good to show.
 * @example const { report, marks } = await runValidate(officeHost());
 */
export async function runValidate(host: ExcelHost, request: ValidateRequest = {}): Promise<ValidateOutcome> {
  const marking = request.mark !== false && hasFeature(host, "marks");
  return host.run(async (context) => {
    const read = await readWorkbookIn(context, host, {
      budget: request.budget,
      onProgress: (p) => request.onPhase?.({ kind: "reading", done: p.done, total: p.total }),
      // The rules already there ride on the read's first sync.
      perSheet: marking ? queueSheetRules : () => null,
    });
    request.onPhase?.({ kind: "checking" });
    await nextTick();
    const checked = await analyseGrids(read.grids, { year: request.year ?? null, period: request.period ?? null, pause: nextTick });
    const base = { report: checked.report, sheets: read.sheets, rollup: checked.rollup, rules: checked.rules, treeSheet: checked.treeSheet, history: checked.history };
    if (!marking) return { ...base, marks: UNSUPPORTED };
    const inventory = inventoryOf(read.sheets, read.extras as Excel.ConditionalFormatCollection[]);
    request.onPhase?.({ kind: "marking" });
    await nextTick();
    const marks = await writeMarksIn(context, host, checked.report, inventory, read.worksheets, read.sheets, request.budget);
    return { ...base, marks };
  });
}
