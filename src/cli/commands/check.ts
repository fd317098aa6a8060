import { analyseWorkbook, rollupJson, type ValidationReport } from "../../core";
import type { ParsedArgs } from "../args";
import { CliError, errorText, readUserFile, readWorkbook, writeOutput, type CliContext } from "../io";
import { checkJson, checkText } from "../report";
import { marksFor } from "../../core/marks";
import { writeMarkedCopy } from "../xlsx-marks";
import { periodOption, singleInput, stringOption, yearOption } from "./options";
import type { Period } from "../../core/types";
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
  const sheets = await readWorkbook(ctx, req.input, bytes);
  // The workbook's own measurement rules (sheet Impostazioni), and the roll-up through its
  // tree (sheet Albero): bad settings and a broken tree are problems like any other.
  const { report, rollup: roll } = analyseWorkbook(sheets, { year: req.year ?? null, period: req.period ?? null, lang: ctx.lang });
  if (report.summary.tables === 0) throw new CliError(ctx.t.noTables(req.input));

  let markedPath: string | null = null;
  if (req.output !== undefined) {
    let copy: Buffer;
    try {
      copy = writeMarkedCopy(bytes, marksFor(report));
    } catch (e) {
      throw new CliError(ctx.t.cannotMark(req.input, errorText(e)));
    }
    writeOutput(ctx, req.output, copy, req.input, { overwrite: req.force === true });
    markedPath = req.output;
  }

  if (req.json) {
    ctx.io.stdout(JSON.stringify({ ...(checkJson(report) as object), rollup: rollupJson(roll.nodes, { decimals: 2 }) }, null, 2) + "\n");
  } else {
    let text = checkText(report, req.input, ctx.lang);
    if (markedPath !== null) text += `${ctx.t.marked(markedPath)}\n${ctx.t.legend}\n`;
    ctx.io.stdout(text);
  }
  const errors = report.problems.some((p) => p.severity === "error");
  return { code: errors ? 1 : 0, report };
}


export const checkCommand: Command = {
  name: "check",
  options: [
    { name: "year", value: true },
    { name: "periodo", value: true },
    { name: "period", value: true },
    { name: "json", value: false },
    { name: "output", short: "o", value: true },
    { name: "force", value: false },
  ],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const input = singleInput(args, ctx, "check");
    const output = stringOption(args.options.output);
    const { code } = await runCheck(ctx, {
      input,
      year: yearOption(ctx, args.options.year),
      period: periodOption(ctx, args.options),
      json: args.options.json === true,
      force: args.options.force === true,
      output,
    });
    return code;
  },
};
