import ExcelJS from "exceljs";
import { createHash } from "crypto";
import { marksFor } from "../../src/core/marks";
import { MARK_STYLES, sqref, writeMarkedCopy, type Mark } from "../../src/cli/xlsx-marks";
import { entryData, readZip } from "../../src/cli/zip";
import type { KpiResult } from "../../src/core/types";
import { handMadeXlsx, simpleXlsx } from "../fixtures/workbooks/build";

const MARKS: Mark[] = [
  { sheet: "Area A", cell: "H4", kind: "unmet" },
  { sheet: "Area A", cell: "H5", kind: "unmet" },
  { sheet: "Area A", cell: "H6", kind: "missing" },
  { sheet: "Area A", cell: "D9", kind: "met" },
  { sheet: "B", cell: "F2", kind: "met" },
  { sheet: "B", cell: "F3", kind: "unmet" },
];

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return wb;
}

type CF = { ref: string; rules: { type: string; priority?: number; formulae?: unknown[]; style?: Record<string, unknown> }[] };
const cfs = (ws: ExcelJS.Worksheet): CF[] => (ws as unknown as { conditionalFormattings: CF[] }).conditionalFormattings;

/** Everything about a worksheet except its conditional formats. */
function snapshot(ws: ExcelJS.Worksheet) {
  const cells: unknown[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cells.push({ address: cell.address, value: cell.value, type: cell.type, style: cell.style, numFmt: cell.numFmt, dv: cell.dataValidation });
    });
  });
  return {
    name: ws.name,
    state: ws.state,
    cells,
    merges: (ws.model as unknown as { merges: string[] }).merges,
    views: ws.views,
    columns: (ws.columns ?? []).map((c) => ({ width: c.width, hidden: c.hidden })),
    images: ws.getImages().map((i) => {
      const r = i.range as unknown as { tl: { nativeCol: number; nativeRow: number }; br: { nativeCol: number; nativeRow: number } };
      return { id: i.imageId, tl: [r.tl.nativeCol, r.tl.nativeRow], br: [r.br.nativeCol, r.br.nativeRow] };
    }),
  };
}

