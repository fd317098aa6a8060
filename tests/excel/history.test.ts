/**
 * Freeze monitoring (`Congela monitoraggio`): the period's values appended to the hidden
 * `Storico` sheet in a fixed number of syncs, never over a user's sheet of that name, and
 * later edits listed by Validate.
 */
import { HISTORY_HEADER } from "../../src/core/history-sheet";
import { runValidate } from "../../src/excel/actions/validate";
import { freezeMonitoring, FreezeRefused, frozenInput } from "../../src/excel/actions/freeze";
import { FakeExcel, type FakeCell } from "../support/office";
import { hostOf, kpiRows } from "../support/excel-fixtures";
import { describe as describeIn } from "../../src/core";

const T1 = "2026-06-30 09:05:07";
const T2 = "2026-07-01 10:00:00";

/** A fake with one KPI sheet (kpiRows: values 12, 5, blank, 12, ... in column G for 2022). */
function fakeWith(n: number, extra: { name: string; values: FakeCell[][]; protected?: boolean }[] = [], platform: "web" | "desktop" = "desktop"): FakeExcel {
  const fake = new FakeExcel({ platform });
  fake.workbook.load({ name: "Area A", values: kpiRows(n) });
  for (const s of extra) fake.workbook.load(s);
  return fake;
}

const storico = (fake: FakeExcel) => fake.workbook.sheet("Storico")!;

describe("freezeMonitoring", () => {
  test("adds the hidden Storico sheet: header and one row per value, texts kept as text", async () => {
    const fake = fakeWith(3);
    // Row 3's value typed as a text the way Italians write decimals: it must stay that text.
    fake.workbook.sheet("Area A")!.rows[3][6] = "7,5";
    fake.resetStats();
    const out = await freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T1 });
    expect(out).toMatchObject({ sheet: "Storico", period: "2022", frozen: 3, created: true });
    const s = storico(fake);
    expect(s.visibility).toBe("Hidden");
    // kpiRows(3): values 12 (G2), 5 (G3), then "7,5" typed over the blank of G4.
    expect(s.rows).toEqual([
      [...HISTORY_HEADER],
      ["Area A", "G2", "A.1", "Indicatore 1", "2022", 12, T1],
      ["Area A", "G3", "A.1", "Indicatore 2", "2022", 5, T1],
      ["Area A", "G4", "A.1", "Indicatore 3", "2022", "7,5", T1],
    ]);
    // "2022" and the time are texts, not a number and a date; no formula anywhere.
    expect(s.formulas.size).toBe(0);
    expect(fake.stats.syncs).toBe(2);
  });

  test.each([10, 1000])("takes 2 syncs for %i rows (read, write)", async (n) => {
    const fake = fakeWith(n);
    fake.resetStats();
    const out = await freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T1 });
    expect(out.frozen).toBe(n);
    expect(storico(fake).rows).toHaveLength(n + 1);
    expect(fake.stats.syncs).toBe(2);
    // A second freeze appends below the first, still in 2 syncs.
    fake.resetStats();
    await freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T2 });
    expect(fake.stats.syncs).toBe(2);
    expect(storico(fake).rows).toHaveLength(2 * n + 1);
  });

  test("appends a second freeze and keeps the first one's rows as they were", async () => {
    const fake = fakeWith(2);
    await freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T1 });
    const first = JSON.stringify(storico(fake).rows);
    // The user unhides the sheet (to look at it) and edits a KPI value; then freezes again.
    storico(fake).visibility = "Visible";
    fake.workbook.sheet("Area A")!.rows[1][6] = 14;
    await freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T2 });
    const rows = storico(fake).rows;
    expect(JSON.stringify(rows.slice(0, 3))).toBe(first);
    expect(rows.slice(3)).toEqual([
      ["Area A", "G2", "A.1", "Indicatore 1", "2022", 14, T2],
      ["Area A", "G3", "A.1", "Indicatore 2", "2022", 5, T2],
    ]);
    expect(storico(fake).visibility).toBe("Hidden");
  });

  test("refuses a sheet named Storico that it did not write, and changes nothing", async () => {
    const fake = fakeWith(2, [{ name: "storico", values: [["Anno", "Nota"], [2024, "mia"]] }]);
    const before = JSON.stringify(fake.snapshot());
    const error = await freezeMonitoring(hostOf(fake), { lang: "en", frozenAt: T1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FreezeRefused);
    expect((error as FreezeRefused).reason).toBe("notOurs");
    expect((error as FreezeRefused).message).toBe(
      "The sheet “storico” already exists but is not the freeze history written by this tool: it is left alone. Rename it to freeze the values.",
    );
    expect(JSON.stringify(fake.snapshot())).toBe(before);
  });

  test("refuses a protected history sheet and a workbook with nothing to freeze", async () => {
    const fake = fakeWith(2, [{ name: "Storico", values: [[...HISTORY_HEADER]], protected: true }]);
    await expect(freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T1 })).rejects.toMatchObject({ reason: "protected" });
    const empty = new FakeExcel();
    empty.workbook.load({ name: "Foglio1", values: [["Note"]] });
    await expect(freezeMonitoring(hostOf(empty), { lang: "it", frozenAt: T1 })).rejects.toMatchObject({ reason: "nothing" });
    expect(empty.workbook.sheet("Storico")).toBeUndefined();
  });
});

