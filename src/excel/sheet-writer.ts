import { columnLetters, type RangeFormatSpec, type SheetSpec, type ValidationSpec } from "../core";
import { cellInput, fill2d, widthInPoints } from "./cell-input";
import { formulaLocale, isKpiFormula, queueKpiFormulas, settleKpiFormulas, type FormulaCell, type FormulaLocale, type KpiFormulaWrites } from "./formulas";
import type { ExcelHost } from "./host";
import type { PayloadBudget } from "./payload-budget";
import { hasFeature } from "./requirements";

/**
 * The one writer of described sheets (src/core/workbook/description.ts) into the open workbook,
 * used by every action that adds a sheet (import, summary, unit scorecards), and its undo.
 *
 * Everything is queued and sent in one sync: cells, number formats, fonts and fills, column
 * widths, frozen header, tables, data validation. A very large plan is split into more syncs
 * only beyond the payload budget. A cell calling the add-in's functions (`KPI.*`) is written in
 * the form the user's Excel reads and read back in the same sync; one more sync rewrites in the
 * other form the cells that answered `#NAME?` (./formulas.ts).
 */

/** One unit of queued work with its estimated request size. */
interface Work {
  readonly bytes: number;
  readonly queue: () => void;
}

const OP_BYTES = 120;

function approxBytes(rows: readonly (readonly (string | number | boolean)[])[]): number {
  let n = 2;
  for (const row of rows) {
    n += 2;
    for (const v of row) n += (typeof v === "string" ? v.length + 3 : String(v).length + 1);
  }
  return n;
}

const H_ALIGN = { left: "Left", center: "Center", right: "Right" } as const;
const V_ALIGN = { top: "Top", center: "Center", bottom: "Bottom" } as const;

function formatWork(ws: () => Excel.Worksheet, f: RangeFormatSpec): Work[] {
  const out: Work[] = [];
  const range = () => ws().getRange(f.range);
  if (f.numberFormat !== undefined) {
    const grid = fill2d(f.range, f.numberFormat);
    out.push({ bytes: OP_BYTES + approxBytes(grid), queue: () => (range().numberFormat = grid) });
  }
  const simple: (() => void)[] = [];
  if (f.bold !== undefined) simple.push(() => (range().format.font.bold = f.bold as boolean));
  if (f.wrap !== undefined) simple.push(() => (range().format.wrapText = f.wrap as boolean));
  if (f.horizontal) simple.push(() => (range().format.horizontalAlignment = H_ALIGN[f.horizontal!]));
  if (f.vertical) simple.push(() => (range().format.verticalAlignment = V_ALIGN[f.vertical!]));
  if (f.fill) simple.push(() => (range().format.fill.color = `#${f.fill}`));
  if (f.fontColor) simple.push(() => (range().format.font.color = `#${f.fontColor}`));
  for (const q of simple) out.push({ bytes: OP_BYTES, queue: q });
  return out;
}

function validationWork(ws: () => Excel.Worksheet, v: ValidationSpec): Work {
  return {
    bytes: OP_BYTES * 3 + v.error.length + (v.prompt?.length ?? 0),
    queue: () => {
      const dv = ws().getRange(v.range).dataValidation;
      dv.rule = { decimal: { formula1: v.min, formula2: v.max, operator: "Between" } };
      dv.ignoreBlanks = v.allowBlank;
      dv.errorAlert = { showAlert: true, style: "Stop", title: v.errorTitle, message: v.error };
      if (v.prompt !== undefined) dv.prompt = { showPrompt: true, title: v.promptTitle ?? "", message: v.prompt };
    },
  };
}

