/**
 * `kpi import --monitoraggi 30/06,30/09` on the sample plan: a real .xlsx with the dated value
 * columns, read back by `kpi check --periodo`, and opened by LibreOffice.
 */
import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { convertWithLibreOffice, hasLibreOffice } from "../support/libreoffice";
import { kpi, SEED, useTempDir } from "../support/cli";

jest.setTimeout(240_000);

let dir: string;
useTempDir("kpi-monitor-", (d) => (dir = d));

async function headersOf(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const row = wb.getWorksheet(sheet)!.getRow(1).values as unknown[];
  return row.slice(1).map(String);
}

test("--monitoraggi 30/06,30/09 adds Valore YYYY al 30/06 and al 30/09 before each Valore YYYY", async () => {
  const r = await kpi(["import", SEED, "-o", "piano.xlsx", "--monitoraggi", "30/06,30/09"], { cwd: dir });
  expect(r.stderr).toBe("");
  const headers = await headersOf(join(dir, "piano.xlsx"), "A");
  const values = headers.filter((h) => h.startsWith("Valore"));
  // Three plan years (2021-2023), three value columns each: 9.
  expect(values).toEqual([
    "Valore 2021 al 30/06", "Valore 2021 al 30/09", "Valore 2021",
    "Valore 2022 al 30/06", "Valore 2022 al 30/09", "Valore 2022",
    "Valore 2023 al 30/06", "Valore 2023 al 30/09", "Valore 2023",
  ]);
  // Each year's dated columns come right before its year end, after its target.
  const i = headers.indexOf("Target 2022");
  expect(headers.indexOf("Valore 2022 al 30/06")).toBeGreaterThan(i);
  expect(headers.indexOf("Valore 2022")).toBe(headers.indexOf("Valore 2022 al 30/09") + 1);
});

test("the Lecce plan still reads as before through the new columns; --periodo picks the 30/06 column", async () => {
  const file = join(dir, "piano.xlsx");
  const j = JSON.parse((await kpi(["check", file, "--json"], { cwd: dir })).stdout);
  // No value typed anywhere: the year end of the latest target year, 93 KPIs, 49 weight groups.
  expect(j.period).toBe("2023");
  expect(j.summary.rows).toBe(93);
  expect(j.groups).toHaveLength(49);
  expect(j.periods).toEqual(["2021-06-30", "2021-09-30", "2021", "2022-06-30", "2022-09-30", "2022", "2023-06-30", "2023-09-30", "2023"]);
  // Type a value at 30/06/2021 into the first KPI of sheet A (the column found by its header).
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet("A")!;
  const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const col = headers.indexOf("Valore 2021 al 30/06") + 1;
  ws.getRow(2).getCell(col).value = 5;
  writeFileSync(join(dir, "valori.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
  const after = JSON.parse((await kpi(["check", "valori.xlsx", "--json"], { cwd: dir })).stdout);
  // The only value typed is at 30/06/2021: that is the default period now.
  expect(after.period).toBe("2021-06-30");
  const first = after.kpis.find((k: { sheet: string; row: number }) => k.sheet === "A" && k.row === 2);
  expect(first.value).toBe(5);
  // Its target is >= 15% (a trend, not cumulative): 5 is compared with 15 directly, at risk, no pro rata.
  expect(first.target).toEqual({ op: ">=", value: 15, unit: "percent" });
  expect(first.status).toBe("at_risk");
  expect(first.expected).toBeUndefined();
  expect(after.summary.atRisk).toBe(1);
  // Every other KPI judged at the date is a deadline not done yet (blank): on track before it, unreachable from it.
  type K = { status: string; value: unknown; target: { unit: string; value: string } | null };
  const byDate = (after.kpis as K[]).filter((k) => k.status === "on_track" || k.status === "unreachable");
  expect(byDate.length).toBe(after.summary.onTrack + after.summary.unreachable);
  for (const k of byDate) expect([k.value, k.target?.unit]).toEqual([null, "date"]);
  for (const k of byDate) expect(k.status).toBe(k.target!.value > "2021-06-30" ? "on_track" : "unreachable");
  const explicit = JSON.parse((await kpi(["check", "valori.xlsx", "--periodo", "30/06/2021", "--json"], { cwd: dir })).stdout);
  expect(explicit.kpis).toEqual(after.kpis);
});

test("--checkpoints (English) writes Actual YYYY at 30/06; a bad date is a usage error in both languages", async () => {
  const r = await kpi(["import", SEED, "-o", "plan.xlsx", "--checkpoints", "30/06", "--lang", "en"], { cwd: dir });
  expect(r.stderr).toBe("");
  const headers = await headersOf(join(dir, "plan.xlsx"), "A");
  expect(headers.filter((h) => h.startsWith("Actual 2021"))).toEqual(["Actual 2021 at 30/06", "Actual 2021"]);
  const j = JSON.parse((await kpi(["check", "plan.xlsx", "--json"], { cwd: dir })).stdout);
  expect(j.periods.slice(0, 2)).toEqual(["2021-06-30", "2021"]);
  const it = await kpi(["import", SEED, "-o", "x.xlsx", "--monitoraggi", "31/06"], { cwd: dir });
  expect(it.code).toBe(2);
  expect(it.stderr).toContain("Data di monitoraggio non valida «31/06»");
  const en = await kpi(["import", SEED, "-o", "x.xlsx", "--checkpoints", "June", "--lang", "en"], { cwd: dir });
  expect(en.stderr).toContain('Invalid monitoring date "June"');
});

test("LibreOffice opens the written workbook and shows the dated headers", async () => {
  expect(hasLibreOffice()).toBe(true);
  const { dir: out, files } = await convertWithLibreOffice(join(dir, "piano.xlsx"), "xlsx:Calc MS Excel 2007 XML");
  try {
    expect(files).toHaveLength(1);
    const headers = await headersOf(files[0], "A");
    expect(headers).toContain("Valore 2022 al 30/09");
  } finally {
    require("fs").rmSync(out, { recursive: true, force: true });
  }
});
