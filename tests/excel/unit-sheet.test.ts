/**
 * Unit scorecards (`Crea schede unità`): the Schede unità sheet written through the same
 * writer as the summary, in one Excel.run with 2 syncs on desktop, never over the user's
 * work, rewritten in place only when it is an untouched sheet of ours of the same kind.
 */
import { workbookUnitScores } from "../../src/core/scorecards";
import { unitSheet } from "../../src/core/workbook/unit-sheet";
import { buildSummary } from "../../src/excel/actions/summary";
import { parseMarker, SHEET_MARKER, specCells, summaryFingerprint } from "../../src/excel/own-sheet-marker";
import { buildUnitSheet } from "../../src/excel/actions/unit-sheet";
import { seedWorkbook } from "../support/seed-values";
import { FakeExcel } from "../support/office";
import { expectValidateUnchangedBy, fakeFromSpec, hostOf, kpiWorkbook } from "../support/excel-fixtures";

const DAY = "2022-03-31";
const seedFake = (platform: "web" | "desktop" = "desktop") => fakeFromSpec(seedWorkbook(), { platform });

/** n KPI rows, each with a Struttura responsabile among five units (row i: unit i % 5). */
function unitWorkbook(n: number): FakeExcel {
  const fake = new FakeExcel({ platform: "desktop" });
  const rows: (string | number | null)[][] = [["Codice", "Indicatore", "Peso", "Target 2022", "Valore 2022", "Struttura responsabile"]];
  for (let i = 0; i < n; i++) rows.push([`OB.${Math.floor(i / 4) + 1}`, `Indicatore ${i + 1}`, 25, ">= 10", i % 2 === 0 ? 10 : 5, `Ufficio ${(i % 5) + 1}`]);
  fake.workbook.load({ name: "KPI", values: rows });
  return fake;
}

describe("syncs do not grow with the rows", () => {
  test.each([40, 4000])("%i rows with a Struttura responsabile: 2 syncs to build, 2 to build again", async (n) => {
    const fake = unitWorkbook(n);
    const first = await buildUnitSheet(hostOf(fake), { lang: "it", generatedOn: DAY });
    expect(fake.stats.syncs).toBe(2);
    expect(first.units.map((u) => u.unit)).toEqual(["Ufficio 1", "Ufficio 2", "Ufficio 3", "Ufficio 4", "Ufficio 5"]);
    // Row i met (100) when i is even, else 5/10 = 50. Ufficio 1 has rows 0, 5, 10, ...: even and
    // odd alternate, so for n = 40 it has 8 rows, 4 of each: (4 × 100 + 4 × 50) / 8 = 75.
    if (n === 40) expect(first.units[0].achievement).toBe(75);
    fake.resetStats();
    const again = await buildUnitSheet(hostOf(fake), { lang: "it", generatedOn: DAY });
    expect(again.replaced).toBe(true);
    expect(fake.stats.syncs).toBe(2);
  });
});

describe("buildUnitSheet on the seed workbook", () => {
  test("a new Schede unità sheet, the core's description cell for cell, with a marker of its own kind, in 2 syncs", async () => {
    const fake = await seedFake();
    const others = fake.workbook.sheets.map((s) => s.name);
    const out = await buildUnitSheet(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    // 1 read every sheet with its cells and marker, 2 write the sheet.
    expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
    expect(out).toMatchObject({ sheet: "Schede unità", replaced: false });
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([...others, "Schede unità"]);
    const sheet = fake.workbook.sheet("Schede unità")!;
    const spec = unitSheet({ year: 2021, units: workbookUnitScores(out), rules: out.rollup.rules, unitRule: "all", generatedOn: DAY, body: out.rules.body });
    spec.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (cell !== null && typeof cell === "object") return;
      expect([r, c, sheet.rows[r]?.[c] ?? ""]).toEqual([r, c, cell ?? ""]);
    }));
    // STAFF 1: (88 + 80 + 90 + 62.5) / 4 = 80.125, Giallo; S. 3.1: 421 / 5 = 84.2.
    const staff1 = sheet.rows.find((r) => r?.[0] === "STAFF 1")!;
    expect(staff1[1]).toBeCloseTo(80.125, 9);
    expect(staff1[2]).toBe("Giallo");
    expect(sheet.rows.find((r) => r?.[0] === "S. 3.1")![1]).toBeCloseTo(84.2, 9);
    const marker = parseMarker(sheet.customProperties.get(SHEET_MARKER), "units");
    expect(marker?.fingerprint).toBe(summaryFingerprint(specCells(spec)));
    // A unit sheet's marker is not a summary's: Crea riepilogo never rewrites it.
    expect(parseMarker(sheet.customProperties.get(SHEET_MARKER))).toBeNull();
  });

  test("build again: rewritten in place in 2 syncs; the summary and the unit sheet do not take each other's place", async () => {
    const fake = await seedFake();
    await buildUnitSheet(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    const summary = await buildSummary(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect(summary.sheet).toBe("Riepilogo");
    fake.resetStats();
    const again = await buildUnitSheet(hostOf(fake), { lang: "it", year: 2021, generatedOn: "2022-04-30" });
    expect(fake.stats.syncs).toBe(2);
    expect(again).toMatchObject({ sheet: "Schede unità", replaced: true });
    expect(String(fake.workbook.sheet("Schede unità")!.rows[1][0])).toContain("30/04/2022");
    expect(fake.workbook.sheets.filter((s) => /^Schede unità/.test(s.name))).toHaveLength(1);
  });

  test("a Schede unità the user has typed in is never overwritten: the new one gets a free name", async () => {
    const fake = await seedFake();
    await buildUnitSheet(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    fake.workbook.sheet("Schede unità")!.rows[2][0] = "Rivisto con il Segretario generale";
    const edited = JSON.stringify(fake.workbook.sheet("Schede unità")!.rows);
    const out = await buildUnitSheet(hostOf(fake), { lang: "it", year: 2021, generatedOn: DAY });
    expect(out).toMatchObject({ sheet: "Schede unità (2)", replaced: false });
    expect(JSON.stringify(fake.workbook.sheet("Schede unità")!.rows)).toBe(edited);
  });

  test("the unit sheet is not a KPI table: Validate gives the same report before and after", async () => {
    await expectValidateUnchangedBy(await seedFake(), 2021, (host) => buildUnitSheet(host, { lang: "it", year: 2021, generatedOn: DAY }));
  });

  test("web: still 2 syncs for the seed workbook", async () => {
    const fake = await seedFake("web");
    await buildUnitSheet(hostOf(fake), { lang: "en", year: 2021, generatedOn: DAY });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.workbook.sheet("Unit scorecards")).toBeDefined();
  });

  test("a workbook that names no unit: nothing written, 1 sync", async () => {
    const fake = kpiWorkbook(20);
    const before = JSON.stringify(fake.snapshot());
    const out = await buildUnitSheet(hostOf(fake), { lang: "it", generatedOn: DAY });
    expect(out.sheet).toBeNull();
    expect(out.units).toEqual([]);
    expect(fake.stats.syncs).toBe(1);
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  test("no KPI table: nothing written", async () => {
    const fake = new FakeExcel({ platform: "desktop" });
    fake.workbook.load({ name: "Note", values: [["Appunti", 1]] });
    const out = await buildUnitSheet(hostOf(fake), { lang: "it", generatedOn: DAY });
    expect(out.sheet).toBeNull();
  });
});
