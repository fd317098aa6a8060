/**
 * A workbook written by `kpi import` computes its trends where the add-in is not loaded: its
 * measure cells are filled in (by editing the sheet XML, so every other byte is what
 * `kpi import` wrote) and LibreOffice, headless, recalculates and exports CSV.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { entryData, readZip } from "../../src/cli/zip";
import { replaceEntry, writeZip } from "../../src/cli/zip-write";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import { hasLibreOffice, xlsxToCsvSheets } from "../support/libreoffice";
import { kpi, SEED, tempDir } from "../support/cli";

jest.setTimeout(240_000);

/** Sets number cells in one worksheet part: each `<c r="I2" s="5"/>` becomes `<c r="I2" s="5"><v>19619</v></c>`. */
function fill(xlsx: Buffer, sheetPart: string, values: Record<string, number>): Buffer {
  const entries = readZip(xlsx).map((e) => {
    if (e.name !== sheetPart) return e;
    let xml = entryData(e).toString("utf8");
    for (const [ref, v] of Object.entries(values)) {
      const empty = new RegExp(`<c r="${ref}"( s="\\d+")?/>`);
      if (!empty.test(xml)) throw new Error(`${ref} is not an empty cell in ${sheetPart}`);
      xml = xml.replace(empty, `<c r="${ref}"$1><v>${v}</v></c>`);
    }
    return replaceEntry(e, Buffer.from(xml, "utf8"));
  });
  return writeZip(entries);
}

/** 1-based row of the KPI whose algorithm starts with `algorithm` on sheet `name`. */
function rowOf(name: string, algorithm: string): number {
  const sheet = buildWorkbook(parsePlan(readFileSync(SEED, "utf8"))).sheets.find((s) => s.name === name);
  const i = sheet?.cells.findIndex((r) => typeof r[3] === "string" && r[3].startsWith(algorithm)) ?? -1;
  if (i < 0) throw new Error(`no row for ${algorithm}`);
  return i + 1;
}

const withLibreOffice = hasLibreOffice() ? describe : describe.skip;

