/**
 * The highlighted copy written by `kpi check -o` opened in a real spreadsheet application:
 * LibreOffice converts it without complaint, shows the same figures as the original, and
 * reads the marks back as conditional formats with the documented fills.
 */
import ExcelJS from "exceljs";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { MARK_STYLES } from "../../src/cli/xlsx-marks";
import { handMadeXlsx } from "../fixtures/workbooks/build";
import { convertWithLibreOffice, hasLibreOffice, xlsxToCsvSheets } from "../support/libreoffice";
import { kpi, useTempDir } from "../support/cli";

jest.setTimeout(240_000);

let dir: string;
useTempDir("kpi-lo-", (d) => (dir = d));
let original: Buffer;
let marked: Buffer;
beforeAll(async () => {
  expect(hasLibreOffice()).toBe(true);
  original = await handMadeXlsx();
  writeFileSync(join(dir, "mio.xlsx"), original);
  const r = await kpi(["check", "mio.xlsx", "-o", "evidenziato.xlsx"], { cwd: dir });
  expect(r.code).toBe(0);
  marked = readFileSync(join(dir, "evidenziato.xlsx"));
});

it("shows the same figures in the highlighted copy as in the original", async () => {
  const before = await xlsxToCsvSheets(original);
  const after = await xlsxToCsvSheets(marked);
  expect([...after.keys()].sort()).toEqual(["Area A", "B", "Copertina", "Note"]);
  expect(after).toEqual(before);
  const a = after.get("Area A") as string[][];
  // Row 4: the percent-formatted values and the formula's cached result in row 5.
  expect(a[3].slice(0, 8)).toEqual(["A.1", "Visite", "X/Y*100", "50", ">= 15%", "20%", ">= 20%", "18%"]);
  expect(a[4][7]).toBe("12");
  expect((after.get("B") as string[][])[2][5]).toBe("90.0%");
});

it("reads the marks as conditional formats with the documented fills", async () => {
  const input = join(dir, "evidenziato.xlsx");
  const { dir: out, files } = await convertWithLibreOffice(input, 'xlsx:Calc MS Excel 2007 XML');
  try {
    expect(files.map((f) => f.split("/").pop())).toEqual(["evidenziato.xlsx"]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(files[0]) as unknown as ExcelJS.Buffer);
    type CF = { ref: string; rules: { type: string; formulae?: unknown[]; style?: unknown }[] };
    const cfs = (name: string) => (wb.getWorksheet(name) as unknown as { conditionalFormattings: CF[] }).conditionalFormattings;
    const fillOf = (cf: CF) => JSON.stringify(cf.rules[0].style ?? {}).toUpperCase();
    const find = (name: string, ref: string) => cfs(name).find((cf) => cf.ref.replace(/\$/g, "") === ref);
    const unmet = find("Area A", "H4:H5");
    const missing = find("Area A", "H6");
    const met = find("Area A", "D9");
    expect(unmet && fillOf(unmet)).toContain(MARK_STYLES.unmet.fill);
    expect(missing && fillOf(missing)).toContain(MARK_STYLES.missing.fill);
    expect(met && fillOf(met)).toContain(MARK_STYLES.met.fill);
    expect(find("B", "F3") && fillOf(find("B", "F3") as CF)).toContain(MARK_STYLES.unmet.fill);
    // The user's own rule is still there.
    expect(cfs("Area A").some((cf) => cf.ref.replace(/\$/g, "") === "D4:D6" && cf.rules[0].type === "cellIs")).toBe(true);
    // And so is the user's own fill under the marks.
    expect((wb.getWorksheet("Area A") as ExcelJS.Worksheet).getCell("H4").fill).toEqual(
      expect.objectContaining({ type: "pattern", pattern: "solid", fgColor: expect.objectContaining({ argb: "FFFFFF00" }) }),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it("converts the highlighted copy to PDF", async () => {
  const { dir: out, files } = await convertWithLibreOffice(join(dir, "evidenziato.xlsx"), "pdf");
  try {
    expect(files).toHaveLength(1);
    const pdf = readFileSync(files[0]);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(5000);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

it("marks a workbook saved by LibreOffice (another writer's XML) and LibreOffice reads the marks back", async () => {
  // The hand-made workbook as LibreOffice writes it: its own styles.xml, sheet XML and part names.
  const { dir: lo, files } = await convertWithLibreOffice(join(dir, "mio.xlsx"), "xlsx:Calc MS Excel 2007 XML");
  try {
    writeFileSync(join(dir, "da-libreoffice.xlsx"), readFileSync(files[0]));
  } finally {
    rmSync(lo, { recursive: true, force: true });
  }
  const r = await kpi(["check", "da-libreoffice.xlsx", "--json", "-o", "da-libreoffice-evidenziato.xlsx"], { cwd: dir });
  expect(r.stderr).toBe("");
  const report = JSON.parse(r.stdout) as { kpis: { status: string }[] };
  expect(report.kpis.map((k) => k.status)).toEqual(["unmet", "unmet", "missing", "met", "no_target", "met", "unmet"]);

  const { dir: out, files: again } = await convertWithLibreOffice(join(dir, "da-libreoffice-evidenziato.xlsx"), "xlsx:Calc MS Excel 2007 XML");
  try {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(again[0]) as unknown as ExcelJS.Buffer);
    const refs = (wb.getWorksheet("Area A") as unknown as { conditionalFormattings: { ref: string; rules: { style?: unknown }[] }[] }).conditionalFormattings.map(
      (cf) => [cf.ref.replace(/\$/g, ""), JSON.stringify(cf.rules[0].style ?? {}).toUpperCase()],
    );
    expect(refs).toEqual(
      expect.arrayContaining([
        ["H4:H5", expect.stringContaining(MARK_STYLES.unmet.fill)],
        ["H6", expect.stringContaining(MARK_STYLES.missing.fill)],
        ["D9", expect.stringContaining(MARK_STYLES.met.fill)],
      ]),
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
