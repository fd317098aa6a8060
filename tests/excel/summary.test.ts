/**
 * Build summary (`Crea riepilogo`): the Riepilogo sheet written through the import's writer
 * in one Excel.run with a constant number of syncs, never over the user's work (a free
 * name), rewritten in place only when it is an untouched summary of ours, and nothing left
 * half-written when a new sheet fails.
 */
import type { CellSpec, SheetSpec } from "../../src/core/workbook/description";
import { summarySheet } from "../../src/core/workbook/summary";
import { SummaryError, type SummaryOutcome } from "../../src/excel/actions/own-sheet";
import { buildSummary } from "../../src/excel/actions/summary";
import { gridCells, isSummaryName, markerValue, parseMarker, SHEET_MARKER, specCells, summaryFingerprint } from "../../src/excel/own-sheet-marker";
import { seedWorkbook } from "../support/seed-values";
import { FakeExcel } from "../support/office";
import { expectValidateUnchangedBy, fakeFromSpec, hostOf, kpiRows } from "../support/excel-fixtures";
import { measureSummary, type MeasuredSummary } from "../support/excel-measure";

const DAY = "2022-03-31";
const snap = (fake: FakeExcel): string => JSON.stringify(fake.snapshot());
/** One sheet of the snapshot (values, formulas, formats, rules, properties ...). */
const sheetSnap = (fake: FakeExcel, name: string): string =>
  JSON.stringify((fake.snapshot() as { sheets: { name: string }[] }).sheets.find((s) => s.name === name) ?? null);

/** The seed plan with values for 2021, as an open workbook. */
const seedFake = (platform: "web" | "desktop" = "desktop", apiVersion?: string) => fakeFromSpec(seedWorkbook(), { platform, apiVersion });

/** The sheet the core describes for the action's own roll-up. */
function expectedSpec(out: SummaryOutcome, lang: "it" | "en" = "it"): SheetSpec {
  return summarySheet(
    { year: out.report.year, nodes: out.rollup.nodes, rules: out.rollup.rules, generatedOn: DAY, body: out.rules.body },
    { lang },
  );
}

/** What a cell of the description reads back as once written (the fake does not calculate). */
function expected(cell: CellSpec | undefined): { value: unknown; formula: string | null } {
  if (cell === null || cell === undefined) return { value: "", formula: null };
  if (typeof cell === "object") return { value: "", formula: `=${cell.formula}` };
  return { value: cell, formula: null };
}

function expectSheetIs(fake: FakeExcel, name: string, spec: SheetSpec): void {
  const sheet = fake.workbook.sheet(name)!;
  expect(sheet).toBeDefined();
  spec.cells.forEach((row, r) =>
    row.forEach((cell, c) => {
      const want = expected(cell);
      expect([r, c, sheet.rows[r]?.[c] ?? ""]).toEqual([r, c, want.value]);
      expect([r, c, sheet.formulas.get(r * 16384 + c) ?? null]).toEqual([r, c, want.formula]);
    }),
  );
  // Nothing below or beside the description (a rewrite leaves no rest of the old sheet).
  expect(sheet.rows.length).toBeLessThanOrEqual(spec.cells.length);
  const width = Math.max(...spec.cells.map((r) => r.length));
  for (const row of sheet.rows) for (let c = width; c < (row?.length ?? 0); c++) expect(row[c]).toBe("");
}