/** Every write for one sheet, in the order Excel needs (cells before the table over them). */
function sheetWork(
  spec: SheetSpec,
  tableNames: readonly string[],
  ws: () => Excel.Worksheet,
  host: ExcelHost,
  budget: PayloadBudget,
  kpi: { readonly locale: FormulaLocale; readonly writes: KpiFormulaWrites[] } | null = null,
): Work[] {
  const out: Work[] = [];
  const width = spec.cells.reduce((n, r) => Math.max(n, r.length), 1);
  const rows = spec.cells.map((r) => Array.from({ length: width }, (_, c) => cellInput(r[c])));
  // Cells in row blocks that each fit the budget (one block for any real plan).
  const perRow = rows.length > 0 ? approxBytes(rows) / rows.length : 1;
  const rowsPerBlock = Math.max(1, Math.floor(budget.maxBytes / 2 / Math.max(perRow, 1)));
  for (let start = 0; start < rows.length; start += rowsPerBlock) {
    const block = rows.slice(start, start + rowsPerBlock);
    const address = `A${start + 1}:${columnLetters(width - 1)}${start + block.length}`;
    out.push({ bytes: OP_BYTES + approxBytes(block), queue: () => (ws().getRange(address).formulas = block) });
  }
  // Cells calling the add-in's functions: written again in the form the user's Excel reads,
  // with their values read back (./formulas.ts).
  const kpiCells: FormulaCell[] = [];
  spec.cells.forEach((r, row) =>
    r.forEach((cell, col) => {
      if (cell !== null && typeof cell === "object" && isKpiFormula(cell.formula)) kpiCells.push({ row, col, formula: cell.formula });
    }),
  );
  if (kpi && kpiCells.length > 0) {
    out.push({ bytes: OP_BYTES * 2 * kpiCells.length, queue: () => void kpi.writes.push(queueKpiFormulas(ws(), kpiCells, kpi.locale)) });
  }
  if (hasFeature(host, "columnWidths")) spec.columns.forEach((c, i) => {
    const col = columnLetters(i);
    out.push({ bytes: OP_BYTES, queue: () => (ws().getRange(`${col}:${col}`).format.columnWidth = widthInPoints(c.width)) });
  });
  for (const f of spec.formats) out.push(...formatWork(ws, f));
  spec.tables.forEach((t, i) => {
    out.push({
      bytes: OP_BYTES * 3,
      queue: () => {
        const table = ws().tables.add(t.range, true);
        table.name = tableNames[i];
        table.style = t.style;
      },
    });
  });
  if (hasFeature(host, "dataValidation")) for (const v of spec.validations) out.push(validationWork(ws, v));
  if (spec.frozenRows > 0 && hasFeature(host, "freezeHeader")) {
    out.push({ bytes: OP_BYTES, queue: () => ws().freezePanes.freezeRows(spec.frozenRows) });
  }
  return out;
}

/** One sheet to write with `writeSheetsIn`. */
export interface SheetWrite {
  readonly spec: SheetSpec;
  /** The name the sheet gets (already free: the caller chose it). */
  readonly name: string;
  /** The names of the spec's tables, in order (already free). */
  readonly tableNames: readonly string[];
  /**
   * A sheet the add-in made earlier, to be cleared and written again in place (the summary);
   * absent: a new sheet is added. Never a sheet of the user's.
   */
  readonly into?: Excel.Worksheet;
  /** Queued after the sheet's content, in the same batch (e.g. a custom property). */
  readonly after?: (ws: Excel.Worksheet) => void;
}

/**
 * Writes described sheets inside the caller's `Excel.run`: cells, number formats, fonts and
 * fills, column widths, frozen header, tables and data validation, then activates the first
 * sheet. One sync, more only beyond the payload budget. A failure rejects with the host's
 * error; what to undo is the caller's business (it knows which sheets were there before).
 * @example await writeSheetsIn(context, host, [{ spec, name: "Riepilogo", tableNames: [] }], budgetFor(host.platform));
 */
export async function writeSheetsIn(
  context: Excel.RequestContext,
  host: ExcelHost,
  writes: readonly SheetWrite[],
  budget: PayloadBudget,
  locale: FormulaLocale = formulaLocale("en"),
): Promise<void> {
  const kpi = { locale, writes: [] as KpiFormulaWrites[] };
  const worksheets = context.workbook.worksheets;
  const work: Work[] = [];
  let first: Excel.Worksheet | null = null;
  for (const w of writes) {
    let ws: Excel.Worksheet | null = null;
    const get = (): Excel.Worksheet => ws as Excel.Worksheet;
    work.push({
      bytes: OP_BYTES,
      queue: () => {
        if (w.into) {
          ws = w.into;
          ws.getRange().clear("All");
        } else {
          ws = worksheets.add(w.name);
        }
        if (first === null) first = ws;
      },
    });
    // A loop, not push(...): a large summary queues more operations than a call may take arguments.
    for (const item of sheetWork(w.spec, w.tableNames, get, host, budget, kpi)) work.push(item);
    if (w.after) work.push({ bytes: OP_BYTES, queue: () => w.after!(get()) });
  }
  work.push({ bytes: OP_BYTES, queue: () => (first as Excel.Worksheet | null)?.activate() });
  let size = 0;
  for (const w of work) {
    if (size > 0 && size + w.bytes > budget.maxBytes) {
      await context.sync();
      size = 0;
    }
    w.queue();
    size += w.bytes;
  }
  await context.sync();
  // One more sync only when a `KPI.*` cell answered #NAME? in the form written first.
  await settleKpiFormulas(context, kpi.writes);
}

/**
 * Deletes the sheets an action added (never one that existed before).
 * @example const rolledBack = await removeAddedSheets(context, ["Area A (2)"], before);
 */
export async function removeAddedSheets(context: Excel.RequestContext, added: readonly string[], before: ReadonlySet<string>): Promise<boolean> {
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    await context.sync();
    const wanted = new Set(added.map((n) => n.toLowerCase()));
    const victims = worksheets.items.filter((w) => wanted.has(w.name.toLowerCase()) && !before.has(w.name.toLowerCase()));
    if (victims.length === 0) return true;
    for (const w of victims) w.delete();
    await context.sync();
    return true;
  } catch {
    return false;
  }
}
