import { safeSheetName, type WorkbookSpec } from "../../core";
import { formulaLocale } from "../formulas";
import type { ExcelHost } from "../host";
import { budgetFor, type PayloadBudget } from "../payload-budget";
import { hasFeature } from "../requirements";
import { removeAddedSheets, type SheetWrite, writeSheetsIn } from "../sheet-writer";

/**
 * Writes a workbook description (src/core/workbook/description.ts) into the open workbook
 * through Office.js, as NEW sheets only: a name already taken gets a free one (`A` -> `A (2)`),
 * table names likewise (`KPI_A` -> `KPI_A_2`); no existing sheet, table or cell is touched.
 *
 * One `Excel.run`: sync 1 reads the names in use (sheets, tables, defined names), sync 2
 * writes everything (cells, number formats, fonts and fills, column widths, frozen header,
 * tables, data validation). A very large plan is split into more write syncs only beyond the
 * payload budget. A cell calling the add-in's functions (`KPI.*`) is written in the form the
 * user's Excel reads and read back in the same sync; one more sync rewrites in the other form
 * the cells that answered `#NAME?` (../formulas.ts); the writing itself is ../sheet-writer.ts.
 * If a write sync fails, the sheets this import added are deleted again (Excel may have applied
 * part of the batch), so the workbook is left as it was.
 */

export interface Renamed {
  readonly from: string;
  readonly to: string;
}

export interface ImportOutcome {
  /** The sheets added, in order, with the name each got. */
  readonly sheets: readonly Renamed[];
  readonly tables: readonly Renamed[];
}

/** Thrown when the write failed; says whether the added sheets could be removed again. */
export class ImportError extends Error {
  constructor(
    readonly cause: unknown,
    /** True when every sheet the import added was deleted again. */
    readonly rolledBack: boolean,
    /** Sheets that may be left in the workbook when `rolledBack` is false. */
    readonly leftover: readonly string[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = "ImportError";
  }
}

export interface ImportOptions {
  readonly budget?: PayloadBudget;
  /**
   * Office's display language (`it-IT` ...): with Italian names active, cells calling the
   * add-in's functions are written in the local Italian form (../formulas.ts). Default: English.
   */
  readonly displayLanguage?: string;
  readonly onPhase?: (phase: "names" | "writing") => void;
}

/**
 * A table (or defined) name not in `taken`: the name, else `name_2`, `name_3` ...
 * @example freeTableName("KPI_A", new Set(["kpi_a"])) // "KPI_A_2"
 */
export function freeTableName(name: string, taken: ReadonlySet<string>): string {
  if (!taken.has(name.toLowerCase())) return name;
  for (let i = 2; ; i++) {
    const candidate = `${name}_${i}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * Adds the described sheets to the workbook. See the module comment.
 * @example const { sheets } = await importWorkbook(officeHost(), buildWorkbook(parsePlan(text)));
 */
export async function importWorkbook(host: ExcelHost, spec: WorkbookSpec, options: ImportOptions = {}): Promise<ImportOutcome> {
  const budget = options.budget ?? budgetFor(host.platform);
  return host.run(async (context) => {
    options.onPhase?.("names");
    const worksheets = context.workbook.worksheets;
    worksheets.load("items/name");
    const tables = context.workbook.tables.load("items/name");
    const names = context.workbook.names.load("items/name");
    // The decimal separator, for formulas written in the local form (rides on this sync).
    const culture = hasFeature(host, "cultureInfo") ? context.workbook.application.cultureInfo.numberFormat.load("numberDecimalSeparator") : null;
    await context.sync();
    const locale = formulaLocale(options.displayLanguage, culture?.numberDecimalSeparator);
    const before = new Set(worksheets.items.map((w) => w.name.toLowerCase()));
    const takenSheets = new Set(before);
    const takenTables = new Set([...tables.items, ...names.items].map((t) => t.name.toLowerCase()));

    const sheets: Renamed[] = [];
    const tableRenames: Renamed[] = [];
    const writes: SheetWrite[] = [];
    for (const s of spec.sheets) {
      const to = safeSheetName(s.name, takenSheets);
      takenSheets.add(to.toLowerCase());
      sheets.push({ from: s.name, to });
      const tableNames = s.tables.map((t) => {
        const free = freeTableName(t.name, takenTables);
        takenTables.add(free.toLowerCase());
        tableRenames.push({ from: t.name, to: free });
        return free;
      });
      writes.push({ spec: s, name: to, tableNames });
    }

    options.onPhase?.("writing");
    try {
      await writeSheetsIn(context, host, writes, budget, locale);
    } catch (error) {
      const added = sheets.map((s) => s.to);
      const rolledBack = await removeAddedSheets(context, added, before);
      throw new ImportError(error, rolledBack, rolledBack ? [] : added);
    }
    return { sheets, tables: tableRenames };
  });
}
