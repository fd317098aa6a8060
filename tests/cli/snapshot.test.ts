/**
 * `kpi snapshot` on real .xlsx files: the copy gets the period's values in a hidden Storico
 * sheet, everything else byte for byte; the input is never modified; `kpi check` then lists
 * the values edited after the freeze (text and --json), and LibreOffice opens the copy with
 * the sheet still hidden.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { entryData, readZip } from "../../src/cli/zip";
import { HISTORY_HEADER } from "../../src/core/history-sheet";
import { handMadeXlsx, simpleXlsx } from "../fixtures/workbooks/build";
import { otherBodiesRawXlsx } from "../fixtures/workbooks/other-bodies";
import { convertWithLibreOffice, hasLibreOffice } from "../support/libreoffice";
import { kpi, sha256, useTempDir } from "../support/cli";

jest.setTimeout(240_000);

let dir: string;
useTempDir("kpi-snapshot-", (d) => (dir = d));
beforeAll(async () => {
  writeFileSync(join(dir, "piano.xlsx"), await handMadeXlsx());
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(join(dir, file)) as unknown as ExcelJS.Buffer);
  return wb;
}

function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  // row.values is 1-based and sparse: blanks are holes, read here as null.
  ws.eachRow({ includeEmpty: false }, (row) => rows.push(Array.from({ length: HISTORY_HEADER.length }, (_, c) => (row.values as unknown[])[c + 1] ?? null)));
  return rows;
}

const STAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** The text of a part of an .xlsx. */
function part(file: string, name: string): string {
  const entry = readZip(readFileSync(join(dir, file))).find((e) => e.name === name);
  if (!entry) throw new Error(`no part ${name}`);
  return entryData(entry).toString("utf8");
}

