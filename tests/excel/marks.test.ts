/**
 * Marks: the right colour on the right cells, nothing twice, nothing stale, Clear restoring
 * every cell and rule of the user exactly, and no half-written marks after a host failure.
 */
import { runValidate } from "../../src/excel/actions/validate";
import { clearMarks } from "../../src/excel/actions/clear";
import { markFormula, markKindOf } from "../../src/excel/mark-inventory";
import { planMarks } from "../../src/excel/mark-plan";
import { MARK_STYLES } from "../../src/excel/marks";
import type { KpiResult } from "../../src/core";
import { FakeExcel } from "../support/office";
import { expectedStatus, hostOf, kpiRows, kpiWorkbook, markedCells, ourRules } from "../support/excel-fixtures";

const snap = (fake: FakeExcel): string => JSON.stringify(fake.snapshot());

/** A workbook with the user's own fills and rules on and around the KPI value cells. */
function userWorkbook(): FakeExcel {
  const fake = new FakeExcel({ platform: "web" });
  fake.workbook.load({
    name: "Area A",
    at: "B3",
    values: kpiRows(12),
    numberFormats: kpiRows(12).map((r, i) => r.map((_, j) => (i > 0 && j === 6 ? "#,##0.00" : null))),
    // The user's own fills, one exactly on a value cell that will be marked.
    fills: { H4: "#FFFF00", H5: "#C0C0C0", B3: "#DDEBF7" },
    conditionalFormats: [
      { address: "H4:H15", formula: "=H4>100", fill: "#FF00FF" },
      { address: "C4:C15", formula: '=ISTEXT("note")', fill: "#00FFFF" },
    ],
  });
  fake.workbook.load({ name: "Note", values: [["Appunti liberi", 1, 2]], fills: { A1: "#123456" } });
  return fake;
}

function statusByCell(kpis: readonly KpiResult[]): Map<string, string> {
  const m = new Map<string, string>();
  for (const k of kpis) {
    if (k.valueCell && (k.status === "met" || k.status === "unmet" || k.status === "missing")) m.set(`${k.sheet}!${k.valueCell}`, k.status);
  }
  return m;
}

describe("tags", () => {
  test("our formula is recognised, the user's are not", () => {
    for (const kind of ["met", "unmet", "missing", "at_risk"] as const) expect(markKindOf(markFormula(kind))).toBe(kind);
    expect(markKindOf("=H4>100")).toBeNull();
    expect(markKindOf('=ISTEXT("note")')).toBeNull();
    expect(markKindOf(null)).toBeNull();
  });

  test("the four fills differ and are light enough for black text", () => {
    const fills = Object.values(MARK_STYLES).map((s) => s.fill);
    expect(new Set(fills).size).toBe(4);
    for (const f of fills) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(f.slice(i, i + 2), 16) / 255);
      const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      const luminance = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
      // WCAG contrast of black text on the fill: (L + 0.05) / 0.05 >= 7 (AAA).
      expect((luminance + 0.05) / 0.05).toBeGreaterThanOrEqual(7);
    }
  });
});