withLibreOffice("kpi import's workbook in LibreOffice, without the add-in", () => {
  let written: Buffer;
  let sheets: Map<string, string[][]>;
  const share = rowOf("B", "Numero di accessi(t)/Numero di accessi(t-1)*100");
  const ratio = rowOf("A", "Imprese totali abilitate");
  beforeAll(async () => {
    const { dir, cleanup } = tempDir("kpi-recalc-");
    try {
      const r = await kpi(["import", SEED, "-o", "piano.xlsx"], { cwd: dir });
      expect(r.code).toBe(0);
      written = readFileSync(join(dir, "piano.xlsx"));
    } finally {
      cleanup();
    }
    // Sheet parts follow the workbook's order: A, B, C, Albero, Impostazioni.
    let filled = fill(written, "xl/worksheets/sheet2.xml", {
      // B.1, baseline F2 = 17835.
      I2: 19619,
      L2: 20600,
      // The second B.1 KPI: a 2021 measure of 0, then 100 in 2022.
      I3: 0,
      L3: 100,
      // Numero di accessi, baseline 6917.
      [`I${share}`]: 7608.7,
    });
    // A.1.4.1, Imprese totali abilitate(t)/(t-1), baseline 8.
    filled = fill(filled, "xl/worksheets/sheet1.xml", { [`I${ratio}`]: 12, [`L${ratio}`]: 18 });
    sheets = await xlsxToCsvSheets(filled);
  });

  test("the file as written holds only native formulas, with Excel told to recalculate on open", () => {
    const parts = readZip(written);
    const xml = parts.filter((e) => e.name.startsWith("xl/worksheets/sheet")).map((e) => entryData(e).toString("utf8")).join("");
    expect(xml.match(/<f>/g)).toHaveLength(57);
    expect(xml).not.toMatch(/KPI|_xldudf_/);
    expect(entryData(parts.find((e) => e.name === "xl/workbook.xml")!).toString("utf8")).toMatch(/fullCalcOnLoad="1"/);
  });

  test("trend %: (X(t) - X(t-1)) / X(t-1) * 100, 2021 against the baseline", () => {
    const b = sheets.get("B") as string[][];
    expect(b[0].slice(8, 13)).toEqual(["Misura 2021", "Valore 2021", "Target 2022", "Misura 2022", "Valore 2022"]);
    // (19619 - 17835) / 17835 * 100 = 1784 / 178.35 = 10.0028...  -> "10.00"
    // (20600 - 19619) / 19619 * 100 = 981 / 196.19  =  5.0003...  -> "5.00"
    expect([b[1][9], b[1][12]]).toEqual(["10.00", "5.00"]);
    // No 2023 measure yet: an empty cell, not an error.
    expect(b[1][15]).toBe("");
  });

  test("a zero base is #DIV/0!, as KPI.TREND_PCT gives", () => {
    const b = sheets.get("B") as string[][];
    // 2021: (0 - 55649) / 55649 * 100 = -100;  2022: (100 - 0) / 0.
    expect([b[2][9], b[2][12]]).toEqual(["-100.00", "#DIV/0!"]);
  });

  test("X(t)/X(t-1)*100 and X(t)/X(t-1)", () => {
    // 7608.7 / 6917 * 100 = 110.0000... -> "110.00"
    expect((sheets.get("B") as string[][])[share - 1][9]).toBe("110.00");
    // 12 / 8 = 1.5; 18 / 12 = 1.5
    const a = sheets.get("A") as string[][];
    expect([a[ratio - 1][9], a[ratio - 1][12]]).toEqual(["1.50", "1.50"]);
  });

  test("nothing shows #NAME? or a LibreOffice error", () => {
    const all = [...sheets.values()].flat(2);
    expect(all.filter((v) => /#NAME|Err:|#VALUE/.test(v))).toEqual([]);
  });
});

describe("kpi import --formule", () => {
  const formulasIn = async (args: string[]): Promise<{ code: number; stderr: string; xml: string }> => {
    const { dir, cleanup } = tempDir("kpi-formule-");
    try {
      const r = await kpi(["import", SEED, "-o", "p.xlsx", ...args], { cwd: dir });
      if (r.code === 2) return { code: r.code, stderr: r.stderr, xml: "" };
      const sheet = readZip(readFileSync(join(dir, "p.xlsx"))).find((e) => e.name === "xl/worksheets/sheet2.xml");
      return { code: r.code, stderr: r.stderr, xml: entryData(sheet!).toString("utf8") };
    } finally {
      cleanup();
    }
  };

  test.each([[["--formule", "kpi"]], [["--formulas=KPI"]]])("%p writes the add-in's functions as Excel saves them", async (args) => {
    const { code, xml } = await formulasIn(args);
    expect(code).toBe(0);
    expect(xml).toContain("<f>IF(OR(I2=&quot;&quot;,F2=&quot;&quot;),&quot;&quot;,_xldudf_KPI_TREND_PCT(I2,F2))</f>");
  });

  test("native is the default and can be named", async () => {
    const { xml } = await formulasIn(["--formule", "native"]);
    expect(xml).toContain("<f>IF(OR(I2=&quot;&quot;,F2=&quot;&quot;),&quot;&quot;,(I2-F2)/F2*100)</f>");
    expect(xml).not.toContain("KPI");
  });

  test("another value is a usage error in the user's language", async () => {
    const it = await formulasIn(["--formule", "excel"]);
    expect(it.code).toBe(2);
    expect(it.stderr).toContain("Valore non valido «excel» per --formule: indicare native (predefinito) o kpi.");
    const en = await formulasIn(["--formulas", "add-in", "--lang", "en"]);
    expect(en.stderr).toContain('Invalid value "add-in" for --formulas: give native (the default) or kpi.');
  });
});