describe("the fingerprint that recognises an untouched summary", () => {
  const spec = summarySheet({
    year: 2021,
    nodes: [
      { code: "A", kind: "area", title: "Imprese", parent: null, achievement: 83.33333333333333, band: "amber", kpis: 0, missing: 0, met: 0, unmet: 0, depth: 0, weight: null, basis: "children" },
      { code: "A.1", kind: "strategic", title: "Crescita", parent: "A", achievement: null, band: null, kpis: 2, missing: 2, met: 0, unmet: 0, depth: 1, weight: null, basis: "none" },
    ],
    rules: { lowerIsBetter: "ratio", threshold: null, bands: { red: 70, amber: 90 }, partialCredit: true, missing: "skip" },
    generatedOn: DAY,
  });

  test("the values as Excel gives them back (bars computed, text without the quote prefix) have the description's fingerprint", () => {
    const values = spec.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? String(c.result) : c)));
    expect(summaryFingerprint(gridCells({ name: "Riepilogo", values }))).toBe(summaryFingerprint(specCells(spec)));
    // ... and as the fake gives them back: formulas not calculated.
    const uncalculated = spec.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? "" : c)));
    expect(summaryFingerprint(gridCells({ name: "Riepilogo", values: uncalculated }))).toBe(summaryFingerprint(specCells(spec)));
  });

  test("a typed value, a cleared cell, a moved table or a number beyond Excel's precision noise change it", () => {
    const base = summaryFingerprint(specCells(spec));
    const grid = (edit: (v: (string | number | boolean | null)[][]) => void, origin?: { row: number; col: number }) => {
      const values = spec.cells.map((row) => row.map((c) => (c !== null && typeof c === "object" ? "" : c)));
      edit(values);
      return summaryFingerprint(gridCells({ name: "R", values, origin }));
    };
    expect(grid((v) => (v[0][0] = "Il mio riepilogo"))).not.toBe(base);
    expect(grid((v) => (v[v.length - 1][2] = ""))).not.toBe(base);
    expect(grid((v) => v[2].push("nota"))).not.toBe(base);
    expect(grid(() => undefined, { row: 1, col: 0 })).not.toBe(base);
    const ach = spec.cells.findIndex((row) => row[3] === 83.33333333333333);
    expect(grid((v) => (v[ach][3] = 83.3333333333334))).toBe(base); // 15 significant digits: Excel's own rounding
    expect(grid((v) => (v[ach][3] = 83.34))).not.toBe(base);
  });

  test("markers: ours are read back, anything else is not ours", () => {
    expect(parseMarker(markerValue(spec))).toEqual({ kind: "summary", version: 1, fingerprint: summaryFingerprint(specCells(spec)) });
    for (const v of [null, "", "{", '{"kind":"other","version":1,"fingerprint":"x"}', '{"kind":"summary","version":2,"fingerprint":"x"}']) expect(parseMarker(v)).toBeNull();
  });

  test("the names a summary may have", () => {
    expect(["Riepilogo", "riepilogo", "Riepilogo (2)", "RIEPILOGO (12)"].every((n) => isSummaryName(n, "it"))).toBe(true);
    expect(["Riepilogo 2", "Riepilogo (copia)", "Il Riepilogo", "Summary"].some((n) => isSummaryName(n, "it"))).toBe(false);
    expect(isSummaryName("Summary (3)", "en")).toBe(true);
  });
});

