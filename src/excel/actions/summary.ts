import { localIsoDate, SUMMARY_SHEET, summarySheet } from "../../core";
import type { ExcelHost } from "../host";
import { buildOwnSheet, type SummaryOutcome, type SummaryRequest } from "./own-sheet";

/**
 * The "Build summary" action (`Crea riepilogo`): one `Excel.run` that reads the workbook,
 * analyses it as Validate does (../analyse.ts: the workbook's rules, the roll-up through its
 * tree) and writes the `Riepilogo` sheet (src/core/workbook/summary.ts) with the import's
 * writer. Reading again rather than reusing the last Validate keeps the sheet true to the
 * cells as they are now, and costs no extra round trip per row.
 *
 * Syncs, exactly (desktop, or a workbook whose cells fit one response on the web): 1 find
 * every sheet, read its cells and every sheet's marker property (../read-grids.ts), 2 write
 * the sheet. Constant in the number of rows; on the web, cells beyond one response are read
 * in chunks of about 4 MB (one more sync each, plus the refused attempt the first time) and
 * a summary beyond the write budget is written in batches of about 4 MB.
 *
 * Where it goes (a free name, or an earlier untouched summary of ours rewritten in place) and
 * what a failure leaves: ./own-sheet.ts, the writer of every sheet of the add-in's own.
 */

/**
 * Reads, checks and writes the summary sheet. See the module comment.
 * @example const { sheet, replaced } = await buildSummary(officeHost(), { lang: "it", year: 2022 });
 */
export async function buildSummary(host: ExcelHost, request: SummaryRequest): Promise<SummaryOutcome> {
  const lang = request.lang;
  return buildOwnSheet(host, request, {
    kind: "summary",
    name: SUMMARY_SHEET[lang],
    spec: (checked) =>
      checked.rollup.nodes.length === 0
        ? null
        : summarySheet(
            {
              year: checked.report.year,
              nodes: checked.rollup.nodes,
              rules: checked.rollup.rules,
              generatedOn: request.generatedOn ?? localIsoDate(new Date()),
              body: checked.rules.body,
            },
            { lang },
          ),
  });
}
