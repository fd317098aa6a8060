import type { Lang, SheetGrid, ValidationReport } from "../core";
import type { WorkbookRollup } from "../core/rollup/workbook";
import type { RulesRead } from "../core/rules";
import { checkGrids } from "./check";
import { nextTick, type ExcelHost } from "./host";
import { queueInventory, writeMarksIn, type MarkInventory, type MarkOutcome } from "./marks";
import { readWorkbookIn, type PayloadBudget, type SheetInfo } from "./read-grids";

/**
 * The Validate action: one `Excel.run` that reads every sheet, checks it in the core (once,
 * with the workbook's own measurement rules, and rolls it up the workbook's tree, as
 * `kpi check` does: ./check.ts) and writes the marks.
 *
 * Syncs, for a workbook whose cells fit the payload budget (all of them on desktop Excel):
 *   1 list the sheets, 2 measure the used ranges and load the rules already there,
 *   3 read every sheet's values and number formats, 4 replace our marks.
 * That is 4 whatever the number of rows; Excel on the web adds one read sync per ~4 MB of
 * cells. A workbook with nothing to mark and no old marks skips sync 4.
 */

export type ValidatePhase =
  | { readonly kind: "reading"; readonly done: number; readonly total: number }
  | { readonly kind: "checking" }
  | { readonly kind: "marking" };

export interface ValidateRequest {
  /** The plan year; absent or `null`: the latest year with values (the engine's default). */
  readonly year?: number | null;
  readonly lang: Lang;
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
}

const UNSUPPORTED: MarkOutcome = {
  status: "unsupported",
  counts: { unmet: 0, met: 0, missing: 0 },
  rulesAdded: 0,
  rulesRemoved: 0,
  protectedSheets: [],
};

/**
 * Reads, validates and marks. Read failures reject (nothing was written); a failed write
 * comes back as `marks.status` "rolledBack" or "mayRemain" with the host error, because the
 * report itself is still good to show.
 * @example const { report, marks } = await validateAndMark(officeHost(), { lang: "it" });
 */
export async function validateAndMark(host: ExcelHost, request: ValidateRequest): Promise<ValidateOutcome> {
  const marking = request.mark !== false && host.supports("1.6");
  return host.run(async (context) => {
    let inventory: MarkInventory | null = null;
    const read = await readWorkbookIn(context, host, {
      budget: request.budget,
      onProgress: (p) => request.onPhase?.({ kind: "reading", done: p.done, total: p.total }),
      alsoQueue: marking
        ? (worksheets, listing) => {
            inventory = queueInventory(worksheets, listing);
          }
        : undefined,
    });
    request.onPhase?.({ kind: "checking" });
    await nextTick();
    const checked = await checkGrids(read.grids, { year: request.year ?? null, lang: request.lang, pause: nextTick });
    const base = { report: checked.report, sheets: read.sheets, rollup: checked.rollup, rules: checked.rules, treeSheet: checked.treeSheet };
    if (!marking || inventory === null) return { ...base, marks: UNSUPPORTED };
    request.onPhase?.({ kind: "marking" });
    await nextTick();
    const marks = await writeMarksIn(context, host, checked.report, inventory, read.worksheets, read.sheets, request.budget);
    return { ...base, marks };
  });
}
