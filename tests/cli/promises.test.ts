/**
 * The failures found by trying the CLI as a careless or hostile user would (issue 11), one
 * test each, in-process: every one of them failed on the code before the streaming reader.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { checkText } from "../../src/cli/output/check";
import { writeMarkedCopy } from "../../src/cli/xlsx-marks";
import { readXlsxGrids } from "../../src/cli/xlsx-read";
import type { KpiResult, ValidationReport } from "../../src/core/types";
import { simpleXlsx, serial } from "../fixtures/workbooks/build";
import { zip } from "../support/xlsx-files";
import { expectRefusedOneLine, kpi, sha256, useTempDir, type CheckJson } from "../support/cli";
import { rawXlsx, type RawCell } from "../support/raw-xlsx";

let dir: string;
useTempDir("kpi-promises-", (d) => (dir = d), "each");

const refusedOneLine = expectRefusedOneLine;

/** A KPI table: header, then rows of [indicator, weight, target, value]. */
function kpiCells(rows: readonly (readonly [string, number, string, RawCell["value"] | null, number?])[]): RawCell[] {
  const cells: RawCell[] = ["Indicatore", "Peso", "Target", "Valore"].map((v, i) => ({ ref: `${"ABCD"[i]}1`, value: v }));
  rows.forEach(([ind, w, t, v, fmt], i) => {
    const r = i + 2;
    cells.push({ ref: `A${r}`, value: ind }, { ref: `B${r}`, value: w }, { ref: `C${r}`, value: t });
    if (v !== null) cells.push({ ref: `D${r}`, value: v, format: fmt });
  });
  return cells;
}

describe("report never replaces an existing file without --force", () => {
  test("an existing workbook named as the report's output is kept, exit 2; --force replaces it", async () => {
    writeFileSync(join(dir, "in.xlsx"), await simpleXlsx("S", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, ">= 1", 2]]));
    const precious = await simpleXlsx("Valori", [["un anno di valori"]]);
    writeFileSync(join(dir, "existing.xlsx"), precious);
    const before = sha256(join(dir, "existing.xlsx"));
    const r = await kpi(["report", "in.xlsx", "-o", "existing.xlsx"], { cwd: dir });
    refusedOneLine(r, /existing\.xlsx esiste già.*--force/);
    expect(sha256(join(dir, "existing.xlsx"))).toBe(before);
    const forced = await kpi(["report", "in.xlsx", "-o", "existing.xlsx", "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(dir, "existing.xlsx"), "utf8")).toMatch(/^<!DOCTYPE html>/i);
  });
});

describe("dates of a workbook in the 1904 date system", () => {
  // The value is 15/12/2022, late against a deadline of 30/06/2022: unmet. In the 1904 system
  // the file stores serial(2022,12,15) - 1462; read as 1900-based it would be 14/12/2018, met.
  const late = serial(2022, 12, 15) - 1462;
  for (const spelling of ["true", "1"]) {
    test(`date1904="${spelling}" (${spelling === "true" ? "LibreOffice" : "Excel"}): a late date is late`, async () => {
      writeFileSync(join(dir, "d.xlsx"), rawXlsx(kpiCells([["Scadenza", 100, "<= 30/06/2022", late, 0]]), { date1904: spelling, numFmts: ["dd/mm/yyyy"] }));
      const r = await kpi(["check", "d.xlsx", "--json"], { cwd: dir });
      const j = JSON.parse(r.stdout) as CheckJson;
      expect(j.kpis.map((k) => [k.status, k.value])).toEqual([["unmet", "2022-12-15"]]);
      expect(r.code).toBe(0);
    });
  }
});

