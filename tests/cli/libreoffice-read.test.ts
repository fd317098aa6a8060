/**
 * Workbooks written by LibreOffice, read by `kpi check`: a workbook in the 1904 date system
 * saved by LibreOffice (which writes `date1904="true"`, a spelling ExcelJS did not know: every
 * date was read 1,462 days early), and the hand-made workbook resaved by LibreOffice (its own
 * XML: shared strings, styles, no ExcelJS conventions) giving the same report as the original.
 */
import ExcelJS from "exceljs";
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { handMadeXlsx } from "../fixtures/workbooks/build";
import { unzip } from "../support/xlsx-files";
import { convertWithLibreOffice, hasLibreOffice } from "../support/libreoffice";
import { kpi, useTempDir, type CheckJson } from "../support/cli";

jest.setTimeout(240_000);

const XLSX_FILTER = "xlsx:Calc MS Excel 2007 XML";

let dir: string;
useTempDir("kpi-lo-read-", (d) => (dir = d));
beforeAll(() => {
  expect(hasLibreOffice()).toBe(true);
});

/** Saves `bytes` as `name` in the test folder, resaves it with LibreOffice, returns the new file's bytes. */
async function resaved(name: string, bytes: Buffer): Promise<Buffer> {
  const input = join(dir, name);
  writeFileSync(input, bytes);
  const { dir: out, files } = await convertWithLibreOffice(input, XLSX_FILTER);
  try {
    return readFileSync(files[0]);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

test("a 1904-system workbook saved by LibreOffice: its dates read as the dates they are", async () => {
  const wb = new ExcelJS.Workbook();
  wb.properties.date1904 = true;
  const ws = wb.addWorksheet("KPI");
  ws.addRow(["Indicatore", "Peso", "Target", "Valore"]);
  // 15/12/2022 against a deadline of 30/06/2022: late, unmet. Read 1,462 days early it would
  // be 14/12/2018: met.
  ws.addRow(["Scadenza", 60, "<= 30/06/2022", new Date(Date.UTC(2022, 11, 15))]);
  ws.addRow(["Consegna", 40, "<= 30/06/2022", new Date(Date.UTC(2022, 2, 1))]);
  ws.getColumn(4).numFmt = "dd/mm/yyyy";
  const lo = await resaved("data1904.xlsx", Buffer.from(await wb.xlsx.writeBuffer()));
  // The fixture is what it claims: LibreOffice's spelling of the 1904 system.
  expect(unzip(lo).get("xl/workbook.xml")?.toString("utf8")).toMatch(/date1904="true"/);
  writeFileSync(join(dir, "lo1904.xlsx"), lo);
  const r = await kpi(["check", "lo1904.xlsx", "--json"], { cwd: dir });
  expect(r.stderr).toBe("");
  const j = JSON.parse(r.stdout) as CheckJson;
  expect(j.kpis.map((k) => [k.status, k.value])).toEqual([
    ["unmet", "2022-12-15"],
    ["met", "2022-03-01"],
  ]);
});

test("the hand-made workbook resaved by LibreOffice gives the same report as the original", async () => {
  const original = await handMadeXlsx();
  writeFileSync(join(dir, "originale.xlsx"), original);
  const lo = await resaved("mio.xlsx", original);
  writeFileSync(join(dir, "lo.xlsx"), lo);
  const a = JSON.parse((await kpi(["check", "originale.xlsx", "--json"], { cwd: dir })).stdout) as CheckJson;
  const b = JSON.parse((await kpi(["check", "lo.xlsx", "--json"], { cwd: dir })).stdout) as CheckJson;
  expect(b.kpis).toEqual(a.kpis);
  expect(b.groups).toEqual(a.groups);
  expect(b.summary).toEqual(a.summary);
  expect(a.kpis.length).toBeGreaterThan(3);
});