describe("buildSummary on the seed workbook", () => {
  test("a new Riepilogo sheet, cell for cell the core's description, with our marker, in 2 syncs; nothing else changes", async () => {
    const fake = await seedFake();
    const others = fake.workbook.sheets.map((s) => s.name);
    const before = JSON.parse(snap(fake)) as { sheets: { name: string }[] };
    const out = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    // 1 read every sheet with its cells and its marker, 2 write the sheet.
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
    expect(out).toMatchObject({ sheet: "Riepilogo", replaced: false });
    expect(out.report.year).toBe(2021);
    const spec = expectedSpec(out);
    expectSheetIs(fake, "Riepilogo", spec);
    expect(String(fake.workbook.sheet("Riepilogo")!.rows[0][0])).toContain("2021");
    // The figures are the roll-up's: B = 81.72 (hand-computed in tests/core/rollup).
    const b = fake.workbook.sheet("Riepilogo")!.rows.find((r) => r?.[0] === "B")!;
    expect(b[3]).toBeCloseTo(81.72, 2);
    expect(b[4]).toBe("Giallo");
    const marker = fake.workbook.sheet("Riepilogo")!.customProperties.get(SHEET_MARKER);
    expect(parseMarker(marker)?.fingerprint).toBe(summaryFingerprint(specCells(spec)));
    // Added at the end, activated; every sheet that was there is as it was.
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([...others, "Riepilogo"]);
    expect(fake.workbook.sheets[fake.workbook.activeSheet].name).toBe("Riepilogo");
    const after = JSON.parse(snap(fake)) as { sheets: { name: string }[] };
    expect(after.sheets.slice(0, others.length)).toEqual(before.sheets);
  });

  test("Build again: the untouched summary is rewritten in place (same name, same position), in 2 syncs", async () => {
    const fake = await seedFake();
    await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    const names = fake.workbook.sheets.map((s) => s.name);
    // The values change (a 2021 value typed in A), and the sheet is moved by the user.
    const a = fake.workbook.sheet("A")!;
    const header = a.rows[0] as string[];
    const row = a.rows.findIndex((r) => r?.[0] === "A.1" && String(r[2]).startsWith("Trend numero d'impresa"));
    a.rows[row][header.indexOf("Valore 2021")] = 15;
    const riepilogo = fake.workbook.sheets.pop()!;
    fake.workbook.sheets.splice(1, 0, riepilogo);
    fake.resetStats();
    const out = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: "2022-04-30" });
    expect(fake.stats.syncs).toBe(2);
    expect(out).toMatchObject({ sheet: "Riepilogo", replaced: true });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([names[0], "Riepilogo", ...names.slice(1, -1)]);
    const spec = summarySheet({ year: 2021, nodes: out.rollup.nodes, rules: out.rollup.rules, generatedOn: "2022-04-30", body: out.rules.body }, { lang: "it" });
    expectSheetIs(fake, "Riepilogo", spec);
    expect(String(fake.workbook.sheet("Riepilogo")!.rows[1][0])).toContain("30/04/2022");
    expect(parseMarker(fake.workbook.sheet("Riepilogo")!.customProperties.get(SHEET_MARKER))?.fingerprint).toBe(summaryFingerprint(specCells(spec)));
  });

  test("the summary sheet is not a KPI table: Validate gives the same report before and after", async () => {
    await expectValidateUnchangedBy(await seedFake(), 2021, (host) => buildSummary(host, { lang: "it", year: 2021, generatedOn: DAY }));
  });

  test("a summary the user has typed in is never overwritten: the new one gets a free name", async () => {
    const fake = await seedFake();
    await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    fake.workbook.sheet("Riepilogo")!.rows[2][0] = "Visto dal Direttore il 1/4/2022";
    const edited = sheetSnap(fake, "Riepilogo");
    const out = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect(out).toMatchObject({ sheet: "Riepilogo (2)", replaced: false });
    expect(sheetSnap(fake, "Riepilogo")).toBe(edited);
    // The next build rewrites the untouched one, Riepilogo (2).
    const again = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect(again).toMatchObject({ sheet: "Riepilogo (2)", replaced: true });
    expect(sheetSnap(fake, "Riepilogo")).toBe(edited);
    expect(fake.workbook.sheets.filter((s) => isSummaryName(s.name, "it"))).toHaveLength(2);
  });

  test("a Riepilogo sheet of the user's (no marker), or a protected or hidden one of ours, is left alone", async () => {
    const fake = await seedFake();
    fake.workbook.load({ name: "Riepilogo", values: [["Il mio riepilogo", 2021]] });
    const users = sheetSnap(fake, "Riepilogo");
    const first = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect(first.sheet).toBe("Riepilogo (2)");
    expect(sheetSnap(fake, "Riepilogo")).toBe(users);

    fake.workbook.sheet("Riepilogo (2)")!.protected = true;
    expect((await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY })).sheet).toBe("Riepilogo (3)");
    fake.workbook.sheet("Riepilogo (3)")!.visibility = "Hidden";
    expect((await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY })).sheet).toBe("Riepilogo (4)");
    expect(sheetSnap(fake, "Riepilogo")).toBe(users);
  });

  test("a copied marker on a sheet whose values differ is not trusted", async () => {
    const fake = await seedFake();
    await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    const ours = fake.workbook.sheet("Riepilogo")!;
    const other = fake.workbook.load({ name: "Riepilogo (2)", values: [["Altro"]] });
    other.customProperties.set(SHEET_MARKER, ours.customProperties.get(SHEET_MARKER)!);
    ours.rows[0][0] = "Modificato";
    const out = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect(out.sheet).toBe("Riepilogo (3)");
    expect(fake.workbook.sheet("Riepilogo (2)")!.rows).toEqual([["Altro"]]);
  });

  test("without ExcelApi 1.12 (no worksheet custom properties) every summary is a new sheet", async () => {
    const fake = await seedFake("desktop", "1.11");
    const a = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    const b = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect([a.sheet, b.sheet]).toEqual(["Riepilogo", "Riepilogo (2)"]);
    expect(fake.workbook.sheets.every((s) => s.customProperties.size === 0)).toBe(true);
    expect(fake.stats.syncs).toBe(4);
  });

  test("in English the sheet is Summary, with the English words", async () => {
    const fake = await seedFake();
    const out = await buildSummary(hostOf(fake), { lang: "en", year: 2021, generatedOn: DAY });
    expect(out.sheet).toBe("Summary");
    expectSheetIs(fake, "Summary", expectedSpec(out, "en"));
    expect(fake.workbook.sheet("Summary")!.rows[0][0]).toBe("Performance summary 2021");
  });

  test("a failed write of a new sheet removes it again: the workbook is as before", async () => {
    const probe = await seedFake();
    await buildSummary(hostOf(probe), { lang: "it", year: 2021, generatedOn: DAY });
    expect(probe.stats.syncs).toBe(2);
    const operations = probe.stats.perSync[1].operations;
    for (const applied of [0, 1, 5, Math.floor(operations / 2), operations - 1]) {
      const fake = await seedFake();
      const before = snap(fake);
      fake.failSync(2, "AccessDenied", applied);
      const error = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SummaryError);
      expect(error).toMatchObject({ rolledBack: true, sheet: "Riepilogo" });
      expect((error as SummaryError).cause).toMatchObject({ code: "AccessDenied" });
      expect(snap(fake)).toBe(before);
    }
  });

  test("a failed rewrite in place says the sheet may be incomplete (and touches no other sheet)", async () => {
    const fake = await seedFake();
    await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    const others = JSON.stringify((JSON.parse(snap(fake)) as { sheets: { name: string }[] }).sheets.filter((s) => s.name !== "Riepilogo"));
    fake.failSync(2, "GeneralException", 30);
    const error = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY }).catch((e: unknown) => e);
    expect(error).toMatchObject({ rolledBack: false, sheet: "Riepilogo" });
    expect(JSON.stringify((JSON.parse(snap(fake)) as { sheets: { name: string }[] }).sheets.filter((s) => s.name !== "Riepilogo"))).toBe(others);
  });

  test("a failed read writes nothing", async () => {
    const fake = await seedFake();
    const before = snap(fake);
    fake.cellEditMode = true;
    await expect(buildSummary(hostOf(fake), { lang: "it", generatedOn: DAY })).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(snap(fake)).toBe(before);
  });

  test("a workbook without KPI tables: nothing to summarise, nothing written, 1 sync", async () => {
    const fake = new FakeExcel({ platform: "desktop" });
    fake.workbook.load({ name: "Note", values: [["Appunti", 1]] });
    const before = snap(fake);
    const out = await buildSummary(hostOf(fake), { lang: "it", generatedOn: DAY });
    expect(out.sheet).toBeNull();
    expect(fake.stats.syncs).toBe(1);
    expect(snap(fake)).toBe(before);
  });

  test("a hand-made KPI sheet (no tree, no settings): one node per code", async () => {
    const fake = new FakeExcel({ platform: "web" });
    fake.workbook.load({ name: "Area A", values: kpiRows(8) });
    const out = await buildSummary(hostOf(fake), { lang: "it", generatedOn: DAY });
    expect(out.rollup.nodes.map((n) => n.code)).toEqual(["A.1", "A.2"]);
    expect(out.sheet).toBe("Riepilogo");
    expectSheetIs(fake, "Riepilogo", expectedSpec(out));
  });
});

