/**
 * A KPI table of the plan while its rows are read: its owner, its columns (with the years
 * row of a two-row header), the rows counted, the weights seen; and what is reported when
 * it closes (a header not recognised, no owner, no weights, no targets).
 */
import { problem, type Problem } from "../problem";
import type { RowContext } from "./kpi-row";
import type { Separator, TargetColumn } from "./table";

export interface TableState {
  /** `null`: no valid node above; its rows are counted and reported, not kept. */
  readonly owner: string | null;
  readonly headerLine: number;
  readonly sep: Separator;
  /** `null` when the header was not recognised: rows are counted and reported. */
  ctx: RowContext | null;
  readonly near: { readonly found: readonly string[]; readonly missing: readonly string[] } | null;
  /** The heading not understood that made this table ownerless. */
  readonly blockedBy: { readonly line: number; readonly text: string } | null;
  rows: number;
  /** True right after the header or a row: a line here is a row even without tabs. */
  adjacent: boolean;
  /** True until the first line after the header: it may be the years row of a two-row header. */
  awaitingYears: boolean;
  readonly blankWeights: { line: number; indicator: string }[];
  filledWeights: number;
}

/**
 * What a table says about itself when it ends: its rows were not read (a header not
 * recognised, no owner), or its owner's weights or targets cannot be checked.
 * @example closedTableProblems(table) // [PLAN_TABLE_NO_OWNER] for rows before any heading
 */
export function closedTableProblems(t: TableState): Problem[] {
  const line = t.headerLine;
  if (t.ctx === null && t.near) {
    return [problem("error", "PLAN_TABLE_HEADER", { found: t.near.found.join(", "), missing: t.near.missing.join(", "), rows: t.rows }, { line })];
  }
  if (t.owner === null) {
    if (t.blockedBy) return [problem("error", "PLAN_TABLE_AFTER_BAD_HEADING", { heading: t.blockedBy.line, text: t.blockedBy.text, rows: t.rows }, { line })];
    return [problem("error", "PLAN_TABLE_NO_OWNER", { rows: t.rows }, { line })];
  }
  if (t.ctx === null || t.rows === 0) return [];
  const owner = t.owner;
  const out: Problem[] = [];
  if (t.ctx.columns.weight === null || (t.filledWeights === 0 && t.blankWeights.length > 0)) {
    out.push(problem("warning", "PLAN_TABLE_NO_WEIGHTS", { owner }, { line }));
  } else {
    for (const b of t.blankWeights) out.push(problem("error", "PLAN_BLANK_WEIGHT", { indicator: b.indicator }, { line: b.line }));
  }
  if (t.ctx.columns.targets.length === 0) out.push(problem("warning", "PLAN_TABLE_NO_TARGETS", { owner }, { line }));
  return out;
}

/**
 * The years row of a two-row header (`Target` merged over `2026 | 2027 | 2028`): each year
 * cell becomes a target column of the header cell above it or, under a merged (blank) cell,
 * of the nearest header cell to its left.
 * @example withYearRow(ctx, ["", "", "2026", "2027"]).columns.targets.map((t) => t.year) // [2026, 2027]
 */
export function withYearRow(ctx: RowContext, cells: readonly string[]): RowContext {
  const names = ctx.columns.names;
  const targets: TargetColumn[] = [];
  cells.forEach((cell, col) => {
    const m = /((?:19|20)\d{2})/.exec(cell);
    if (!m) return;
    let base = col;
    while (base > 0 && (names[base] ?? "") === "") base--;
    const above = ctx.columns.targets.find((t) => t.col === base && t.year === null);
    if (above) targets.push({ ...above, col, year: Number(m[1]), ordinal: null, header: `${above.header} ${m[1]}` });
  });
  if (targets.length === 0) return ctx;
  let width = cells.length;
  while (width > ctx.width && cells[width - 1] === "") width--;
  const kept = ctx.columns.targets.filter((t) => t.year !== null && !targets.some((x) => x.col === t.col));
  return {
    ...ctx,
    width: Math.max(ctx.width, width),
    columns: {
      ...ctx.columns,
      targets: [...kept, ...targets],
      names: Array.from({ length: Math.max(ctx.width, width) }, (_, i) => names[i] ?? ""),
    },
  };
}