describe("planMarks", () => {
  const kpi = (sheet: string, valueCell: string | null, status: KpiResult["status"]): KpiResult => ({
    sheet,
    row: 1,
    owner: null,
    indicator: "x",
    weight: 1,
    target: null,
    value: null,
    status,
    achievement: null,
    valueCell,
    targetCell: "A1",
    algorithmKind: null,
  });

  test("adjacent cells of one colour become one area; colours and sheets stay apart", () => {
    const kpis = [
      kpi("S", "H5", "unmet"),
      kpi("S", "H6", "unmet"),
      kpi("S", "H8", "unmet"),
      kpi("S", "H7", "met"),
      kpi("T", "H5", "unmet"),
      kpi("S", "H9", "invalid"),
      kpi("S", null, "missing"),
    ];
    const plan = planMarks({ kpis }, { skip: new Set(), multiArea: true });
    expect(plan.rules).toEqual([
      { sheet: "S", kind: "unmet", address: "H5:H6,H8", cells: 3 },
      { sheet: "S", kind: "met", address: "H7", cells: 1 },
      { sheet: "T", kind: "unmet", address: "H5", cells: 1 },
    ]);
    expect(plan.counts).toEqual({ unmet: 4, met: 1, missing: 0, at_risk: 0 });
  });

  test("without multi-area ranges each run is its own rule", () => {
    const kpis = [kpi("S", "H5", "unmet"), kpi("S", "H6", "unmet"), kpi("S", "H8", "unmet")];
    expect(planMarks({ kpis }, { skip: new Set(), multiArea: false }).rules.map((r) => r.address)).toEqual(["H5:H6", "H8"]);
  });

  test("long area lists are cut below the address limit; skipped sheets are reported", () => {
    const kpis = Array.from({ length: 400 }, (_, i) => kpi("S", `H${i * 2 + 1}`, "met"));
    kpis.push(kpi("P", "A1", "unmet"));
    const plan = planMarks({ kpis }, { skip: new Set(["P"]), multiArea: true, maxAddress: 100 });
    expect(plan.rules.length).toBeGreaterThan(1);
    for (const r of plan.rules) expect(r.address.length).toBeLessThanOrEqual(100);
    expect(plan.rules.reduce((n, r) => n + r.cells, 0)).toBe(400);
    expect(plan.skipped).toEqual(["P"]);
  });
});

describe("Validate writes the marks", () => {
  test("every met, unmet and missing value cell gets its colour and nothing else is marked", async () => {
    const fake = userWorkbook();
    const { report, marks } = await runValidate(hostOf(fake));
    expect(marks.status).toBe("written");
    const marked = markedCells(fake);
    expect(marked).toEqual(statusByCell(report.kpis));
    // The fixture's statuses, independently of the engine: value column H from row 4.
    for (let i = 0; i < 12; i++) expect(marked.get(`Area A!H${i + 4}`)).toBe(expectedStatus(i));
    for (const rule of ourRules(fake)) expect(rule.fill).toBe(MARK_STYLES[markKindOf(rule.formula)!].fill);
  });

  test("the marks look like the CLI's: fill, four borders (dashed for missing) and bold, from the one palette", async () => {
    const fake = userWorkbook();
    await runValidate(hostOf(fake));
    const ours = fake.workbook.sheets.flatMap((s) => s.cfs).filter((cf) => markKindOf(cf.formula) !== null);
    expect(new Set(ours.map((cf) => markKindOf(cf.formula)))).toEqual(new Set(["unmet", "met", "missing"]));
    for (const cf of ours) {
      const kind = markKindOf(cf.formula)!;
      const style = MARK_STYLES[kind];
      const line = { style: kind === "missing" ? "Dash" : "Continuous", color: style.border };
      expect([kind, cf.format]).toEqual([
        kind,
        {
          fill: style.fill,
          fontColor: null,
          bold: kind === "unmet" ? true : null,
          italic: null,
          borders: { EdgeTop: line, EdgeBottom: line, EdgeLeft: line, EdgeRight: line },
        },
      ]);
    }
    // The same colours as the CLI's marked copies (src/cli/xlsx-marks.ts).
    const cli = (await import("../../src/cli/xlsx-marks")).MARK_STYLES;
    for (const kind of ["unmet", "met", "missing"] as const) {
      expect(`#${cli[kind].fill}`).toBe(MARK_STYLES[kind].fill);
      expect(`#${cli[kind].border}`).toBe(MARK_STYLES[kind].border);
      expect(cli[kind].bold).toBe(MARK_STYLES[kind].bold);
      expect(cli[kind].borderStyle === "dashed").toBe(MARK_STYLES[kind].borderStyle === "dashed");
    }
  });

  test("running Validate twice gives the same rules, no duplicates", async () => {
    const fake = userWorkbook();
    await runValidate(hostOf(fake));
    const first = snap(fake);
    const second = await runValidate(hostOf(fake));
    expect(second.marks.rulesRemoved).toBe(second.marks.rulesAdded);
    const strip = (s: string) => s.replace(/"id":"cf-\d+"/g, '"id":"cf"');
    expect(strip(snap(fake))).toBe(strip(first));
  });

  test("after the user edits values, Validate leaves no stale mark", async () => {
    const fake = userWorkbook();
    await runValidate(hostOf(fake));
    const rows = fake.workbook.sheets[0].rows;
    rows[3][7] = 1; // H4: was met (12), now unmet
    rows[5][7] = 40; // H6: was missing, now met
    const { report } = await runValidate(hostOf(fake));
    const marked = markedCells(fake);
    expect(marked.get("Area A!H4")).toBe("unmet");
    expect(marked.get("Area A!H6")).toBe("met");
    expect(marked).toEqual(statusByCell(report.kpis));
  });

  test("a protected sheet is left alone and named; the others are marked", async () => {
    const fake = userWorkbook();
    fake.workbook.load({ name: "Area B", values: kpiRows(3), protected: true });
    const { marks } = await runValidate(hostOf(fake));
    expect(marks.status).toBe("written");
    expect(marks.protectedSheets).toEqual(["Area B"]);
    expect(fake.workbook.sheet("Area B")!.cfs).toEqual([]);
    expect(markedCells(fake).size).toBe(12);
  });

  test("ExcelApi 1.5: no marks are attempted, the report is still produced", async () => {
    const fake = kpiWorkbook(6, { apiVersion: "1.5" });
    const before = snap(fake);
    const { report, marks } = await runValidate(hostOf(fake));
    expect(marks.status).toBe("unsupported");
    expect(report.summary.rows).toBe(6);
    expect(snap(fake)).toBe(before);
  });

  test("ExcelApi 1.8 (no multi-area ranges): one rule per run of cells, same cells marked", async () => {
    const fake = kpiWorkbook(9, { apiVersion: "1.8" });
    const { report } = await runValidate(hostOf(fake));
    expect(markedCells(fake)).toEqual(statusByCell(report.kpis));
    expect(ourRules(fake).length).toBe(9); // statuses alternate: every cell is its own run
  });
});