describe("Validate after a freeze", () => {
  test("lists the values edited since the freeze as warnings at their cells, in the same 2 syncs", async () => {
    const fake = fakeWith(3);
    await freezeMonitoring(hostOf(fake), { lang: "it", frozenAt: T1 });
    const area = fake.workbook.sheet("Area A")!;
    area.rows[1][6] = 13; // G2: 12 -> 13
    area.rows[3][6] = 2; // G4: blank -> 2
    fake.resetStats();
    const out = await runValidate(hostOf(fake));
    const changed = out.report.problems.filter((p) => p.code === "FROZEN_VALUE_CHANGED");
    expect(changed.map((p) => [p.sheet, p.cell, p.severity])).toEqual([
      ["Area A", "G2", "warning"],
      ["Area A", "G4", "warning"],
    ]);
    expect(describeIn(changed[0], "it")).toBe("Valore modificato dopo il congelamento del 30/06/2026 09:05 (periodo 2022): era «12», ora è «13».");
    // The history sheet is not a KPI table: 3 KPI rows, as without it.
    expect(out.report.summary.rows).toBe(3);
    expect(fake.stats.syncs).toBe(2);
  });
});

describe("frozenInput", () => {
  test("puts the quote prefix on texts only", () => {
    expect(frozenInput("2026")).toBe("'2026");
    expect(frozenInput("")).toBe("");
    expect(frozenInput(null)).toBe("");
    expect(frozenInput(12.5)).toBe(12.5);
    expect(frozenInput(false)).toBe(false);
  });
});

describe("the pane and the CLI read each other's Storico", () => {
  test("a sheet written by kpi snapshot is recognised by Validate and appended to by the pane", async () => {
    const { writeFileSync, readFileSync } = await import("fs");
    const { join } = await import("path");
    const { kpi, tempDir } = await import("../support/cli");
    const { readXlsx } = await import("../../src/cli/xlsx-read");
    const { simpleXlsx } = await import("../fixtures/workbooks/build");
    const work = tempDir("kpi-pane-cli-history-");
    try {
      // kpiRows(3) as an .xlsx, frozen by the CLI.
      writeFileSync(join(work.dir, "in.xlsx"), await simpleXlsx("Area A", kpiRows(3).map((r) => r.map((c) => (c === "" ? null : c)))));
      const r = await kpi(["snapshot", "in.xlsx", "-o", "frozen.xlsx"], { cwd: work.dir });
      expect(r.code).toBe(0);
      const fake = new FakeExcel({ platform: "desktop" });
      for (const g of await readXlsx(readFileSync(join(work.dir, "frozen.xlsx")))) {
        fake.workbook.load({ name: g.name, values: g.values.map((row) => row.map((c) => (c === null ? "" : c))) as FakeCell[][] });
      }
      fake.workbook.sheet("Area A")!.rows[2][6] = 6; // G3: 5 -> 6
      const out = await runValidate(hostOf(fake), { mark: false });
      expect(out.history.frozen).toBe(3);
      expect(out.history.changes.map((c) => [c.frozen.cell, c.frozen.value, c.now])).toEqual([["G3", 5, 6]]);
      // The pane appends to the CLI's sheet: header + 3 + 3 rows.
      await freezeMonitoring(hostOf(fake), { lang: "en", frozenAt: "2099-01-01 00:00:00" });
      expect(storico(fake).rows).toHaveLength(7);
      expect(storico(fake).rows[5]).toEqual(["Area A", "G3", "A.1", "Indicatore 2", "2022", 6, "2099-01-01 00:00:00"]);
    } finally {
      work.cleanup();
    }
  });
});
