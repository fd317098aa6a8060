import {
  analyseWorkbook,
  findHistorySheet,
  formatMessage,
  freezeStamp,
  freezeValues,
  frozenAtText,
  frozenPeriod,
  historyRows,
  type Period,
  readHistory,
} from "../../core";
import type { ParsedArgs } from "../args";
import { CliError, errorText, type CliContext } from "../io";
import { readUserFile, readWorkbook } from "../read-input";
import { writeOutput } from "../safe-write";
import { writeHistoryCopy } from "../xlsx-history";
import { fileRequest, OPTION, PERIOD_OPTIONS, periodOption } from "./options";
import type { Command } from "./types";

export interface SnapshotRequest {
  /** The workbook path as the user typed it (shown in messages). */
  readonly input: string;
  /** The period: a year end or a monitoring date (`--periodo 2026`, `2026-06-30`). */
  readonly period?: Period | null;
  readonly output: string;
  readonly force?: boolean;
  /** The date and time of the freeze; default: now (local time). */
  readonly now?: Date;
}

export interface SnapshotOutcome {
  readonly period: string;
  readonly frozen: number;
  readonly frozenAt: string;
}

/**
 * `kpi snapshot`: writes a copy of the workbook with the values of a period appended to the
 * hidden `Storico` sheet (src/core/history.ts, written at the XML level by ../xlsx-history.ts,
 * so that the rest of the copy is the user's file byte for byte). The input is only read; an
 * existing output is replaced only with `--force`. Throws `CliError` (exit 2) for an unusable
 * file, a `Storico` sheet that is not ours, or nothing to freeze.
 */
export async function runSnapshot(ctx: CliContext, req: SnapshotRequest): Promise<SnapshotOutcome> {
  const bytes = readUserFile(ctx, req.input);
  const { sheets } = await readWorkbook(ctx, req.input, bytes);
  const { report } = analyseWorkbook(sheets, { year: req.period?.year ?? null, period: req.period ?? null });
  if (report.summary.tables === 0) throw new CliError(ctx.t.noTables(req.input));
  const period = frozenPeriod(report);
  const frozenAt = freezeStamp(req.now ?? new Date());
  const values = period === null ? [] : freezeValues(report.kpis, sheets, period, frozenAt);
  if (period === null || values.length === 0) throw new CliError(formatMessage("HISTORY_NOTHING_TO_FREEZE", ctx.lang, { period: period ?? "—" }));

  // Never a sheet of the user's: a Storico without our header stops the command.
  const history = findHistorySheet(sheets);
  const read = history ? readHistory(history) : null;
  if (history && read && !read.ours) throw new CliError(formatMessage("HISTORY_SHEET_NOT_OURS", ctx.lang, { sheet: history.name }));

  let copy: Buffer;
  try {
    copy = writeHistoryCopy(bytes, historyRows(values), history && read ? { sheet: history.name, nextRow: read.nextRow } : null);
  } catch (e) {
    throw new CliError(ctx.t.cannotWrite(req.output, errorText(e)));
  }
  writeOutput(ctx, req.output, copy, req.input, { overwrite: req.force === true });
  ctx.io.stdout(`${ctx.t.snapshotDone(values.length, period, req.output, frozenAtText(frozenAt, ctx.lang))}\n`);
  return { period, frozen: values.length, frozenAt };
}

export const snapshotCommand: Command = {
  name: "snapshot",
  options: [...PERIOD_OPTIONS, OPTION.output, OPTION.force],
  async run(args: ParsedArgs, ctx: CliContext): Promise<number> {
    const { input, output, force } = fileRequest(args, ctx, "snapshot");
    if (output === undefined) throw new CliError(ctx.t.snapshotNeedsOutput);
    await runSnapshot(ctx, { input, period: periodOption(ctx, args.options), output, force });
    return 0;
  },
};