describe("Clear", () => {
  test("restores every value, formula, fill, number format and rule exactly", async () => {
    const fake = userWorkbook();
    const original = snap(fake);
    await runValidate(hostOf(fake));
    expect(snap(fake)).not.toBe(original);
    const out = await clearMarks(hostOf(fake));
    expect(out.removed).toBe(3);
    expect(snap(fake)).toBe(original);
  });

  test("touches nothing when there is nothing of ours", async () => {
    const fake = userWorkbook();
    const original = snap(fake);
    const out = await clearMarks(hostOf(fake));
    expect(out).toEqual({ supported: true, removed: 0, protectedSheets: [] });
    expect(snap(fake)).toBe(original);
  });

  test("names a sheet whose marks cannot be removed because it was protected afterwards", async () => {
    const fake = userWorkbook();
    await runValidate(hostOf(fake));
    fake.workbook.sheets[0].protected = true;
    const out = await clearMarks(hostOf(fake));
    expect(out.removed).toBe(0);
    expect(out.protectedSheets).toEqual(["Area A"]);
  });
});

describe("no half-written marks", () => {
  // Validate's syncs: 1 find the sheets, read their cells and the rules already there; 2 write.
  /**
   * The marked workbook with one value edited since, as in real use. With a payload limit:
   * 300 KPI rows (about 35 KB of cells) and the user's own rule and fill, on a host that
   * refuses more than `payloadLimit` bytes at once.
   */
  async function edited(payloadLimit?: number): Promise<FakeExcel> {
    let fake = userWorkbook();
    if (payloadLimit !== undefined) {
      fake = new FakeExcel({ platform: "web", payloadLimit });
      fake.workbook.load({
        name: "Area A",
        values: kpiRows(300),
        fills: { G5: "#FFFF00" },
        conditionalFormats: [{ address: "G2:G301", formula: "=G2>100", fill: "#FF00FF" }],
      });
    }
    await runValidate(hostOf(fake), { budget: CHUNKS });
    fake.workbook.sheets[0].rows[3][payloadLimit === undefined ? 7 : 6] = 1;
    return fake;
  }
  const CHUNKS = { maxBytes: 8_000, bytesPerCell: 48, maxCells: 1_000_000 };
  const noIds = (snapshot: string): string => snapshot.replace(/"id":"[^"]*",?/g, "");

  test("a failure of the read sync rejects and leaves the workbook exactly as it was", async () => {
    const fake = await edited();
    const before = snap(fake);
    fake.failSync(1, "RequestAborted", 1);
    await expect(runValidate(hostOf(fake))).rejects.toMatchObject({ code: "RequestAborted" });
    expect(fake.stats.syncs).toBe(3); // the earlier Validate's 2, then the failed read
    expect(snap(fake)).toBe(before);
  });

  test("a host error on the walk is retried by listing the sheets: the same marks; if that fails too, nothing is written", async () => {
    const clean = await edited();
    await runValidate(hostOf(clean));
    const expected = snap(clean);
    const fake = await edited();
    fake.failSync(1, "GeneralException", 1);
    fake.resetStats();
    const { marks } = await runValidate(hostOf(fake));
    expect(marks.status).toBe("written");
    expect(noIds(snap(fake))).toBe(noIds(expected));
    expect(fake.stats.syncs).toBe(4); // the refused walk, the listing, the used ranges, the marks
    const both = await edited();
    const before = snap(both);
    both.failSync(1, "GeneralException", 1);
    both.failSync(2, "GeneralException", 0);
    await expect(runValidate(hostOf(both))).rejects.toMatchObject({ code: "GeneralException" });
    expect(snap(both)).toBe(before);
  });

  test("cells read in chunks (over the host's payload limit): a failure on any read sync rejects, nothing written", async () => {
    const LIMIT = 25_000;
    const probe = await edited(LIMIT);
    probe.resetStats();
    const { report } = await runValidate(hostOf(probe), { budget: CHUNKS });
    expect(markedCells(probe)).toEqual(statusByCell(report.kpis));
    // The sheets without their cells (the refused attempt was remembered), at least two chunks, the write.
    const reads = probe.stats.syncs - 1;
    expect(reads).toBeGreaterThanOrEqual(3);
    expect(probe.stats.perSync.some((p) => p.rejected)).toBe(false);
    for (let k = 1; k <= reads; k++) {
      const fake = await edited(LIMIT);
      const before = snap(fake);
      fake.failSync(k, "RequestAborted", 1);
      await expect(runValidate(hostOf(fake), { budget: CHUNKS })).rejects.toMatchObject({ code: "RequestAborted" });
      expect(snap(fake)).toBe(before);
    }
  });

  test("a failure in the write sync after any number of its operations rolls back to no marks, user formats intact", async () => {
    // How many operations the write sync of a re-validation has (deletes + adds + settings).
    const probe = userWorkbook();
    await runValidate(hostOf(probe));
    probe.resetStats();
    await runValidate(hostOf(probe));
    expect(probe.stats.syncs).toBe(2);
    const operations = probe.stats.perSync[1].operations;
    expect(operations).toBeGreaterThan(6);
    for (let applied = 0; applied <= operations; applied++) {
      const fake = userWorkbook();
      const clean = snap(fake);
      await runValidate(hostOf(fake));
      fake.failSync(2, "GeneralException", applied);
      const { marks } = await runValidate(hostOf(fake));
      expect(marks.status).toBe("rolledBack");
      expect(marks.error).toMatchObject({ code: "GeneralException" });
      expect(snap(fake)).toBe(clean);
    }
  });

  test("when the rollback fails too, the outcome says marks may remain", async () => {
    const fake = userWorkbook();
    fake.failSync(2, "GeneralException", 3);
    fake.failSync(3, "GeneralException", 0);
    const { marks } = await runValidate(hostOf(fake));
    expect(marks.status).toBe("mayRemain");
  });

  test("cell-edit mode: nothing is read or written", async () => {
    const fake = userWorkbook();
    const before = snap(fake);
    fake.cellEditMode = true;
    await expect(runValidate(hostOf(fake))).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    await expect(clearMarks(hostOf(fake))).rejects.toMatchObject({ code: "InvalidOperationInCellEditMode" });
    expect(snap(fake)).toBe(before);
  });
});
