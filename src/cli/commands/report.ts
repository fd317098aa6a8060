import { basename } from "path";
import {
  analyseWorkbook,
  localIsoDate,
  kpiCounts,
  type Problem,
  renderReport,
  type ValidationReport,
  type WorkbookRollup,
  workbookUnitScores,
} from "../../core";
import type { ParsedArgs } from "../args";
import { CliError, type CliContext } from "../io";
import { readUserFile, readWorkbook } from "../read-input";
import { writeOutput } from "../safe-write";
import { withUncomputed } from "../uncomputed";

import { fileRequest, OPTION, yearOption } from "./options";
import type { Command } from "./types";

export interface ReportRequest {
  /** The workbook path as the user typed it. */
  readonly input: string;
  readonly year?: number | null;
  /** Default `relazione-<year>.html` (`relazione.html` without a year) in the working folder. */
  readonly output?: string;
  /** The body's name; default the `Ente` row of the `Impostazioni` sheet. */
  readonly body?: string | null;
  readonly title?: string | null;
  /** Date printed as the date of generation, `yyyy-mm-dd`; default today (local time). */
  readonly date?: string | null;
  /** Replace an existing output file (`--force`). */
  readonly force?: boolean;
  /** `--unita`: add the unit scorecards (one section per organisational unit's result). */
  readonly units?: boolean;
}

export interface ReportOutcome {
  readonly code: number;
  readonly path: string;
  readonly html: string;
  readonly report: ValidationReport;
  readonly rollup: WorkbookRollup;
}

/**
 * `kpi report`: reads the workbook, checks it for the year with the workbook's own rules
 * (`Impostazioni`), rolls the KPIs up its tree (`Albero`) and writes the Relazione as one
 * self-contained HTML file (Italian, printable). The input file is only read.
 * Resolves to 0, or 1 when the check found validation errors (the report is written anyway,
 * with the errors listed in its notes); throws `CliError` (exit 2) for unusable input.
 */
export async function runReport(ctx: CliContext, req: ReportRequest): Promise<ReportOutcome> {
  const bytes = readUserFile(ctx, req.input);
  const { sheets, uncomputed } = await readWorkbook(ctx, req.input, bytes);
  // The analysis speaks no language: the Relazione describes its notes in Italian whatever
  // --lang says (renderReport), the lines printed here are in --lang.
  let analysis = analyseWorkbook(sheets, { year: req.year ?? null });
  // The Relazione is a year-end document: when the latest values are at a monitoring date
  // (`Valore 2026 al 30/06`), it is still written for that year's end.
  const period = analysis.report.period;
  if (period !== null && period.date !== null) analysis = analyseWorkbook(sheets, { year: period.year });
  const { rules, rollup: roll } = analysis;
  const report = withUncomputed(analysis.report, uncomputed);
  if (report.summary.tables === 0) throw new CliError(ctx.t.noTables(req.input));

  const date = req.date ?? localIsoDate(new Date());
  // Missing values are counted in the report itself; one note per blank cell would drown the
  // rest. The report's problems repeat the settings' and the tree's: a Set keeps each once.
  const notes: Problem[] = [
    ...new Set([...rules.problems, ...report.problems.filter((p) => p.severity === "error"), ...roll.problems]),
  ];
  const html = renderReport({
    title: req.title ?? undefined,
    body: req.body ?? rules.body,
    year: report.year,
    generatedOn: date,
    nodes: roll.nodes,
    rules: roll.rules,
    problems: notes,
    source: basename(req.input),
    // Every target not met is listed with its reason (Motivazione scostamento), as the Relazione requires.
    kpis: report.kpis,
    ...(req.units ? { units: workbookUnitScores(analysis), unitRule: rules.unitRule ?? "all" } : {}),
  });
  const output = req.output ?? (report.year === null ? "relazione.html" : `relazione-${report.year}.html`);
  // Whatever is at that path (a workbook named by mistake, last year's Relazione) stays
  // unless --force says otherwise.
  writeOutput(ctx, output, Buffer.from(html, "utf8"), req.input, { overwrite: req.force === true });
  ctx.io.stdout(ctx.t.reportWritten(output, report.year, roll.nodes.length, kpiCounts(roll.nodes)));
  // Errors of the check (all of them, not only those listed), of the settings and of the tree.
  const errors = [...report.problems, ...notes].some((p) => p.severity === "error");
  return { code: errors ? 1 : 0, path: output, html, report, rollup: roll };
}

function textOption(ctx: CliContext, value: string | true | undefined, name: string): string | null {
  if (value === undefined) return null;
  const text = value === true ? "" : value.trim();
  if (text === "") throw new CliError(ctx.t.emptyOption(`--${name}`));
  return text;
}

function dateOption(ctx: CliContext, value: string | true | undefined): string | null {
  const text = textOption(ctx, value, "date");
  if (text === null) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const valid = m !== null && (() => {
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  })();
  if (!valid) throw new CliError(ctx.t.badDate(text));
  return text;
}

export const reportCommand: Command = {
  name: "report",
  options: [
    OPTION.year,
    OPTION.output,
    { name: "ente", value: true },
    { name: "title", value: true },
    { name: "date", value: true },
    OPTION.force,
    { name: "unita", value: false },
    { name: "units", value: false },
  ],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const { code } = await runReport(ctx, {
      ...fileRequest(args, ctx, "report"),
      year: yearOption(ctx, args.options.year),
      body: textOption(ctx, args.options.ente, "ente"),
      title: textOption(ctx, args.options.title, "title"),
      date: dateOption(ctx, args.options.date),
      units: args.options.unita === true || args.options.units === true,
    });
    return code;
  },
};