describe("kpi snapshot", () => {
  let inputHash: string;
  beforeAll(() => {
    inputHash = sha256(join(dir, "piano.xlsx"));
  });

  test("writes a copy with the 2022 values in a hidden Storico sheet; the input is untouched", async () => {
    const r = await kpi(["snapshot", "piano.xlsx", "--periodo", "2022", "-o", "congelato.xlsx"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Valori congelati: 7 del periodo 2022, il \d\d\/\d\d\/\d{4} \d\d:\d\d, nel foglio nascosto «Storico» di congelato\.xlsx\n$/);
    expect(sha256(join(dir, "piano.xlsx"))).toBe(inputHash);

    const wb = await load("congelato.xlsx");
    const ws = wb.getWorksheet("Storico")!;
    expect(ws.state).toBe("hidden");
    const rows = rowsOf(ws);
    expect(rows[0]).toEqual([...HISTORY_HEADER]);
    const stamp = rows[1][6] as string;
    expect(stamp).toMatch(STAMP);
    // By hand, from the fixture: 2022's value cells are H4:H6 of the first table (0.18 shown
    // as 18%, the formula's cached 12, a blank), the undated Valore column D of the second
    // table (8, a blank), and Consuntivo 2022 of sheet B (130, 0.9 shown as 90.0%).
    expect(rows.slice(1).map((row) => row.slice(0, 6))).toEqual([
      ["Area A", "H4", "A.1", "Visite", "2022", 0.18],
      ["Area A", "H5", "A.1", "Pratiche evase", "2022", 12],
      ["Area A", "H6", "A.2", "Evento realizzato", "2022", null],
      ["Area A", "D9", null, "Soddisfazione", "2022", 8],
      ["Area A", "D10", null, "Reclami gestiti", "2022", null],
      ["B", "F2", "B.1", "Imprese assistite", "2022", 130],
      ["B", "F3", "B.1", "Domande evase", "2022", 0.9],
    ]);
    expect(new Set(rows.slice(1).map((row) => row[6]))).toEqual(new Set([stamp]));
    // The hidden state in the file itself.
    expect(part("congelato.xlsx", "xl/workbook.xml")).toMatch(/<sheet name="Storico" sheetId="\d+" state="hidden" r:id="rId\d+"\/>/);
  });

  test("copies every other part of the workbook byte for byte", () => {
    const before = new Map(readZip(readFileSync(join(dir, "piano.xlsx"))).map((e) => [e.name, e.raw]));
    const after = readZip(readFileSync(join(dir, "congelato.xlsx")));
    const changed = new Set(["xl/workbook.xml", "xl/_rels/workbook.xml.rels", "[Content_Types].xml"]);
    const added = after.filter((e) => !before.has(e.name)).map((e) => e.name);
    expect(added).toEqual(["xl/worksheets/sheet5.xml"]);
    for (const e of after) {
      if (changed.has(e.name) || added.includes(e.name)) continue;
      expect([e.name, e.raw.equals(before.get(e.name)!)]).toEqual([e.name, true]);
    }
    expect([...before.keys()].every((name) => after.some((e) => e.name === name))).toBe(true);
  });

  test("kpi check finds no change right after the freeze, and says what is frozen", async () => {
    const r = await kpi(["check", "congelato.xlsx", "--json"], { cwd: dir });
    const json = JSON.parse(r.stdout) as { changedAfterFreeze: unknown[]; summary: { rows: number } };
    expect(json.changedAfterFreeze).toEqual([]);
    // The Storico sheet adds no KPI rows: 7 as in the original.
    expect(json.summary.rows).toBe(7);
    const text = await kpi(["check", "congelato.xlsx"], { cwd: dir });
    expect(text.stdout).toContain("Storico: 7 valori congelati (periodi 2022); modificati dopo il congelamento: 0\n");
  });

  test("kpi check lists a value edited after the freeze (text and --json)", async () => {
    const wb = await load("congelato.xlsx");
    wb.getWorksheet("B")!.getCell("F2").value = 125; // 130 -> 125
    writeFileSync(join(dir, "modificato.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await kpi(["check", "modificato.xlsx", "--json"], { cwd: dir });
    const json = JSON.parse(r.stdout) as { changedAfterFreeze: Record<string, unknown>[] };
    expect(json.changedAfterFreeze).toHaveLength(1);
    expect(json.changedAfterFreeze[0]).toMatchObject({ kind: "changed", sheet: "B", cell: "F2", code: "B.1", indicator: "Imprese assistite", period: "2022", old: 130, new: 125 });
    expect(json.changedAfterFreeze[0].frozenAt).toMatch(STAMP);

    const text = await kpi(["check", "modificato.xlsx", "--lang", "en"], { cwd: dir });
    expect(text.stdout).toMatch(/warning\s+B!F2\s+Value changed after the freeze of \d{4}-\d\d-\d\d \d\d:\d\d \(period 2022\): it was “130”, it is now “125”\./);
    expect(text.stdout).toContain("Storico: 7 frozen values (periods 2022); changed after the freeze: 1\n");
    // A warning: the exit code stays that of the validation without it.
    const plain = await kpi(["check", "piano.xlsx"], { cwd: dir });
    expect(text.code).toBe(plain.code);
  });

  test("a second freeze appends below the first and supersedes it", async () => {
    const r = await kpi(["snapshot", "modificato.xlsx", "-o", "ricongelato.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    const rows = rowsOf((await load("ricongelato.xlsx")).getWorksheet("Storico")!);
    // Header + 7 rows of the first freeze (kept) + 7 of the second.
    expect(rows).toHaveLength(15);
    expect(rows[6].slice(0, 6)).toEqual(["B", "F2", "B.1", "Imprese assistite", "2022", 130]);
    expect(rows[13].slice(0, 6)).toEqual(["B", "F2", "B.1", "Imprese assistite", "2022", 125]);
    const check = await kpi(["check", "ricongelato.xlsx", "--json"], { cwd: dir });
    expect((JSON.parse(check.stdout) as { changedAfterFreeze: unknown[] }).changedAfterFreeze).toEqual([]);
    expect(part("ricongelato.xlsx", "xl/workbook.xml")).toMatch(/<sheet [^>]*name="Storico"[^>]*state="hidden"/);
  });

  test("is listed in the help", async () => {
    expect((await kpi(["--help"], { cwd: dir })).stdout).toContain("snapshot <file.xlsx>     congela i valori di un periodo nel foglio nascosto Storico di una copia");
    const help = await kpi(["snapshot", "--help", "--lang", "en"], { cwd: dir });
    expect(help.stdout).toMatch(/^Usage: kpi snapshot <file.xlsx> \[--period P\] -o output.xlsx \[--force\]/);
  });

  test("refuses an existing output without --force, a missing -o, the input as output and a bad period", async () => {
    const before = sha256(join(dir, "congelato.xlsx"));
    const exists = await kpi(["snapshot", "piano.xlsx", "-o", "congelato.xlsx"], { cwd: dir });
    expect(exists.code).toBe(2);
    expect(exists.stderr).toContain("congelato.xlsx esiste già e non viene sovrascritto");
    expect(sha256(join(dir, "congelato.xlsx"))).toBe(before);
    const forced = await kpi(["snapshot", "piano.xlsx", "-o", "congelato.xlsx", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);

    const noOutput = await kpi(["snapshot", "piano.xlsx"], { cwd: dir });
    expect(noOutput).toMatchObject({ code: 2, stderr: "kpi: Manca la copia da scrivere: indicarla con -o uscita.xlsx (il file di ingresso non viene mai modificato).\n" });
    const same = await kpi(["snapshot", "piano.xlsx", "-o", "piano.xlsx"], { cwd: dir });
    expect(same.code).toBe(2);
    expect(sha256(join(dir, "piano.xlsx"))).toBe(inputHash);
    const badPeriod = await kpi(["snapshot", "piano.xlsx", "--period", "giugno", "-o", "x.xlsx", "--lang", "en"], { cwd: dir });
    expect(badPeriod).toMatchObject({ code: 2, stderr: 'kpi: Invalid period "giugno": give a date, e.g. --period 2026-06-30 or --period 30/06/2026, or a year (year end).\n' });
  });

  test("says so when the workbook has no value column to freeze", async () => {
    writeFileSync(join(dir, "senza-valori.xlsx"), await simpleXlsx("A", [["Indicatore", "Peso", "Target 2026"], ["Visite", 100, ">= 10"]]));
    const r = await kpi(["snapshot", "senza-valori.xlsx", "-o", "senza-valori-out.xlsx"], { cwd: dir });
    expect(r).toMatchObject({ code: 2, stderr: "kpi: Nessun valore da congelare: la cartella non ha tabelle KPI con una colonna dei valori per il periodo 2026.\n" });
    expect(existsSync(join(dir, "senza-valori-out.xlsx"))).toBe(false);
  });

  test("never writes into a sheet named Storico that the user made", async () => {
    const wb = await load("piano.xlsx");
    wb.addWorksheet("Storico").getCell("A1").value = "Le mie note";
    writeFileSync(join(dir, "con-storico.xlsx"), Buffer.from(await wb.xlsx.writeBuffer()));
    const r = await kpi(["snapshot", "con-storico.xlsx", "-o", "out-storico.xlsx"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "kpi: Il foglio «Storico» esiste già ma non è lo storico dei congelamenti scritto da questo strumento: non viene modificato. Rinominarlo per poter congelare i valori.\n",
    );
    expect(existsSync(join(dir, "out-storico.xlsx"))).toBe(false);
  });
});

describe("kpi snapshot on a workbook written as raw SpreadsheetML (openpyxl's way)", () => {
  test("freezes its values, is read back by check, and a second freeze appends to the sheet it wrote", async () => {
    writeFileSync(join(dir, "piao.xlsx"), otherBodiesRawXlsx());
    const r = await kpi(["snapshot", "piao.xlsx", "--period", "2026", "-o", "piao-1.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const rows = rowsOf((await load("piao-1.xlsx")).getWorksheet("Storico")!);
    // By hand, sheet PIAO: header on row 3, "Risultato effettivo 2026" is column J; row 5's
    // blank code is OS1's; "88%" is a text in a shared string and stays that text.
    expect(rows.filter((row) => row[0] === "PIAO").map((row) => row.slice(0, 6))).toEqual([
      ["PIAO", "J4", "OS1", "Tempo medio di pagamento delle fatture", "2026", 27],
      ["PIAO", "J5", "OS1", "Pratiche SUAP evase nei termini", "2026", "88%"],
      ["PIAO", "J6", "OS2", "Imprese assistite", "2026", 162],
    ]);
    const check = await kpi(["check", "piao-1.xlsx", "--json", "--year", "2026"], { cwd: dir });
    expect((JSON.parse(check.stdout) as { changedAfterFreeze: unknown[] }).changedAfterFreeze).toEqual([]);

    const again = await kpi(["snapshot", "piao-1.xlsx", "--period", "2026", "-o", "piao-2.xlsx"], { cwd: dir });
    expect(again.code).toBe(0);
    const twice = rowsOf((await load("piao-2.xlsx")).getWorksheet("Storico")!);
    expect(twice).toHaveLength(1 + 2 * (rows.length - 1));
    // The second freeze's rows follow the first's, in order.
    expect(twice.slice(rows.length).map((row) => row.slice(0, 6))).toEqual(rows.slice(1).map((row) => row.slice(0, 6)));
    expect(part("piao-2.xlsx", "xl/workbook.xml")).toMatch(/<sheet name="Storico" sheetId="\d+" state="hidden" r:id="rId\d+"\/>/);
  });
});

describe("LibreOffice opens the frozen copy", () => {
  test("and keeps the Storico sheet hidden, with its values", async () => {
    expect(hasLibreOffice()).toBe(true);
    const { dir: out, files } = await convertWithLibreOffice(join(dir, "ricongelato.xlsx"), "xlsx:Calc MS Excel 2007 XML");
    try {
      expect(files.map((f) => f.split("/").pop())).toEqual(["ricongelato.xlsx"]);
      const wbXml = entryData(readZip(readFileSync(files[0])).find((e) => e.name === "xl/workbook.xml")!).toString("utf8");
      expect(wbXml).toMatch(/<sheet name="Storico"[^>]*state="hidden"/);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(files[0]) as unknown as ExcelJS.Buffer);
      const rows = rowsOf(wb.getWorksheet("Storico")!);
      expect(rows).toHaveLength(15);
      expect(rows[13].slice(0, 6)).toEqual(["B", "F2", "B.1", "Imprese assistite", "2022", 125]);
    } finally {
      const { rmSync } = await import("fs");
      rmSync(out, { recursive: true, force: true });
    }
  });
});
