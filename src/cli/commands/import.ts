import { basename, extname } from "path";
import {
  buildWorkbook,
  formatMessage,
  type FormulaStyle,
  monitoringDate,
  type ParsedPlan,
  parsePlan,
  parsePlanDocument,
  planDropped,
} from "../../core";
import type { ParsedArgs } from "../args";
import { DocxError, isDocx, MAX_PART_MB, readDocx } from "../docx";
import { CliError, type CliContext } from "../io";
import { readPlanText, readUserFile } from "../read-input";
import { writeOutput } from "../safe-write";
import { looksLikeZip } from "../zip";
import { planJson, planText } from "../output/import";
import { capCellText } from "../cell-limits";
import { fileRequest, OPTION } from "./options";
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
  /** Trend and ratio formulas (`--formule`); default `native`. */
  readonly formulas?: FormulaStyle;
  /** Monitoring dates as `MM-DD` (`--monitoraggi 30/06,30/09`): value columns per year. */
  readonly checkpoints?: readonly string[];
}

/**
 * The plan of a file: a Word document (any ZIP holding word/document.xml, whatever its name)
 * through the docx reader, anything else as plan text.
 */
function readPlan(ctx: CliContext, file: string): ParsedPlan {
  const bytes = readUserFile(ctx, file);
  const named = extname(file).toLowerCase() === ".docx";
  if (looksLikeZip(bytes) && (named || isDocx(bytes))) {
    try {
      return parsePlanDocument(readDocx(bytes));
    } catch (e) {
      if (!(e instanceof DocxError)) throw e;
      const code = e.reason === "not_word" ? "DOCX_NOT_WORD" : e.reason === "too_large" ? "DOCX_TOO_LARGE" : "DOCX_DAMAGED";
      throw new CliError(formatMessage(code, ctx.lang, { file, detail: e.message, mb: MAX_PART_MB }));
    }
  }
  if (named && bytes.length > 0) throw new CliError(formatMessage("DOCX_NOT_WORD", ctx.lang, { file }));
  return parsePlan(readPlanText(ctx, file));
}

/**
 * `kpi import`: parses the plan (text or .docx), builds the workbook and writes it. Resolves
 * to 1 when the parser reported errors or left out a table or a row (the workbook is still
 * written: every problem is listed in it).
 */
export async function runImport(ctx: CliContext, req: ImportRequest): Promise<{ code: number; plan: ParsedPlan; written: string | null }> {
  const plan = readPlan(ctx, req.input);
  const output = req.output ?? (req.json ? undefined : `${basename(req.input, extname(req.input))}.xlsx`);
  let written: string | null = null;
  if (output !== undefined) {
    const { spec, cut } = capCellText(buildWorkbook(plan, { lang: ctx.lang, formulas: req.formulas, checkpoints: req.checkpoints }));
    if (cut > 0) ctx.io.stderr(`kpi: ${ctx.t.cellsCut(cut)}\n`);
    // ExcelJS is loaded only by the commands that write a workbook.
    const { writeXlsx } = await import("../xlsx-write");
    const bytes = await writeXlsx(spec);
    writeOutput(ctx, output, bytes, req.input, { overwrite: req.force === true });
    written = output;
  }
  if (!req.quiet) {
    if (req.json) ctx.io.stdout(JSON.stringify(planJson(plan, ctx.lang), null, 2) + "\n");
    else ctx.io.stdout(planText(plan, ctx.lang) + (written !== null ? `${ctx.t.written(written)}\n` : ""));
  }
  const errors = plan.problems.some((p) => p.severity === "error");
  return { code: errors || planDropped(plan) ? 1 : 0, plan, written };
}

export const importCommand: Command = {
  name: "import",
  options: [
    OPTION.json,
    OPTION.output,
    OPTION.force,
    // Italian and English spellings of one option.
    { name: "formule", value: true },
    { name: "formulas", value: true },
    { name: "monitoraggi", value: true },
    { name: "checkpoints", value: true },
  ],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const { code } = await runImport(ctx, {
      ...fileRequest(args, ctx, "import"),
      json: args.options.json === true,
      formulas: formulasOption(ctx, args.options.formule ?? args.options.formulas),
      checkpoints: checkpointsOption(ctx, args.options.monitoraggi ?? args.options.checkpoints),
    });
    return code;
  },
};

/** `--monitoraggi 30/06,30/09` (or `--checkpoints`): the dates as `MM-DD`; 31/12 is the year end, already there. */
function checkpointsOption(ctx: CliContext, value: string | true | undefined): string[] {
  if (value === undefined) return [];
  const text = value === true ? "" : value;
  const dates = text.split(/[,;]/).map((d) => d.trim()).filter((d) => d !== "");
  if (dates.length === 0) throw new CliError(ctx.t.badCheckpoint(text));
  return dates.map((d) => monitoringDate(d) ?? (() => { throw new CliError(ctx.t.badCheckpoint(d)); })()).filter((d) => d !== "12-31");
}

/** `--formule` / `--formulas`: `native` (default) or `kpi`, any case; anything else is a usage error. */
function formulasOption(ctx: CliContext, value: string | true | undefined): FormulaStyle {
  if (value === undefined) return "native";
  const text = value === true ? "" : value.trim().toLowerCase();
  if (text === "native" || text === "kpi") return text;
  throw new CliError(ctx.t.badFormulas(value === true ? "" : value));
}
