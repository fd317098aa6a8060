import { basename, extname } from "path";
import type { ParsedPlan } from "../../core/types";
import { parsePlan } from "../../core/plan/parse";
import { buildWorkbook } from "../../core/workbook/build";
import type { ParsedArgs } from "../args";
import { readPlanText, writeOutput, type CliContext } from "../io";
import { planJson, planText } from "../report";
import { capCellText } from "../cell-limits";
import { singleInput, stringOption } from "./options";
import type { Command } from "./types";

export interface ImportRequest {
  readonly input: string;
  /** Workbook to write; `undefined` with `json` means "print only". */
  readonly output?: string;
  readonly json?: boolean;
  /** Print nothing (the demo prints its own report). */
  readonly quiet?: boolean;
  /** Replace an existing output file (`--force`). */
  readonly force?: boolean;
}

/**
 * `kpi import`: parses the plan text, builds the workbook and writes it. Resolves to 1 when
 * the parser reported errors (the workbook is still written: every problem is listed in it).
 */
export async function runImport(ctx: CliContext, req: ImportRequest): Promise<{ code: number; plan: ParsedPlan; written: string | null }> {
  const text = readPlanText(ctx, req.input);
  const plan = parsePlan(text, { lang: ctx.lang });
  const output = req.output ?? (req.json ? undefined : `${basename(req.input, extname(req.input))}.xlsx`);
  let written: string | null = null;
  if (output !== undefined) {
    const { spec, cut } = capCellText(buildWorkbook(plan, { lang: ctx.lang }));
    if (cut > 0) ctx.io.stderr(`kpi: ${ctx.t.cellsCut(cut)}\n`);
    // ExcelJS is loaded only by the commands that write a workbook.
    const { writeXlsx } = await import("../xlsx-write");
    const bytes = await writeXlsx(spec);
    writeOutput(ctx, output, bytes, req.input, { overwrite: req.force === true });
    written = output;
  }
  if (!req.quiet) {
    if (req.json) ctx.io.stdout(JSON.stringify(planJson(plan), null, 2) + "\n");
    else ctx.io.stdout(planText(plan, ctx.lang) + (written !== null ? `${ctx.t.written(written)}\n` : ""));
  }
  const errors = plan.problems.some((p) => p.severity === "error");
  return { code: errors ? 1 : 0, plan, written };
}

export const importCommand: Command = {
  name: "import",
  options: [
    { name: "json", value: false },
    { name: "output", short: "o", value: true },
    { name: "force", value: false },
  ],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const input = singleInput(args, ctx, "import");
    const output = stringOption(args.options.output);
    const { code } = await runImport(ctx, {
      input,
      output,
      json: args.options.json === true,
      force: args.options.force === true,
    });
    return code;
  },
};