describe("workbooks written by other programs", () => {
  const rows = [
    ["Tempo medio", 60, "<= 30", 25],
    ["Pratiche", 40, ">= 100", 80],
  ] as const;
  test("openpyxl-like: absolute part paths, inline strings, a table and a comment on the sheet", async () => {
    writeFileSync(join(dir, "o.xlsx"), rawXlsx(kpiCells(rows), { absolute: true, extras: true }));
    const r = await kpi(["check", "o.xlsx", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    const j = JSON.parse(r.stdout) as CheckJson;
    // 25 <= 30 met; 80 >= 100 unmet.
    expect(j.kpis.map((k) => k.status)).toEqual(["met", "unmet"]);
  });

  test("every element with a namespace prefix (<x:worksheet>, <x:c>), shared strings", async () => {
    writeFileSync(join(dir, "x.xlsx"), rawXlsx(kpiCells(rows), { prefix: "x", sharedStrings: true }));
    const r = await kpi(["check", "x.xlsx", "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect((JSON.parse(r.stdout) as CheckJson).kpis.map((k) => k.status)).toEqual(["met", "unmet"]);
  });

  test("a prefixed, openpyxl-like workbook can be highlighted too (-o)", async () => {
    writeFileSync(join(dir, "x.xlsx"), rawXlsx(kpiCells(rows), { prefix: "x", absolute: true }));
    const r = await kpi(["check", "x.xlsx", "-o", "x-marked.xlsx"], { cwd: dir });
    expect(r.stderr).toBe("");
    const { sheets } = await readXlsxGrids(readFileSync(join(dir, "x-marked.xlsx")));
    expect(sheets[0].values[1]).toEqual(["Tempo medio", 60, "<= 30", 25]);
  });
});

describe("a formula that was never computed", () => {
  test("is reported as such, in Italian and English, not only as a missing value", async () => {
    const cells = kpiCells([["Costo", 100, "<= 10", null]]);
    cells.push({ ref: "D2", formula: "E2/F2" });
    writeFileSync(join(dir, "f.xlsx"), rawXlsx(cells));
    const it = await kpi(["check", "f.xlsx", "--json"], { cwd: dir });
    const j = JSON.parse(it.stdout) as CheckJson;
    expect(j.kpis[0].status).toBe("missing");
    const p = j.problems.find((x) => x.code === "FORMULA_NOT_COMPUTED");
    expect(p).toMatchObject({ cell: "D2", severity: "warning" });
    expect(p?.message).toMatch(/formula non calcolata.*aprire e salvare il file in Excel/i);
    const en = await kpi(["check", "f.xlsx", "--lang", "en"], { cwd: dir });
    expect(en.stdout).toMatch(/formula not computed: open and save the file in Excel/i);
  });
});

describe("files of other formats are named as such", () => {
  test(".ods (an OpenDocument spreadsheet, a ZIP with its own mimetype)", async () => {
    const ods = zip([
      { name: "mimetype", data: Buffer.from("application/vnd.oasis.opendocument.spreadsheet") },
      { name: "content.xml", data: Buffer.from("<office:document-content/>") },
    ]);
    writeFileSync(join(dir, "piano.ods"), ods);
    const r = await kpi(["check", "piano.ods"], { cwd: dir });
    refusedOneLine(r, /OpenDocument \(\.ods\)/);
    expect(r.stderr).not.toMatch(/non contiene fogli/);
  });

  test(".xls (the old binary format)", async () => {
    const ole = Buffer.alloc(4096);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(ole);
    writeFileSync(join(dir, "vecchio.xls"), ole);
    const r = await kpi(["check", "vecchio.xls", "--lang", "en"], { cwd: dir });
    // Not encrypted (no EncryptedPackage stream): the message need not talk of passwords.
    refusedOneLine(r, /old Excel format \(\.xls\)/);
    expect(r.stderr).not.toMatch(/password/);
  });

  test(".csv (text with separators)", async () => {
    writeFileSync(join(dir, "dati.csv"), "Indicatore;Peso;Target;Valore\na;100;>= 1;2\n");
    refusedOneLine(await kpi(["check", "dati.csv"], { cwd: dir }), /CSV/);
  });
});

describe("messages never quote a library's own words", () => {
  test("a sheet part whose size or checksum in the ZIP directory is wrong: our words, not the inflater's", async () => {
    const { unzip, zipRaw } = await import("../support/xlsx-files");
    const { crc32, deflateRawSync } = await import("zlib");
    const parts = [...unzip(rawXlsx(kpiCells([["a", 100, ">= 1", 2]]))).entries()].map(([name, data]) => ({ name, method: 8 as const, crc: crc32(data), size: data.length, raw: deflateRawSync(data) }));
    const bad = (change: (p: (typeof parts)[number]) => (typeof parts)[number]) => zipRaw(parts.map((p) => (p.name === "xl/worksheets/sheet1.xml" ? change(p) : p)));
    for (const [name, bytes] of [
      ["taglia.xlsx", bad((p) => ({ ...p, size: p.size - 7 }))],
      ["somma.xlsx", bad((p) => ({ ...p, crc: (p.crc ^ 0xff) >>> 0 }))],
    ] as const) {
      writeFileSync(join(dir, name), bytes);
      const r = await kpi(["check", name], { cwd: dir });
      refusedOneLine(r, /danneggiat/);
      expect(r.stderr).not.toMatch(/mismatch|checksum|crc|Corrupted|undefined|TypeError|Error:/i);
    }
  });
});

describe("import: text Excel cannot hold", () => {
  test("XML-illegal characters (U+FFFE, U+FFFF, controls) are stripped with a warning; the file reads back", async () => {
    const seed = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
    writeFileSync(join(dir, "p.txt"), seed.replace("Grado di soddisfazione dei soggetti", "Grado di sod\uFFFEdisfa\uFFFFzione\u0001 dei soggetti"));
    const r = await kpi(["import", "p.txt", "-o", "p.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/3 caratteri non ammessi/);
    const back = await kpi(["check", "p.xlsx", "--json"], { cwd: dir });
    expect(back.stderr).toBe("");
    expect(back.code).toBe(0);
    const { sheets } = await readXlsxGrids(readFileSync(join(dir, "p.xlsx")));
    const texts = sheets.flatMap((s) => s.values.flatMap((row) => row.filter((v): v is string => typeof v === "string")));
    expect(texts.some((v) => v.startsWith("Grado di soddisfazione dei soggetti"))).toBe(true);
    expect(texts.some((v) => /[\uFFFE\uFFFF\u0001]/.test(v))).toBe(false);
  });

  test("a cell longer than Excel's 32,767 characters is cut with a warning", async () => {
    const seed = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
    // The first indicator text of the plan made 40,000 characters long.
    const long = "x".repeat(40_000);
    const text = seed.replace("Soggetti coinvolti nei servizi e nelle", `${long} Soggetti coinvolti nei servizi e nelle`);
    expect(text.length).toBeGreaterThan(seed.length + 39_000);
    writeFileSync(join(dir, "p.txt"), text);
    const r = await kpi(["import", "p.txt", "-o", "p.xlsx", "--lang", "en"], { cwd: dir });
    expect(r.stderr).toMatch(/cut to 32,767 characters/);
    const { sheets } = await readXlsxGrids(readFileSync(join(dir, "p.xlsx")));
    const longest = Math.max(...sheets.flatMap((s) => s.values.flatMap((row) => row.map((v) => (typeof v === "string" ? v.length : 0)))));
    expect(longest).toBe(32_767);
  });
});

describe("text reports of very large checks", () => {
  test("checkText of 150,000 KPI rows and groups does not overflow the stack", () => {
    const kpis: KpiResult[] = [];
    for (let i = 0; i < 150_000; i++) {
      kpis.push({ sheet: "S", row: i + 2, owner: `O${i}`, indicator: `k${i}`, weight: 100, target: null, value: null, status: "missing", achievement: null, valueCell: `D${i + 2}`, targetCell: `C${i + 2}` } as unknown as KpiResult);
    }
    const report = {
      year: 2022,
      years: [2022],
      period: { year: 2022, date: null },
      periods: [{ year: 2022, date: null }],
      groups: kpis.map((k) => ({ owner: k.owner, sheet: "S", rows: [k.row], weightSum: 100, ok: true, difference: 0 })),
      kpis,
      problems: [],
      summary: { tables: 1, rows: kpis.length, met: 0, unmet: 0, missing: kpis.length, noTarget: 0, invalid: 0 },
    } as unknown as ValidationReport;
    const text = checkText(report, "big.xlsx", "it");
    expect(text).toContain("Valori mancanti (150000)");
  });

  test("the problems list is capped, with a count of the rest", () => {
    const problems = Array.from({ length: 2000 }, (_, i) => ({ severity: "error", code: "NOT_A_NUMBER", params: { text: `p${i}` }, sheet: "S", cell: `A${i + 1}` }));
    const report = {
      year: 2022, years: [2022], period: { year: 2022, date: null }, periods: [{ year: 2022, date: null }], groups: [], kpis: [], problems,
      summary: { tables: 1, rows: 0, met: 0, unmet: 0, missing: 0, noTarget: 0, invalid: 0 },
    } as unknown as ValidationReport;
    const text = checkText(report, "big.xlsx", "en");
    // 500 listed, 2000 - 500 = 1500 counted.
    expect(text.split("\n").filter((l) => /“p\d+” is not a number\.$/.test(l))).toHaveLength(500);
    expect(text).toContain("1500 more problems not listed");
  });
});

describe("xlsx-marks", () => {
  test("a sheet whose sheetData is empty and self-closing (<sheetData />) can be marked", async () => {
    // rawXlsx writes a sheet without cells as <sheetData />.
    const marked = writeMarkedCopy(rawXlsx([]), [{ sheet: "KPI", cell: "A1", kind: "missing" }]);
    const { readZip, entryData } = await import("../../src/cli/zip");
    const sheet = readZip(marked).find((e) => e.name === "xl/worksheets/sheet1.xml");
    expect(entryData(sheet!).toString("utf8")).toMatch(/<sheetData \/><conditionalFormatting sqref="A1">/);
  });
});

describe("writes", () => {
  test("an output that appears while the command writes is not replaced", async () => {
    const { writeOutput } = await import("../../src/cli/safe-write");
    const ctx = { io: { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir }, lang: "it" as const, t: (await import("../../src/cli/io")).textFor("it") };
    const target = join(dir, "out.bin");
    expect(() =>
      writeOutput(ctx, "out.bin", Buffer.from("mine"), undefined, {
        beforeCommit: () => writeFileSync(target, "theirs"),
      }),
    ).toThrow(/esiste già/);
    expect(readFileSync(target, "utf8")).toBe("theirs");
    // No temporary file left behind.
    expect(readdirSync(dir)).toEqual(["out.bin"]);
  });

  test("the temporary file has an unpredictable name and is created exclusively", async () => {
    const { writeOutput } = await import("../../src/cli/safe-write");
    const { textFor } = await import("../../src/cli/io");
    const ctx = { io: { stdout: () => undefined, stderr: () => undefined, env: {}, cwd: dir }, lang: "en" as const, t: textFor("en") };
    const seen: string[] = [];
    for (const name of ["a.bin", "b.bin"]) {
      writeOutput(ctx, name, Buffer.from("x"), undefined, { beforeCommit: (temp: string) => seen.push(temp) });
    }
    expect(seen[0]).not.toBe(seen[1]);
    expect(seen[0]).toMatch(/\.a\.bin\.[0-9a-f]{12,}\.tmp$/);
    expect(readdirSync(dir).sort()).toEqual(["a.bin", "b.bin"]);
  });

  test("a write into a missing folder is one line, exit 2", async () => {
    writeFileSync(join(dir, "in.xlsx"), await simpleXlsx("S", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, ">= 1", 2]]));
    refusedOneLine(await kpi(["report", "in.xlsx", "-o", "nope/r.html"], { cwd: dir }), /nope\/r\.html/);
    mkdirSync(join(dir, "nope"));
    expect(existsSync(join(dir, "nope/r.html"))).toBe(false);
  });
});
