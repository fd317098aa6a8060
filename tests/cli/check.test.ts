import ExcelJS from "exceljs";
import { existsSync, writeFileSync } from "fs";
import { join } from "path";
import { handMadeWorkbook, handMadeXlsx } from "../fixtures/workbooks/build";
import { kpi, sha256, useTempDir, type CheckJson } from "../support/cli";

let dir: string;
useTempDir("kpi-cli-", (d) => (dir = d), "each");

/** The hand-made workbook written as mio.xlsx in the test's folder: its path and its SHA-256. */
async function writeMio(): Promise<{ input: string; before: string }> {
  const input = join(dir, "mio.xlsx");
  writeFileSync(input, await handMadeXlsx());
  return { input, before: sha256(input) };
}

async function save(wb: ExcelJS.Workbook, name: string): Promise<string> {
  const file = join(dir, name);
  writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
  return file;
}

const statusByCell = (j: CheckJson) =>
  Object.fromEntries(j.kpis.map((k) => [`${k.sheet}!${k.row}`, k.status]));

describe("kpi check on a hand-made workbook", () => {
  it("finds both tables on a sheet and the table of another sheet, for the latest year with values", async () => {
    await writeMio();
    const r = await kpi(["check", "mio.xlsx", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CheckJson;
    expect(j.year).toBe(2022);
    expect(j.years).toEqual([2021, 2022]);
    expect(j.groups).toEqual([
      { owner: "A.1", sheet: "Area A", weightSum: 100, ok: true },
      { owner: "A.2", sheet: "Area A", weightSum: 100, ok: true },
      { owner: null, sheet: "Area A", weightSum: 100, ok: true },
      { owner: "B.1", sheet: "B", weightSum: 100, ok: true },
    ]);
    expect(statusByCell(j)).toEqual({
      "Area A!4": "unmet",
      "Area A!5": "unmet",
      "Area A!6": "missing",
      "Area A!9": "met",
      "Area A!10": "no_target",
      "B!2": "met",
      "B!3": "unmet",
    });
    const visite = j.kpis.find((k) => k.indicator === "Visite");
    // 0.18 shown as 18% against ">= 20%": 18, achievement 18/20.
    expect(visite).toEqual({
      sheet: "Area A",
      row: 4,
      owner: "A.1",
      indicator: "Visite",
      weight: 50,
      target: { op: ">=", value: 20, unit: "percent" },
      value: 18,
      status: "unmet",
      achievement: 90,
      // No Motivazione scostamento column in this workbook.
      reason: null,
    });
    // The formula's cached result is the value; lower is better: 9/12.
    expect(j.kpis.find((k) => k.indicator === "Pratiche evase")).toEqual(expect.objectContaining({ value: 12, achievement: 75 }));
    // "entro il 30/06/2022": a deadline, written as an ISO date in JSON.
    expect(j.kpis.find((k) => k.indicator === "Evento realizzato")?.target).toEqual({ op: "<=", value: "2022-06-30", unit: "date" });
    expect(j.kpis.find((k) => k.indicator === "Domande evase")).toEqual(
      expect.objectContaining({ value: 90, target: { op: ">=", value: 95, unit: "percent" }, achievement: 94.74 }),
    );
    expect(j.problems).toEqual([
      { severity: "warning", code: "VALUE_MISSING", sheet: "Area A", cell: "H6", message: "Valore mancante per il 2022." },
    ]);
    expect(j.summary).toEqual({ tables: 3, rows: 7, met: 2, unmet: 3, missing: 1, noTarget: 1, invalid: 0 });
  });

  it("checks the year asked for, with the year's own columns", async () => {
    await writeMio();
    const r = await kpi(["check", "mio.xlsx", "--json", "--year", "2021"], { cwd: dir });
    const j = JSON.parse(r.stdout) as CheckJson;
    expect(j.year).toBe(2021);
    expect(statusByCell(j)).toEqual({
      "Area A!4": "met",
      "Area A!5": "met",
      "Area A!6": "met",
      "Area A!9": "met",
      "Area A!10": "no_target",
      "B!2": "missing",
      "B!3": "missing",
    });
    expect(j.kpis.find((k) => k.indicator === "Evento realizzato")?.value).toBe("2021-11-30");
    expect(j.problems).toEqual([expect.objectContaining({ severity: "warning", code: "NO_VALUE_COLUMN", sheet: "B" })]);
    expect(r.code).toBe(0);
  });

  it("reports text in a weight, the group's sum and an unreadable target, with exit code 1", async () => {
    const wb = await handMadeWorkbook();
    (wb.getWorksheet("B") as ExcelJS.Worksheet).getCell("C2").value = "trenta";
    (wb.getWorksheet("Area A") as ExcelJS.Worksheet).getCell("G4").value = "circa 20";
    await save(wb, "errori.xlsx");
    const r = await kpi(["check", "errori.xlsx", "--json", "--lang", "en"], { cwd: dir });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as CheckJson;
    const errors = j.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.sheet, p.cell]);
    expect(errors).toEqual(
      expect.arrayContaining([
        ["NOT_A_TARGET", "Area A", "G4"],
        ["WEIGHT_NOT_NUMBER", "B", "C2"],
      ]),
    );
    // The group with the text weight is listed once, as the bad weight (not again as a sum).
    expect(errors).toHaveLength(2);
    expect(j.problems.find((p) => p.cell === "C2")?.message).toBe("The weight “trenta” is not a number.");
    expect(j.groups.find((g) => g.owner === "B.1")).toEqual({ owner: "B.1", sheet: "B", weightSum: 70, ok: false });
    expect(j.kpis.find((k) => k.indicator === "Visite")?.status).toBe("invalid");
    expect(j.kpis.find((k) => k.indicator === "Imprese assistite")?.weight).toBeNull();
  });

  it("prints a readable report in Italian by default and in English with LANG=en", async () => {
    const wb = await handMadeWorkbook();
    (wb.getWorksheet("B") as ExcelJS.Worksheet).getCell("C2").value = -30;
    await save(wb, "mio.xlsx");
    const it = await kpi(["check", "mio.xlsx"], { cwd: dir });
    expect(it.code).toBe(1);
    const lines = it.stdout.split("\n");
    expect(lines[0]).toBe("Controllo KPI: mio.xlsx");
    expect(lines[1]).toBe("Anno: 2022 (anni nella cartella di lavoro: 2021, 2022)");
    expect(it.stdout).toContain("Gruppi di pesi (4; 1 non valido)");
    // 100 - 70 = 30 short, said in words; the negative weight is the one error of its group.
    expect(it.stdout).toMatch(/NO {2}B\.1 +somma 70 su 100 \(30 in meno\) {2}\[B righe 2-3\]/);
    // A group of one row is "riga 6", not "righe 6".
    expect(it.stdout).toMatch(/ok {2}A\.2 +somma 100 su 100 {2}\[Area A riga 6\]/);
    expect(it.stdout).toContain("Problemi (1 errore, 0 avvisi; valori mancanti: 1, elencati sotto)");
    expect(it.stdout).toMatch(/errore +B!C2 +Peso negativo \(-30\)\./);
    expect(it.stdout).toContain("Target non raggiunti (3)");
    expect(it.stdout).toMatch(/'Area A'!H4 +A\.1 +Visite\n +valore 18% · target >= 20% · raggiungimento 90%/);
    expect(it.stdout).toMatch(/B!F3 +B\.1 +Domande evase\n +valore 90% · target >= 95% · raggiungimento 94,74%/);
    expect(it.stdout).toContain("Valori mancanti (1)");
    expect(it.stdout).toMatch(/'Area A'!H6 +A\.2 +Evento realizzato +\(target <= 30\/06\/2022\)/);
    expect(lines.filter((l) => l.startsWith("Riepilogo:"))).toEqual([
      "Riepilogo: 7 KPI · raggiunti 2 · non raggiunti 3 · mancanti 1 · senza target 1 · non validi 0 · errori 1 · avvisi 1",
    ]);

    const en = await kpi(["check", "mio.xlsx"], { cwd: dir, env: { LANG: "en_US.UTF-8" } });
    expect(en.stdout.split("\n")[0]).toBe("KPI check: mio.xlsx");
    expect(en.stdout).toMatch(/error +B!C2 +Negative weight \(-30\)\./);
    expect(en.stdout).toContain("Summary: 7 KPIs · met 2 · not met 3 · missing 1 · without target 1 · invalid 0 · errors 1 · warnings 1");
    expect(en.stdout).toMatch(/NO {2}B\.1 +sum 70 of 100 \(30 short\) {2}\[B rows 2-3\]/);
    expect(en.stdout).toMatch(/ok {2}A\.2 +sum 100 of 100 {2}\[Area A row 6\]/);
    // --lang wins over LANG.
    const forced = await kpi(["check", "mio.xlsx", "--lang", "it"], { cwd: dir, env: { LANG: "en_US.UTF-8" } });
    expect(forced.stdout.split("\n")[0]).toBe("Controllo KPI: mio.xlsx");
  });

  it("writes a highlighted copy with -o and leaves the input as it was", async () => {
    const { input, before } = await writeMio();
    const r = await kpi(["check", "mio.xlsx", "-o", "evidenziato.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Copia evidenziata scritta: evidenziato.xlsx");
    expect(r.stdout).toContain("Legenda:");
    expect(sha256(input)).toBe(before);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, "evidenziato.xlsx"));
    const refs = (name: string) =>
      (wb.getWorksheet(name) as unknown as { conditionalFormattings: { ref: string; rules: { type: string }[] }[] }).conditionalFormattings
        .filter((cf) => cf.rules[0].type === "expression")
        .map((cf) => cf.ref);
    expect(refs("Area A")).toEqual(["H4:H5", "H6", "D9"]);
    expect(refs("B")).toEqual(["F3", "F2"]);
  });

  it("never writes the copy over the input", async () => {
    const { input, before } = await writeMio();
    const r = await kpi(["check", "mio.xlsx", "-o", "./sub/../mio.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/^kpi: .*mio\.xlsx.*ingresso/);
    expect(sha256(input)).toBe(before);
  });

  it("says so, with exit code 2, when no sheet has a KPI table", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Note").getCell("A1").value = "Solo note";
    await save(wb, "note.xlsx");
    const r = await kpi(["check", "note.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "kpi: Nessuna tabella KPI in note.xlsx: serve una riga d'intestazione con almeno le colonne Indicatore e Peso o Target.\n",
    );
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});
