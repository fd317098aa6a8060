/**
 * The pane's actions (Validate, Clear, Crea riepilogo, Importa piano, a link to a tree
 * node's rows) on the Excel versions public offices run, on desktop and on the web:
 *   ExcelApi 1.9   the oldest the add-in is tested on;
 *   ExcelApi 1.14  Office 2021 (perpetual / LTSC 2021);
 *   ExcelApi 1.17  Office LTSC 2024;
 *   ExcelApi 1.18  current Microsoft 365.
 * The fake refuses any member newer than its version (its sets come from
 * src/excel/requirements.ts), so a call the version lacks fails here as in Excel. Every
 * action works, or degrades with a plain message; and every member the actions touched is
 * listed in the add-in's requirement table.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { EXCEL_API } from "../../src/excel/requirements";
import { createController } from "../../src/taskpane/controller";
import { en } from "../../src/taskpane/i18n/en";
import { it as itStrings } from "../../src/taskpane/i18n/it";
import { createStore } from "../../src/taskpane/state";
import { FAKE_ONLY_API, FakeContext, FakeExcel } from "../support/office";
import { kpiRows, markedCells, officeHostOf } from "../support/excel-fixtures";

jest.setTimeout(120_000);

const SEED = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
const VERSIONS = ["1.9", "1.14", "1.17", "1.18"] as const;
const PLATFORMS = ["desktop", "web"] as const;
const cases = VERSIONS.flatMap((version) => PLATFORMS.map((platform) => ({ version, platform })));

describe.each(cases)("ExcelApi $version, $platform", ({ version, platform }) => {
  const multiSelect = version === "1.18";

  test.each([
    ["it", itStrings],
    ["en", en],
  ] as const)("every action of the pane (%s)", async (lang, strings) => {
    const fake = new FakeExcel({ platform, apiVersion: version });
    fake.workbook.load({ name: "Area A", values: kpiRows(12) });
    const store = createStore();
    const controller = createController({ host: officeHostOf(fake), store, strings, lang });

    // Validate: kpiRows(12) has 4 met, 4 unmet, 4 missing; every value cell is marked.
    await controller.validate();
    expect(store.get().error).toBeNull();
    expect(store.get().report?.summary).toMatchObject({ met: 4, unmet: 4, missing: 4 });
    expect(store.get().notice?.tone).toBe("success");
    expect(markedCells(fake).size).toBe(12);

    // A tree node's rows that are not next to each other: both areas from 1.18, the first
    // one below with a plain message.
    await controller.goTo("Area A", "2:3,6:6");
    expect(store.get().error).toBeNull();
    if (multiSelect) {
      expect(fake.workbook.selection).toEqual({ sheet: "Area A", address: "A2:XFD3,A6:XFD6" });
    } else {
      expect(fake.workbook.selection).toEqual({ sheet: "Area A", address: "A2:XFD3" });
      expect(store.get().notice).toEqual({ tone: "warning", lines: [strings.selectFirstAreaOnly] });
    }

    // Crea riepilogo: a new sheet.
    await controller.summary();
    expect(store.get().error).toBeNull();
    expect(fake.workbook.sheets.map((s) => s.name)).toContain(lang === "it" ? "Riepilogo" : "Summary");

    // Clear: every mark of ours is gone, nothing else.
    await controller.clear();
    expect(store.get().error).toBeNull();
    expect(markedCells(fake).size).toBe(0);

    // Importa piano: the sample plan as new sheets.
    const before = fake.workbook.sheets.length;
    await controller.importPlan(SEED);
    expect(store.get().importError).toBeNull();
    expect(store.get().importNotice?.lines[0]).toMatch(lang === "it" ? /^Fogli creati: / : /^Sheets created: /);
    expect(fake.workbook.sheets.length).toBeGreaterThan(before);

    // Every member touched is in the add-in's requirement table, at a set this host has.
    const table = EXCEL_API as Readonly<Record<string, string>>;
    const outside = [...fake.membersUsed].filter((m) => table[m] === undefined);
    expect(outside).toEqual([]);
  });
});

test("the table holds the sets of Microsoft's reference for the members that decide a version", () => {
  // Checked one by one against learn.microsoft.com/javascript/api/excel ("API set: ExcelApi x").
  expect(EXCEL_API["RangeAreas.select"]).toBe("1.18");
  expect(EXCEL_API["Worksheet.getRanges"]).toBe("1.9");
  expect(EXCEL_API["RangeAreas.conditionalFormats"]).toBe("1.9");
  expect(EXCEL_API["Worksheet.getNextOrNullObject"]).toBe("1.5");
  expect(EXCEL_API["WorksheetCollection.getFirst"]).toBe("1.5");
  expect(EXCEL_API["Worksheet.getUsedRangeOrNullObject"]).toBe("1.4");
  expect(EXCEL_API["Range.conditionalFormats"]).toBe("1.6");
  expect(EXCEL_API["Range.dataValidation"]).toBe("1.8");
  expect(EXCEL_API["Worksheet.customProperties"]).toBe("1.12");
  expect(EXCEL_API["Range.formulasLocal"]).toBe("1.1");
  expect(EXCEL_API["Application.cultureInfo"]).toBe("1.11");
});

test("the fake refuses a member no table lists, and its own list does not shadow the add-in's", () => {
  const fake = new FakeExcel({ apiVersion: "1.18" });
  const context = new FakeContext(fake);
  expect(() => context.requireApi("Range.valuesAsJson")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  expect(() => context.requireApi("RangeAreas.select")).not.toThrow();
  const old = new FakeContext(new FakeExcel({ apiVersion: "1.17" }));
  expect(() => old.requireApi("RangeAreas.select")).toThrow(expect.objectContaining({ code: "ApiNotFound" }));
  const table = EXCEL_API as Readonly<Record<string, string>>;
  expect(Object.keys(FAKE_ONLY_API).filter((m) => table[m] !== undefined)).toEqual([]);
  for (const v of [...Object.values(table), ...Object.values(FAKE_ONLY_API)]) expect(v).toMatch(/^1\.\d{1,2}$/);
});
