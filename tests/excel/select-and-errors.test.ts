import { classifyHostError } from "../../src/excel/host-errors";
import { codeLine, describeHostError } from "../../src/taskpane/host-error-text";
import { selectRange } from "../../src/excel/actions/select";
import { en } from "../../src/taskpane/i18n/en";
import { it as itStrings } from "../../src/taskpane/i18n/it";
import { FakeExcel } from "../support/office";
import { hostOf } from "../support/excel-fixtures";

describe("selectRange", () => {
  function book(): FakeExcel {
    const fake = new FakeExcel();
    fake.workbook.load({ name: "Primo", values: [[1]] });
    fake.workbook.load({ name: "Area 'B' bis", values: [[1, 2], [3, 4]] });
    fake.workbook.load({ name: "Nascosto", values: [[1]], visibility: "Hidden" });
    return fake;
  }

  test("activates the sheet and selects the cell, rows or block in one sync", async () => {
    const fake = book();
    for (const address of ["B2", "A1:B2", "5:9"]) {
      await selectRange(hostOf(fake), "Area 'B' bis", address);
      expect(fake.workbook.sheets[fake.workbook.activeSheet].name).toBe("Area 'B' bis");
    }
    expect(fake.workbook.selection).toEqual({ sheet: "Area 'B' bis", address: "A5:XFD9" });
    expect(fake.stats.syncs).toBe(3);
  });

  test("rows that are not next to each other (a tree node's KPIs): several areas from ExcelApi 1.18, the first one below, and the outcome says so", async () => {
    const fake = book();
    const current = new FakeExcel({ apiVersion: "1.18" }, fake.workbook);
    await expect(selectRange(hostOf(current), "Primo", "2:3,6:6")).resolves.toEqual({ firstAreaOnly: false });
    expect(fake.workbook.selection).toEqual({ sheet: "Primo", address: "A2:XFD3,A6:XFD6" });
    // Office LTSC 2024 (1.17), Office 2021 (1.14), and older: getRanges exists from 1.9 but
    // RangeAreas.select only from 1.18.
    for (const version of ["1.17", "1.14", "1.9", "1.8"]) {
      const old = new FakeExcel({ apiVersion: version }, fake.workbook);
      await expect(selectRange(hostOf(old), "Primo", "4:5,8:8")).resolves.toEqual({ firstAreaOnly: true });
      expect(fake.workbook.selection).toEqual({ sheet: "Primo", address: "A4:XFD5" });
      expect(old.stats.syncs).toBe(1);
      // A single area is never "first only".
      await expect(selectRange(hostOf(old), "Primo", "4:5")).resolves.toEqual({ firstAreaOnly: false });
    }
    expect(current.stats.syncs).toBe(1);
  });

  test("a deleted sheet and a hidden sheet fail with the host's codes", async () => {
    const fake = book();
    await expect(selectRange(hostOf(fake), "Sparito", "A1")).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(selectRange(hostOf(fake), "Nascosto", "A1")).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.workbook.selection).toBeNull();
  });
});

describe("host errors in plain words", () => {
  const cases: [unknown, string][] = [
    [{ code: "InvalidOperationInCellEditMode" }, "cellEdit"],
    [{ code: "AccessDenied" }, "protected"],
    [{ code: "ApiNotFound" }, "apiMissing"],
    [{ code: "ItemNotFound" }, "notFound"],
    [{ code: "ItemAlreadyExists" }, "exists"],
    [{ code: "ResponsePayloadSizeLimitExceeded" }, "tooLarge"],
    [{ code: "Conflict" }, "busy"],
    [{ code: "GeneralException", message: "The workbook is in cell edit mode" }, "generic"],
    [Object.assign(new Error("Excel is in cell-editing mode"), { code: "InvalidOperation" }), "cellEdit"],
    [{ code: "InvalidOperation", debugInfo: {} }, "generic"],
    [{ debugInfo: { code: "AccessDenied" } }, "protected"],
    [new TypeError("x is undefined"), "unexpected"],
    ["boom", "unexpected"],
  ];
  test.each(cases)("%p is %s", (error, kind) => {
    expect(classifyHostError(error)).toBe(kind);
  });

  test("every kind has a sentence in both languages, and the code is shown apart", () => {
    const p = describeHostError({ code: "AccessDenied" }, itStrings);
    expect(p.message).toMatch(/protetto/);
    expect(describeHostError({ code: "AccessDenied" }, en).message).toMatch(/protected/);
    expect(codeLine(p, itStrings)).toBe("Codice: AccessDenied");
    expect(describeHostError({ code: "InvalidOperationInCellEditMode" }, en).message).toMatch(/Enter or Esc/);
    for (const [error] of cases) {
      expect(describeHostError(error, itStrings).message.length).toBeGreaterThan(10);
      expect(describeHostError(error, en).message.length).toBeGreaterThan(10);
    }
  });
});
