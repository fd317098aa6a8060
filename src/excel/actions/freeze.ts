import {
  type CellValue,
  columnLetters,
  formatMessage,
  freezeValues,
  frozenPeriod,
  HISTORY_HEADER,
  HISTORY_SHEET,
  historyRows,
  type Lang,
  readHistory,
  ReasonError,
  type ValidationReport,
} from "../../core";
import { analyseGrids } from "../analyse";
import { nextTick, type ExcelHost } from "../host";
import { budgetFor, type PayloadBudget } from "../payload-budget";
import { readWorkbookIn } from "../read-grids";

/**
 * The "Freeze monitoring" action (`Congela monitoraggio`): one `Excel.run` that reads the
 * workbook, checks it as Validate does for the period shown, and appends the period's values,
 * as they are stored in their cells, to the hidden sheet `Storico` with the date and time of
 * the freeze (src/core/history.ts). Later edits of those values are then listed by Validate.
 *
 * Syncs, exactly (desktop, or a workbook whose cells fit one response on the web): 1 read
 * every sheet (../read-grids.ts), 2 write the rows (and add and hide the sheet the first time).
 * Constant in the number of rows; rows beyond the web's write budget are written in batches
 * of about 4 MB, one sync each (as the import does).
 *
 * Nothing of the user's is touched: a sheet named `Storico` that the add-in did not write
 * (its first row is not the history header) is refused with a message, and so is a protected
 * one; earlier freezes stay as they are, the new rows go below them. Every text is written
 * with Excel's quote prefix, so that a period `2026`, a time `2026-06-30 09:05:07` or a value
 * typed as `12,5` stays the text it was rather than becoming a number or a date.
 */

export interface FreezeRequest {
  /** The plan year shown in the pane; absent or `null`: the engine's default. */
  readonly year?: number | null;
  readonly lang: Lang;
  /** The date and time of the freeze, `yyyy-mm-dd hh:mm:ss` (`freezeStamp(new Date())`). */
  readonly frozenAt: string;
  readonly budget?: PayloadBudget;
  readonly onPhase?: (phase: "reading" | "writing") => void;
}

export interface FreezeOutcome {
  readonly sheet: string;
  readonly period: string;
  /** Values frozen by this freeze. */
  readonly frozen: number;
  /** True when the sheet was added by this freeze. */
  readonly created: boolean;
  /** The report the values were taken from. */
  readonly report: ValidationReport;
}

/** A freeze the add-in will not write, with its message in the pane's language. */
export class FreezeRefused extends ReasonError<"notOurs" | "protected" | "nothing"> {
  override readonly name = "FreezeRefused";
}

/**
 * A cell as a `range.formulas` entry that Excel keeps as it is (texts with the quote prefix).
 * @example frozenInput("2026") // "'2026"
 */
export function frozenInput(value: CellValue): string | number | boolean {
  if (value === null) return "";
  if (typeof value === "string") return value === "" ? "" : `'${value}`;
  return value;
}

/** Estimated request bytes of a row (JSON), for splitting very large freezes on the web. */
function rowBytes(row: readonly (string | number | boolean)[]): number {
  let n = 4;
  for (const v of row) n += typeof v === "string" ? v.length + 3 : String(v).length + 1;
  return n;
}

/**
 * Freezes the values of the period shown. See the module comment.
 * @example const out = await freezeMonitoring(officeHost(), { lang: "it", year: 2026, frozenAt: freezeStamp(new Date()) });
 */
export async function freezeMonitoring(host: ExcelHost, request: FreezeRequest): Promise<FreezeOutcome> {
  const { lang } = request;
  const budget = request.budget ?? budgetFor(host.platform);
  return host.run(async (context) => {
    request.onPhase?.("reading");
    const read = await readWorkbookIn(context, host, { budget });
    await nextTick();
    const checked = await analyseGrids(read.grids, { year: request.year ?? null, pause: nextTick });
    const period = frozenPeriod(checked.report) ?? "";
    const values = period === "" ? [] : freezeValues(checked.report.kpis, read.grids, period, request.frozenAt);
    if (values.length === 0) throw new FreezeRefused("nothing", formatMessage("HISTORY_NOTHING_TO_FREEZE", lang, { period: period || "—" }));

    const index = read.sheets.findIndex((s) => s.name.toLowerCase() === HISTORY_SHEET.toLowerCase());
    const info = index >= 0 ? read.sheets[index] : null;
    let startRow = 0;
    const rows: (string | number | boolean)[][] = [];
    if (info) {
      const history = readHistory(read.grids[index]);
      if (!history.ours) throw new FreezeRefused("notOurs", formatMessage("HISTORY_SHEET_NOT_OURS", lang, { sheet: info.name }));
      if (info.protected) throw new FreezeRefused("protected", info.name);
      startRow = history.nextRow;
    } else {
      rows.push(HISTORY_HEADER.map(frozenInput));
    }
    for (const row of historyRows(values)) rows.push(row.map(frozenInput));

    request.onPhase?.("writing");
    const ws = info ? read.worksheets[index] : context.workbook.worksheets.add(HISTORY_SHEET);
    const last = columnLetters(HISTORY_HEADER.length - 1);
    // Rows in blocks that each fit the budget: one block for any real plan.
    const perRow = rows.reduce((n, r) => n + rowBytes(r), 0) / rows.length;
    const rowsPerBlock = Math.max(1, Math.floor(budget.maxBytes / 2 / Math.max(perRow, 1)));
    for (let start = 0; start < rows.length; start += rowsPerBlock) {
      if (start > 0) await context.sync();
      const block = rows.slice(start, start + rowsPerBlock);
      const top = startRow + start + 1;
      ws.getRange(`A${top}:${last}${top + block.length - 1}`).formulas = block;
    }
    // Hidden again at every freeze: a user who unhid it to undo a freeze need not hide it.
    ws.visibility = "Hidden";
    await context.sync();
    return { sheet: info?.name ?? HISTORY_SHEET, period, frozen: values.length, created: info === null, report: checked.report };
  });
}
