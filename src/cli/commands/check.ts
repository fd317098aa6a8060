import {
  analyseWorkbook,
  marksFor,
  type Period,
  rollupJson,
  unitsJson,
  type ValidationReport,
  workbookUnitScores,
} from "../../core";
import type { ParsedArgs } from "../args";
import { CliError, type CliContext } from "../io";
import { checkText } from "../output/check";
import { changedAfterFreezeJson, writeCheckJson } from "../output/check-json";
import { readUserFile, readWorkbook } from "../read-input";
import { writeOutput } from "../safe-write";
import { withUncomputed } from "../uncomputed";
import { writeMarkedCopy } from "../xlsx-marks";
import { ZipError } from "../zip";
import { fileRequest, OPTION, PERIOD_OPTIONS, periodOption, yearOption } from "./options";
import type { Command } from "./types";

export interface CheckRequest {
  /** The workbook path as the user typed it (shown in messages). */
  readonly input: string;
  readonly year?: number | null;
  /** A monitoring period (`--periodo 2026-06-30`); wins over `year`. */
  readonly period?: Period | null;
  readonly json?: boolean;
  /** Where to write the highlighted copy. */
  readonly output?: string;
  /** Replace an existing highlighted copy (`--force`). */
  readonly force?: boolean;
}

/**
 * `kpi check`: reads the workbook, validates it, prints the report (text or JSON) and,
 * with an output path, writes a highlighted copy. The input file is only read.
 * Resolves to 0 (no errors) or 1 (validation errors); throws `CliError` (exit 2) when the
 * file is unusable or has no KPI table.
 */
export async function runCheck(ctx: CliContext, req: CheckRequest): Promise<{ code: number; report: ValidationReport }> {
  const bytes = readUserFile(ctx, req.input);
  const { sheets, uncomputed } = await readWorkbook(ctx, req.input, bytes);
  // The workbook's own measurement rules (sheet Impostazioni), and the roll-up through its
  // tree (sheet Albero): bad settings and a broken tree are problems like any other.
  const analysis = analyseWorkbook(sheets, { year: req.year ?? null, period: req.period ?? null });
  const { rollup: roll, history } = analysis;
  const report = withUncomputed(analysis.report, uncomputed);
  if (report.summary.tables === 0) throw new CliError(ctx.t.noTables(req.input));

  let markedPath: string | null = null;
  if (req.output !== undefined) {
    let copy: Buffer;
    try {
      copy = writeMarkedCopy(bytes, marksFor(report));
    } catch (e) {
      // The reader already accepted the file: what is left is an unusual package layout, told
      // in our words (the marker's own messages are for KPI_DEBUG).
      if (!(e instanceof ZipError)) throw e;
      throw new CliError(ctx.t.cannotMark(req.input, ctx.t.why.zip_corrupt));
    }
    writeOutput(ctx, req.output, copy, req.input, { overwrite: req.force === true });
    markedPath = req.output;
  }

  if (req.json) {
    // Streamed: the document's text is never whole in memory. `units`: each organisational
    // unit's result (src/core/scorecards.ts).
    const units = unitsJson(workbookUnitScores(analysis), 2);
    writeCheckJson(report, ctx.lang, { rollup: rollupJson(roll.nodes, { decimals: 2 }), units, changedAfterFreeze: changedAfterFreezeJson(history) }, ctx.io.stdout);
  } else {
    let text = checkText(report, req.input, ctx.lang);
    // The changes themselves are among the problems (warnings at their cells).
    if (history.sheet !== null) text += `${ctx.t.frozenLine(history.frozen, history.periods, history.changes.length)}\n`;
    if (markedPath !== null) text += `${ctx.t.marked(markedPath)}\n${ctx.t.legend}\n`;
    ctx.io.stdout(text);
  }
  const errors = report.problems.some((p) => p.severity === "error");
  return { code: errors ? 1 : 0, report };
}

export const checkCommand: Command = {
  name: "check",
  options: [OPTION.year, ...PERIOD_OPTIONS, OPTION.json, OPTION.output, OPTION.force],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const { code } = await runCheck(ctx, {
      ...fileRequest(args, ctx, "check"),
      year: yearOption(ctx, args.options.year),
      period: periodOption(ctx, args.options),
      json: args.options.json === true,
    });
    return code;
  },
};
