/**
 * Nothing lost in Excel, over generated workbooks (tests/excel has the hand-picked cases):
 * for any workbook of KPI tables and other sheets, with the user's own fills, number formats
 * and conditional formats, under any sheet name, and for a host failure injected into any
 * sync after any number of its operations:
 *  - Validate changes nothing but our tagged rules;
 *  - Clear after Validate gives back exactly the workbook as it was;
 *  - a failed Validate either rejects with the workbook exactly as before, or reports the
 *    marks as rolled back (workbook exactly as before) or as possibly remaining (then our
 *    tagged rules are the only difference).
 * The fake host is the strict one of tests/support/office/.
 */
import fc from "fast-check";
import { runValidate } from "../../src/excel/actions/validate";
import { clearMarks } from "../../src/excel/actions/clear";
import { MARK_TAG } from "../../src/excel/mark-inventory";
import { FakeExcel, type FakeCell, type SheetInit } from "../support/office";
import { hostOf } from "../support/excel-fixtures";

const COLORS = ["#FFFF00", "#C0C0C0", "#DDEBF7", "#FF00FF", "#00B050"];

/** Column letter of a 0-based index (up to ZZ is plenty here). */
const col = (c: number): string => (c < 26 ? "" : String.fromCharCode(64 + Math.floor(c / 26))) + String.fromCharCode(65 + (c % 26));

const valueCell: fc.Arbitrary<FakeCell> = fc.oneof(
  fc.constantFrom(12, 5, 0, 100, -3, 0.15, "12,5", "n.d.", "---", "", "testo", "#N/A", true),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
);
const targetCell: fc.Arbitrary<FakeCell> = fc.constantFrom(">= 10", "<= 5", ">= 15%", "---", "circa 10", "entro il 30/06/2022", "Anno: 2021 >= 1 Anno: 2022 >= 2", "");
const weightCell: fc.Arbitrary<FakeCell> = fc.constantFrom(25, 50, 100, "33,33", "", "venti", -5);

/** One KPI table: header then rows; anchored anywhere; with the user's own formats on it. */
const kpiSheet = (name: string): fc.Arbitrary<SheetInit> =>
  fc
    .record({
      row: fc.integer({ min: 0, max: 6 }),
      col: fc.integer({ min: 0, max: 4 }),
      rows: fc.array(fc.tuple(fc.constantFrom("A.1", "A.2", "", "B.1"), weightCell, targetCell, valueCell), { minLength: 0, maxLength: 14 }),
      fills: fc.array(fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 5 }), fc.constantFrom(...COLORS)), { maxLength: 6 }),
      formats: fc.array(fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 5 }), fc.constantFrom("0%", "#,##0.00", "dd/mm/yyyy", "@")), { maxLength: 4 }),
      rules: fc.array(fc.tuple(fc.nat({ max: 15 }), fc.nat({ max: 5 }), fc.constantFrom(...COLORS)), { maxLength: 3 }),
    })
    .map(({ row, col: c0, rows, fills, formats, rules }) => {
      const values: FakeCell[][] = [["Codice", "Indicatore", "Peso", "Target 2022", "Valore 2022", "Note"]];
      rows.forEach(([code, weight, target, value], i) => values.push([code, `Indicatore ${i + 1}`, weight, target, value, i % 2 ? "nota" : ""]));
      const at = (r: number, c: number) => `${col(c0 + c)}${row + r + 1}`;
      const numberFormats: (string | null)[][] = values.map((r) => r.map(() => null));
      for (const [r, c, f] of formats) if (r < values.length) numberFormats[r][c] = f;
      return {
        name,
        at: at(0, 0),
        values,
        numberFormats,
        fills: Object.fromEntries(fills.map(([r, c, color]) => [at(Math.min(r, values.length), c), color])),
        conditionalFormats: rules.map(([r, c, fill]) => ({ address: `${at(1, c)}:${at(Math.max(1, Math.min(r, values.length)), c)}`, formula: `=${at(1, c)}>1`, fill })),
      };
    });

const otherSheet = (name: string): fc.Arbitrary<SheetInit> =>
  fc.array(fc.array(fc.oneof(valueCell, targetCell), { maxLength: 5 }), { maxLength: 6 }).map((values) => ({ name, values, fills: { A1: "#123456" } }));

const NAMES = ["Area A", "B", "<img src=x onerror=alert(1)>", "L'area A", "Dati (2022)", "Note"];

const workbook: fc.Arbitrary<SheetInit[]> = fc
  .shuffledSubarray(NAMES, { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map((n, i) => (i === 0 ? kpiSheet(n) : fc.oneof(kpiSheet(n), otherSheet(n))))));

function fakeOf(sheets: readonly SheetInit[], platform: "web" | "desktop"): FakeExcel {
  const fake = new FakeExcel({ platform });
  for (const s of sheets) fake.workbook.load(s);
  return fake;
}

interface Snap {
  sheets: { cfs: { formula: string | null }[] }[];
}
const snap = (fake: FakeExcel): Snap => JSON.parse(JSON.stringify(fake.snapshot())) as Snap;
/** The snapshot without our tagged rules. */
const withoutOurs = (s: Snap): Snap => ({ ...s, sheets: s.sheets.map((sh) => ({ ...sh, cfs: sh.cfs.filter((cf) => !(cf.formula ?? "").includes(MARK_TAG)) })) });
const ours = (s: Snap): number => s.sheets.reduce((n, sh) => n + sh.cfs.filter((cf) => (cf.formula ?? "").includes(MARK_TAG)).length, 0);

const RUNS = { numRuns: 60 };

describe("Validate and Clear on generated workbooks", () => {
  test("Validate adds our tagged rules and changes nothing else; Clear restores the workbook exactly", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, fc.constantFrom("web", "desktop") as fc.Arbitrary<"web" | "desktop">, async (sheets, platform) => {
        const fake = fakeOf(sheets, platform);
        const original = snap(fake);
        const { report, marks } = await runValidate(hostOf(fake));
        const after = snap(fake);
        expect(withoutOurs(after)).toEqual(original);
        const markable = report.kpis.filter((k) => k.valueCell && (k.status === "met" || k.status === "unmet" || k.status === "missing")).length;
        if (markable > 0) {
          expect(marks.status).toBe("written");
          expect(ours(after)).toBeGreaterThan(0);
        }
        await clearMarks(hostOf(fake));
        expect(snap(fake)).toEqual(original);
      }),
      RUNS,
    );
  });

  test("a host failure in any sync, after any number of its operations, never leaves anything but our rules", async () => {
    await fc.assert(
      fc.asyncProperty(workbook, fc.integer({ min: 1, max: 5 }), fc.nat({ max: 40 }), fc.boolean(), async (sheets, sync, applied, markedBefore) => {
        const fake = fakeOf(sheets, "web");
        if (markedBefore) await runValidate(hostOf(fake));
        const before = snap(fake);
        fake.failSync(sync, "GeneralException", applied);
        let outcome: Awaited<ReturnType<typeof runValidate>> | null = null;
        try {
          outcome = await runValidate(hostOf(fake));
        } catch (e) {
          expect(e).toMatchObject({ code: "GeneralException" });
          expect(snap(fake)).toEqual(before);
          return;
        }
        const after = snap(fake);
        expect(withoutOurs(after)).toEqual(withoutOurs(before));
        if (outcome.marks.status === "rolledBack") expect(ours(after)).toBe(0);
        // Whatever happened, Clear then gives the user's workbook back.
        fake.clearFaults();
        await clearMarks(hostOf(fake));
        expect(snap(fake)).toEqual(withoutOurs(before));
      }),
      RUNS,
    );
  });
});
