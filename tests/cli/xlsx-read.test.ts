import ExcelJS from "exceljs";
import { readXlsx } from "../../src/cli/xlsx-read";
import { cellValue } from "../../src/cli/xlsx-read-exceljs";
import { handMadeXlsx, serial } from "../fixtures/workbooks/build";

describe("cellValue", () => {
  it("turns ExcelJS values into engine cells", () => {
    expect(cellValue(null)).toBeNull();
    expect(cellValue(undefined)).toBeNull();
    expect(cellValue(3.5)).toBe(3.5);
    expect(cellValue("x")).toBe("x");
    expect(cellValue(true)).toBe(true);
    expect(cellValue(new Date(Date.UTC(2021, 11, 31)))).toBe(serial(2021, 12, 31));
    expect(cellValue(new Date(Date.UTC(2021, 11, 31, 18)))).toBeCloseTo(serial(2021, 12, 31) + 0.75, 10);
    expect(cellValue({ formula: "A1*2", result: 4 })).toBe(4);
    expect(cellValue({ formula: "A1", result: new Date(Date.UTC(2022, 0, 1)) })).toBe(serial(2022, 1, 1));
    expect(cellValue({ formula: "A1" })).toBeNull();
    expect(cellValue({ sharedFormula: "B2", result: "txt" } as ExcelJS.CellSharedFormulaValue)).toBe("txt");
    expect(cellValue({ formula: "1/0", result: { error: "#DIV/0!" } })).toBe("#DIV/0!");
    expect(cellValue({ error: "#N/A" })).toBe("#N/A");
    expect(cellValue({ richText: [{ text: "a" }, { text: "b" }] })).toBe("ab");
    expect(cellValue({ text: "link", hyperlink: "https://x" })).toBe("link");
  });
});

describe("readXlsx", () => {
  it("reads every sheet of a real .xlsx with values, formats and origins", async () => {
    const sheets = await readXlsx(await handMadeXlsx());
    expect(sheets.map((s) => s.name)).toEqual(["Copertina", "Area A", "B", "Note"]);

    const cover = sheets[0];
    expect(cover.origin).toEqual({ row: 0, col: 0 });
    // The merged title lives in its top-left cell only.
    expect(cover.values[0][0]).toBe("Piano della performance 2021-2023");
    expect(cover.values[0].slice(1).every((v) => v === null)).toBe(true);

    const a = sheets[1];
    const at = (addr: string) => {
      const col = addr.charCodeAt(0) - 65;
      const row = Number(addr.slice(1)) - 1;
      return { v: a.values[row - (a.origin?.row ?? 0)]?.[col - (a.origin?.col ?? 0)], f: a.formats?.[row - (a.origin?.row ?? 0)]?.[col - (a.origin?.col ?? 0)] };
    };
    expect(at("A3").v).toBe("Codice");
    expect(at("F4")).toEqual({ v: 0.2, f: "0%" });
    expect(at("H5").v).toBe(12); // the formula's cached result
    expect(at("F6")).toEqual({ v: serial(2021, 11, 30), f: "dd/mm/yyyy" });
    expect(at("D4").v).toBe(50);

    const note = sheets[3];
    expect(note.values[1][0]).toBe("Testo ricco");
    expect(note.values[2][0]).toBe("Sito della Camera");
    expect(note.values[3][0]).toBe("#DIV/0!");
  });

  it("gives a grid whose origin is the first used cell", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("S");
    ws.getCell("C5").value = "Indicatore";
    ws.getCell("E7").value = 3;
    const [s] = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(s.origin).toEqual({ row: 4, col: 2 });
    expect(s.values).toEqual([["Indicatore"], [], [null, null, 3]]);
  });

  it("rejects bytes that are not a workbook", async () => {
    await expect(readXlsx(Buffer.from("hello"))).rejects.toBeDefined();
  });
});