describe("writeMarkedCopy", () => {
  let input: Buffer;
  let output: Buffer;
  let inputHash: string;
  beforeAll(async () => {
    input = await handMadeXlsx();
    inputHash = createHash("sha256").update(input).digest("hex");
    output = writeMarkedCopy(input, MARKS);
  });

  it("leaves the input buffer untouched", () => {
    expect(createHash("sha256").update(input).digest("hex")).toBe(inputHash);
  });

  it("keeps every cell, style, merge, validation, view, image and defined name", async () => {
    const before = await load(input);
    const after = await load(output);
    expect(after.worksheets.map((w) => w.name)).toEqual(before.worksheets.map((w) => w.name));
    for (const ws of before.worksheets) {
      expect(snapshot(after.getWorksheet(ws.name) as ExcelJS.Worksheet)).toEqual(snapshot(ws));
    }
    expect(after.definedNames.model).toEqual(before.definedNames.model);
    const media = (wb: ExcelJS.Workbook) => (wb as unknown as { media: unknown[] }).media.length;
    expect(media(before)).toBe(1);
    expect(media(after)).toBe(1);
    expect((before.getWorksheet("Copertina") as ExcelJS.Worksheet).getImages()).toHaveLength(1);
    // The user's own fills on marked cells are still there, under the rules.
    const h4 = (after.getWorksheet("Area A") as ExcelJS.Worksheet).getCell("H4");
    expect(h4.fill).toEqual({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFF00" } });
  });

  it("adds one always-true rule per kind on top of the user's own rules", async () => {
    const before = await load(input);
    const after = await load(output);
    const userRule = cfs(before.getWorksheet("Area A") as ExcelJS.Worksheet);
    expect(userRule).toHaveLength(1);
    const a = cfs(after.getWorksheet("Area A") as ExcelJS.Worksheet);
    const ours = a.filter((cf) => cf.rules[0].type === "expression");
    expect(ours.map((cf) => cf.ref)).toEqual(["H4:H5", "H6", "D9"]);
    for (const cf of ours) expect(cf.rules[0].formulae).toEqual(["TRUE"]);
    expect(ours.map((cf) => cf.rules[0].priority)).toEqual([1, 2, 3]);
    const theirs = a.filter((cf) => cf.rules[0].type !== "expression");
    expect(theirs).toHaveLength(1);
    expect(theirs[0].ref).toBe("D4:D6");
    expect(theirs[0].rules[0].priority).toBe((userRule[0].rules[0].priority as number) + 3);
    // The fills and borders are the documented colours.
    const fills = ours.map((cf) => JSON.stringify(cf.rules[0].style));
    expect(fills[0]).toContain(MARK_STYLES.unmet.fill);
    expect(fills[1]).toContain(MARK_STYLES.missing.fill);
    expect(fills[2]).toContain(MARK_STYLES.met.fill);
    const b = cfs(after.getWorksheet("B") as ExcelJS.Worksheet);
    expect(b.map((cf) => cf.ref)).toEqual(["F3", "F2"]);
    // Sheets without marks keep no rules.
    expect(cfs(after.getWorksheet("Note") as ExcelJS.Worksheet)).toEqual([]);
  });

  it("changes no part but styles.xml and the marked sheets", () => {
    const inParts = new Map(readZip(input).map((e) => [e.name, entryData(e)]));
    const outEntries = readZip(output);
    expect(outEntries.map((e) => e.name)).toEqual([...inParts.keys()]);
    const changed = outEntries.filter((e) => !entryData(e).equals(inParts.get(e.name) as Buffer)).map((e) => e.name);
    expect(changed.sort()).toEqual(["xl/styles.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]);
  });

  it("only inserts the rules into a sheet: removing them gives the original XML back", () => {
    const part = "xl/worksheets/sheet3.xml"; // sheet B has no rules of its own
    const original = entryData(readZip(input).find((e) => e.name === part) as never).toString("utf8");
    const marked = entryData(readZip(output).find((e) => e.name === part) as never).toString("utf8");
    expect(marked).not.toBe(original);
    expect(marked.replace(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g, "")).toBe(original);
  });

  it("appends the differential formats to styles.xml without touching the others", () => {
    const original = entryData(readZip(input).find((e) => e.name === "xl/styles.xml") as never).toString("utf8");
    const marked = entryData(readZip(output).find((e) => e.name === "xl/styles.xml") as never).toString("utf8");
    const DXFS = /<dxfs\b[^>]*\/>|<dxfs\b[^>]*>([\s\S]*?)<\/dxfs>/;
    const dxfs = (xml: string) => DXFS.exec(xml);
    const before = dxfs(original);
    const after = dxfs(marked);
    expect(after).not.toBeNull();
    const beforeInner = before?.[1] ?? "";
    expect((after as RegExpExecArray)[1].startsWith(beforeInner)).toBe(true);
    expect(beforeInner).toContain("<dxf>"); // the user's own rule has its format
    expect(marked.replace(DXFS, "")).toBe(original.replace(DXFS, ""));
    expect(/<dxfs count="(\d+)"/.exec(marked)?.[1]).toBe(String((beforeInner.match(/<dxf>/g) ?? []).length + 4));
  });

  it("can be marked twice (a marked copy of a marked copy) and still opens", async () => {
    const twice = writeMarkedCopy(output, [{ sheet: "B", cell: "F2", kind: "missing" }]);
    const wb = await load(twice);
    const b = cfs(wb.getWorksheet("B") as ExcelJS.Worksheet);
    expect(b.map((cf) => [cf.ref, cf.rules[0].priority])).toEqual([
      ["F2", 1],
      ["F3", 2],
      ["F2", 3],
    ]);
  });

  it("returns an identical workbook when there is nothing to mark", () => {
    const copy = writeMarkedCopy(input, []);
    const parts = (buf: Buffer) => readZip(buf).map((e) => [e.name, entryData(e).toString("base64")]);
    expect(parts(copy)).toEqual(parts(input));
  });

  it("marks sheets whose names need escaping in XML", async () => {
    const xlsx = await simpleXlsx("R&D <1>", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, ">= 1", 0]]);
    const wb = await load(writeMarkedCopy(xlsx, [{ sheet: "R&D <1>", cell: "D2", kind: "unmet" }]));
    expect(cfs(wb.worksheets[0]).map((cf) => cf.ref)).toEqual(["D2"]);
  });

  it("refuses a sheet that is not in the workbook", async () => {
    const xlsx = await simpleXlsx("S", [["x"]]);
    expect(() => writeMarkedCopy(xlsx, [{ sheet: "Missing", cell: "A1", kind: "met" }])).toThrow(/Missing/);
  });
});

describe("sqref and marksFor", () => {
  it("joins consecutive rows of a column into ranges", () => {
    expect(sqref(["H5", "H4", "H6", "H9", "C2", "H9"])).toBe("C2 H4:H6 H9");
  });

  it("marks the value cells of met, unmet and missing KPIs only", () => {
    const k = (status: KpiResult["status"], valueCell: string | null): KpiResult => ({
      sheet: "S", row: 2, owner: null, indicator: "x", weight: 1, target: null, value: null, status, achievement: null,
      valueCell, targetCell: "C2", algorithmKind: null,
    });
    expect(marksFor({ kpis: [k("met", "D2"), k("unmet", "D3"), k("missing", "D4"), k("invalid", "D5"), k("no_target", "D6"), k("missing", null)] })).toEqual([
      { sheet: "S", cell: "D2", kind: "met" },
      { sheet: "S", cell: "D3", kind: "unmet" },
      { sheet: "S", cell: "D4", kind: "missing" },
    ]);
  });
});
