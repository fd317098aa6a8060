import type { WorkbookSpec } from "../../src/core/workbook/description";
import { hostFrom, type ExcelHost, type OfficeGlobals } from "../../src/excel/host";
import { importWorkbook } from "../../src/excel/actions/import";
import { runValidate } from "../../src/excel/actions/validate";
import { columnName, FakeExcel, type FakeCell, type FakeOptions, type SheetInit } from "./office";

/**
 * The host the pane builds (`hostFrom`, as `officeHost()` does from Office's globals) over a
 * fake: `Excel.run` with the run options, `isSetSupported`, the platform name.
 */
export function officeHostOf(fake: FakeExcel): ExcelHost {
  return hostFrom({
    run: fake.run as unknown as OfficeGlobals["run"],
    isSetSupported: fake.isSetSupported,
    platform: fake.platform === "desktop" ? "PC" : "OfficeOnline",
  });
}

/** The adapter's host over a fake (typed for the adapter). */
export function hostOf(fake: FakeExcel): ExcelHost {
  return fake.host() as unknown as ExcelHost;
}

export const HEADER: FakeCell[] = ["Codice", "Indicatore", "Algoritmo", "Peso", "Stato", "Target 2022", "Valore 2022"];

/**
 * A KPI table of `n` rows, statuses cycling met / unmet / missing (target ">= 10", values
 * 12, 5, blank), in groups of 4 rows per code with weights 25 (sum 100).
 */
export function kpiRows(n: number): FakeCell[][] {
  const rows: FakeCell[][] = [HEADER.slice()];
  for (let i = 0; i < n; i++) {
    const value = i % 3 === 0 ? 12 : i % 3 === 1 ? 5 : "";
    rows.push([`A.${Math.floor(i / 4) + 1}`, `Indicatore ${i + 1}`, "Numero eventi", 25, 3, ">= 10", value]);
  }
  return rows;
}

/** Expected status of data row i (0-based) of `kpiRows`. */
export function expectedStatus(i: number): "met" | "unmet" | "missing" {
  return i % 3 === 0 ? "met" : i % 3 === 1 ? "unmet" : "missing";
}

/** A fake with one KPI sheet of n rows plus whatever else is given. */
export function kpiWorkbook(n: number, options: FakeOptions = {}, extra: SheetInit[] = []): FakeExcel {
  const fake = new FakeExcel(options);
  fake.workbook.load({ name: "Area A", values: kpiRows(n) });
  for (const s of extra) fake.workbook.load(s);
  return fake;
}

/** Every cell of our rules (by the tag), as "Sheet!A1" -> kind. */
export function markedCells(fake: FakeExcel, tag = "KPI-PP-MARK"): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of fake.workbook.sheets) {
    for (const cf of s.cfs) {
      const m = new RegExp(`"${tag}:(\\w+)"`).exec(cf.formula ?? "");
      if (!m) continue;
      for (const r of cf.rects)
        for (let row = r.r0; row <= r.r1; row++)
          for (let col = r.c0; col <= r.c1; col++) {
            const k = `${s.name}!${colName(col)}${row + 1}`;
            if (out.has(k)) throw new Error(`Cell ${k} is marked twice`);
            out.set(k, m[1]);
          }
    }
  }
  return out;
}

/** A 0-based column's letters (`0` -> `A`), the fake's own, written apart from src/core/a1.ts. */
export const colName = columnName;

/** Our rules only (not the user's). */
export function ourRules(fake: FakeExcel): { sheet: string; formula: string; fill: string | null }[] {
  return fake.workbook.sheets.flatMap((s) =>
    s.cfs.filter((cf) => (cf.formula ?? "").includes("KPI-PP-MARK")).map((cf) => ({ sheet: s.name, formula: cf.formula as string, fill: cf.format.fill })),
  );
}

/**
 * A fake holding a workbook description, written by the add-in's own import; formula cells
 * then hold the description's cached results, as Excel would show them once calculated (the
 * fake does not calculate). Stats are reset.
 */
export async function fakeFromSpec(spec: WorkbookSpec, options: FakeOptions = {}): Promise<FakeExcel> {
  const fake = new FakeExcel(options);
  await importWorkbook(hostOf(fake), spec);
  for (const s of spec.sheets) {
    const sheet = fake.workbook.sheet(s.name);
    if (!sheet) throw new Error(`sheet ${s.name} was not imported`);
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        if (cell === null || typeof cell !== "object") return;
        sheet.formulas.delete(r * 16384 + c);
        sheet.rows[r][c] = cell.result ?? "";
      }),
    );
  }
  fake.workbook.activeSheet = 0;
  fake.resetStats();
  return fake;
}

/**
 * Asserts that what `write` adds to the workbook (a sheet of the add-in's own) is not read as a
 * KPI table: Validate for `year`, without marks, reports exactly the same before and after.
 *
 * @example
 *   await expectValidateUnchangedBy(fake, 2021, (host) => buildSummary(host, { lang: "it", year: 2021, generatedOn: DAY }));
 */
export async function expectValidateUnchangedBy(fake: FakeExcel, year: number, write: (host: ExcelHost) => Promise<unknown>): Promise<void> {
  const host = hostOf(fake);
  const before = await runValidate(host, { year, mark: false });
  await write(host);
  const after = await runValidate(host, { year, mark: false });
  expect(after.report).toEqual(before.report);
}
