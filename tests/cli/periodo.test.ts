import ExcelJS from "exceljs";
import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { kpi, useTempDir } from "../support/cli";

let dir: string;
useTempDir("kpi-cli-", (d) => (dir = d), "each");

/** A real .xlsx with values at 30/06 and 30/09 and a blank year end. */
async function monitoredXlsx(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("KPI");
  ws.addRow(["Indicatore", "Algoritmo", "Peso", "Target 2026", "Valore 2026 al 30/06", "Valore 2026 al 30/09", "Valore 2026"]);
  ws.addRow(["Eventi organizzati", "Numero eventi", 50, ">= 200", 90, 150, null]);
  ws.addRow(["Nuovo portale", "Realizzazione attività", 50, "<= 30/09/2026", null, null, null]);
  const s = wb.addWorksheet("Impostazioni");
  s.addRow(["Impostazione", "Valore"]);
  s.addRow(["Monitoraggio", "lineare"]);
  const file = join(dir, "monitor.xlsx");
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

interface Json {
  period: string | null;
  periods: string[];
  kpis: { status: string; expected?: number }[];
  summary: Record<string, number>;
}

describe("kpi check --periodo", () => {
  test("--periodo 2026-06-30: events 90 below 200 × 181/365 = 99.18 at risk, portal not due yet on track", async () => {
    const file = await monitoredXlsx();
    const r = await kpi(["check", file, "--periodo", "2026-06-30", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout) as Json;
    expect(j.period).toBe("2026-06-30");
    expect(j.periods).toEqual(["2026-06-30", "2026-09-30", "2026"]);
    expect(j.kpis.map((k) => k.status)).toEqual(["at_risk", "on_track"]);
    // 36200 / 365 = 99.178… rounded to 2 decimals.
    expect(j.kpis[0].expected).toBe(99.18);
    expect(j.summary).toMatchObject({ onTrack: 1, atRisk: 1, unreachable: 0 });
  });

  test("--period 30/09/2026 (the Italian way, English name): events 150 ≥ 149.59 on track, portal unreachable", async () => {
    const file = await monitoredXlsx();
    const j = JSON.parse((await kpi(["check", file, "--period", "30/09/2026", "--json"], { cwd: dir })).stdout) as Json;
    expect(j.kpis.map((k) => k.status)).toEqual(["on_track", "unreachable"]);
  });

  test("without a period the latest filled date (30/09) is checked; the text report names it and lists each status", async () => {
    const file = await monitoredXlsx();
    const it = await kpi(["check", file], { cwd: dir });
    expect(it.stdout).toContain("Periodo: 30/09/2026");
    expect(it.stdout).toContain("Non raggiungibili (1)");
    expect(it.stdout).toContain("In linea (1)");
    expect(it.stdout).toMatch(/valore 150 · target >= 200 · raggiungimento 75% · atteso alla data 149,59/);
    const en = await kpi(["check", file, "--lang", "en", "--period", "2026-06-30"], { cwd: dir });
    expect(en.stdout).toContain("Period: 30/06/2026");
    expect(en.stdout).toContain("At risk (1)");
    expect(en.stdout).toContain("not done yet · target <= 30/09/2026");
  });

  test.each(["2026-02-30", "giugno", "30/06"])("--periodo %s is a usage error (exit 2) in both languages", async (bad) => {
    const file = await monitoredXlsx();
    const it = await kpi(["check", file, "--periodo", bad], { cwd: dir });
    expect(it.code).toBe(2);
    expect(it.stderr).toContain(`Periodo non valido «${bad}»`);
    const en = await kpi(["check", file, "--period", bad, "--lang", "en"], { cwd: dir });
    expect(en.stderr).toContain(`Invalid period "${bad}"`);
  });

  test("-o at a date marks the at-risk value with its own dotted sky-blue rule", async () => {
    const file = await monitoredXlsx();
    const out = join(dir, "marked.xlsx");
    const r = await kpi(["check", file, "--periodo", "2026-06-30", "-o", out], { cwd: dir });
    expect(r.stdout).toContain("azzurro con bordo punteggiato = a rischio");
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(readFileSync(out));
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const dxfs = [...styles.slice(styles.indexOf("<dxfs")).matchAll(/<dxf>([\s\S]*?)<\/dxf>/g)].map((m) => m[1]);
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    const dxfOf = (cell: string) => {
      const m = new RegExp(`<conditionalFormatting sqref="${cell}"><cfRule[^>]*dxfId="(\\d+)"`).exec(sheet);
      return m ? dxfs[Number(m[1])] : "";
    };
    // E2 (events at 30/06, at risk): sky-blue tint, dotted blue border; E3 (portal, not due: on track) the met mark.
    expect(dxfOf("E2")).toContain('rgb="FFD6EDFA"');
    expect(dxfOf("E2")).toContain('style="dotted"><color rgb="FF0072B2"/>');
    expect(dxfOf("E3")).toContain('rgb="FFA3DCCD"');
  });
});

test("kpi report stays a year-end document when the latest values are at a monitoring date", async () => {
  const file = await monitoredXlsx();
  const r = await kpi(["report", file, "-o", "relazione.html"], { cwd: dir });
  expect(r.stderr).toBe("");
  // Written for 2026 (its year end), not for 30/09/2026.
  // At year end (column "Valore 2026" blank) both KPIs are missing; at 30/09 the events
  // (150 of >= 200) would have counted as not met.
  expect(r.stdout).toContain("Relazione 2026 scritta");
  expect(r.stdout).toContain("0 raggiunti · 0 non raggiunti · 2 mancanti");
  const html = readFileSync(join(dir, "relazione.html"), "utf8");
  expect(html).not.toContain("on_track");
  expect(html).not.toContain("at_risk");
});