// ------------------------------------------------------------------ sync counts

// 20,000 rows make a summary sheet of several MB: past Excel on the web's 5 MB request limit,
// so the chunked path is exercised; the 100,000-row case is in `npm run bench`.
const SIZES = [10, 1_000, 20_000];
const WEB_LIMIT = 5 * 1024 * 1024;
const measured: MeasuredSummary[] = [];

describe.each(SIZES)("Build summary, %i KPI rows", (rows) => {
  test("desktop: 2 syncs to build, 2 to build again (in place)", async () => {
    const m = await measureSummary(rows, "desktop");
    measured.push(m);
    expect(m.nodes).toBe(Math.ceil(rows / 4));
    expect(m.build.syncs).toBe(2);
    expect(m.rebuild.syncs).toBe(2);
    expect(m.sheets).toEqual(["Area A", "Riepilogo"]);
  });

  test("web: 2 while the cells fit one response; beyond, one more read or write per ~4 MB, none over 5 MB", async () => {
    const m = await measureSummary(rows, "web");
    measured.push(m);
    expect(m.build.largestPayload).toBeLessThanOrEqual(WEB_LIMIT);
    expect(m.rebuild.largestPayload).toBeLessThanOrEqual(WEB_LIMIT);
    expect(m.sheets).toEqual(["Area A", "Riepilogo"]);
    if (rows <= 1_000) {
      expect(m.build.syncs).toBe(2);
      expect(m.rebuild.syncs).toBe(2);
      expect(m.build.refused + m.rebuild.refused).toBe(0);
    } else {
      // Then 1 sync for the sheets + the chunks +
      // the writes: they follow the bytes moved, not the rows: none over 5 MB, and on
      // average at least 2 MB each (the writer sizes its batches by a conservative estimate).
      // At 20,000 rows the cells read fit one response and the sheet written does not;
      // a rebuild never repeats a refused read (the host is remembered as large).
      expect(m.build.refused).toBeLessThanOrEqual(1);
      expect(m.rebuild.refused).toBe(0);
      expect(m.build.syncs).toBeGreaterThan(2);
      for (const c of [m.build, m.rebuild]) {
        const moved = c.requestBytes + c.responseBytes;
        const transfers = c.syncs - c.refused - 1;
        expect(transfers).toBeGreaterThanOrEqual(Math.ceil(moved / WEB_LIMIT));
        expect(transfers).toBeLessThanOrEqual(Math.ceil(moved / 2_000_000) + 2);
      }
    }
  });
});

afterAll(() => {
  if (measured.length === 0) return;
  const line = (m: MeasuredSummary) =>
    `${String(m.rows).padStart(7)} ${m.platform.padEnd(7)} summary ${m.build.syncs} syncs (${m.nodes} nodes; req ${m.build.requestBytes} B, resp ${m.build.responseBytes} B, ${m.build.ms} ms) | again ${m.rebuild.syncs} syncs`;
  console.log(measured.map(line).join("\n"));
});
