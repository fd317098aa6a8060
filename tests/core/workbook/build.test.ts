/**
 * The workbook description of the seed plan. Expected cells were worked out by hand from the
 * plan text and the column layout (A Codice .. G Target, then Target/Misura/Valore per year).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../../src/core/plan/parse";
import { buildWorkbook } from "../../../src/core/workbook/build";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../../src/core/workbook/description";
import { describe as describeIn } from "../../../src/core";

const seed = readFileSync(join(__dirname, "../../../seeds/000_30336ea7c660fe63.txt"), "utf8");
const spec: WorkbookSpec = buildWorkbook(parsePlan(seed));

const sheet = (name: string, s: WorkbookSpec = spec): SheetSpec => {
  const found = s.sheets.find((x) => x.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};
/** 1-based row and column letter, as in Excel. */
const cell = (sh: SheetSpec, a1: string): CellSpec | undefined => {
  const { row, col } = decode(a1);
  return sh.cells[row - 1]?.[col - 1];
};
function decode(a1: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(a1);
  if (!m) throw new Error(a1);
  const col = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), col };
}
function inRange(a1: string, range: string): boolean {
  const [a, b = a] = range.split(":");
  const p = decode(a1);
  const lo = decode(a);
  const hi = decode(b);
  return p.row >= lo.row && p.row <= hi.row && p.col >= lo.col && p.col <= hi.col;
}
/** The number format that ends up on a cell (later entries win). */
const formatAt = (sh: SheetSpec, a1: string) =>
  sh.formats.filter((f) => f.numberFormat !== undefined && inRange(a1, f.range)).pop()?.numberFormat;
const fillAt = (sh: SheetSpec, a1: string) => sh.formats.filter((f) => f.fill && inRange(a1, f.range)).pop()?.fill;
const isFormula = (c: CellSpec | undefined): c is { formula: string; result: null } =>
  typeof c === "object" && c !== null;

const HEADERS = [
  "Codice", "Tipo", "Indicatore", "Algoritmo", "Peso", "Stato", "Target",
  "Target 2021", "Misura 2021", "Valore 2021",
  "Target 2022", "Misura 2022", "Valore 2022",
  "Target 2023", "Misura 2023", "Valore 2023",
];

describe("buildWorkbook on the seed plan", () => {
  test("one sheet per area, then the tree; no problems sheet", () => {
    expect(spec.sheets.map((s) => s.name)).toEqual(["A", "B", "C", "Albero", "Impostazioni"]);
  });

  test("each area sheet is one flat table with the plan's columns and the per-year columns", () => {
    for (const [name, kpis] of [["A", 26], ["B", 24], ["C", 43]] as const) {
      const sh = sheet(name);
      expect(sh.cells[0]).toEqual(HEADERS);
      expect(sh.cells).toHaveLength(kpis + 1);
      expect(sh.tables).toEqual([{ name: `KPI_${name}`, range: `A1:P${kpis + 1}`, style: "TableStyleMedium2" }]);
      expect(sh.columns).toHaveLength(HEADERS.length);
      expect(sh.frozenRows).toBe(1);
      expect(sh.validations).toEqual([
        expect.objectContaining({ range: `E2:E${kpis + 1}`, type: "decimal", operator: "between", min: 0, max: 100 }),
      ]);
    }
  });

  test("B.1's first KPI (row 2 of B): values, yearly targets and live trend formulas", () => {
    const b = sheet("B");
    expect(b.cells[1].slice(0, 8)).toEqual([
      "B.1",
      "Obiettivo strategico",
      "Trend percentuale di incremento totale procedimenti SUAP",
      "(Totale procedimenti SUAP inviati per via telematica(t)-Totale procedimenti SUAP inviati per via telematica(t-1))/Totale procedimenti SUAP inviati per via telematica(t-1)*100",
      50,
      17835,
      "Anno: 2021 >= +10% Anno: 2022 >= +5% Anno: 2023 >= +5%",
      ">= 10%",
    ]);
    expect(cell(b, "K2")).toBe(">= 5%");
    expect(cell(b, "N2")).toBe(">= 5%");
    // 2021 against the Stato baseline (F), later years against the previous year's measure.
    // Native Excel arithmetic: computes without the add-in, in every language.
    expect(cell(b, "J2")).toEqual({ formula: 'IF(OR(I2="",F2=""),"",(I2-F2)/F2*100)', result: "" });
    expect(cell(b, "M2")).toEqual({ formula: 'IF(OR(L2="",I2=""),"",(L2-I2)/I2*100)', result: "" });
    expect(cell(b, "P2")).toEqual({ formula: 'IF(OR(O2="",L2=""),"",(O2-L2)/L2*100)', result: "" });
    expect([cell(b, "I2"), cell(b, "L2"), cell(b, "O2")]).toEqual([null, null, null]); // measures to fill in
  });

  test("19 year-over-year KPIs get formulas (7 in A, 6 in B, 6 in C), 3 years each", () => {
    const rowsWithFormulas = (sh: SheetSpec) => sh.cells.filter((r) => r.some(isFormula)).length;
    expect(["A", "B", "C"].map((n) => rowsWithFormulas(sheet(n)))).toEqual([7, 6, 6]);
    const all = spec.sheets.flatMap((s) => s.cells.flat().filter(isFormula));
    expect(all).toHaveLength(57);
    expect(all.every((f) => f.result === "")).toBe(true);
  });

  test("the function follows the algorithm: ratio and X(t)/X(t-1)*100", () => {
    const a = sheet("A");
    const row = a.cells.findIndex((r) => r[0] === "A.1.4.1") + 1; // Imprese totali abilitate(t)/(t-1)
    expect(cell(a, `J${row}`)).toEqual({
      formula: `IF(OR(I${row}="",F${row}=""),"",I${row}/F${row})`,
      result: "",
    });
    expect(cell(a, `F${row}`)).toBe(8);
    expect(cell(a, `H${row}`)).toBe(">= 1,5");
    const b = sheet("B");
    const share = b.cells.findIndex((r) => typeof r[3] === "string" && r[3].startsWith("Numero di accessi(t)")) + 1;
    expect((cell(b, `J${share}`) as { formula: string }).formula).toBe(`IF(OR(I${share}="",F${share}=""),"",I${share}/F${share}*100)`);
  });

  test("no add-in function anywhere unless asked for", () => {
    const texts = spec.sheets.flatMap((s) => s.cells.flat().filter(isFormula).map((f) => f.formula));
    expect(texts).toHaveLength(57);
    expect(texts.filter((f) => /KPI\./.test(f))).toEqual([]);
  });

  test("formulas: \"kpi\" writes the add-in's functions instead, in the same cells", () => {
    const kpi = buildWorkbook(parsePlan(seed), { formulas: "kpi" });
    const b = kpi.sheets.find((s) => s.name === "B") as SheetSpec;
    expect(cell(b, "J2")).toEqual({ formula: 'IF(OR(I2="",F2=""),"",KPI.TREND_PCT(I2,F2))', result: "" });
    expect(cell(b, "M2")).toEqual({ formula: 'IF(OR(L2="",I2=""),"",KPI.TREND_PCT(L2,I2))', result: "" });
    const a = kpi.sheets.find((s) => s.name === "A") as SheetSpec;
    const row = a.cells.findIndex((r) => r[0] === "A.1.4.1") + 1;
    expect(cell(a, `J${row}`)).toEqual({ formula: `IF(OR(I${row}="",F${row}=""),"",KPI.TREND_RATIO(I${row},F${row}))`, result: "" });
    const share = b.cells.findIndex((r) => typeof r[3] === "string" && r[3].startsWith("Numero di accessi(t)")) + 1;
    expect((cell(b, `J${share}`) as { formula: string }).formula).toContain("KPI.SHARE_PCT(");
    // Everything but the formulas is the same.
    const strip = (w: WorkbookSpec) => JSON.stringify(w).replace(/"formula":"[^"\\]*(?:\\.[^"\\]*)*"/g, "");
    expect(strip(kpi)).toBe(strip(spec));
  });

  test("KPIs that are not year-over-year have no formula and grey measure cells", () => {
    const a = sheet("A");
    // Row 3: A.1 "Grado di soddisfazione".
    expect(cell(a, "C3")).toBe("Grado di soddisfazione dei soggetti partecipanti alle iniziative realizzate");
    expect([cell(a, "J3"), cell(a, "M3"), cell(a, "P3")]).toEqual([null, null, null]);
    expect(fillAt(a, "I3")).toBeDefined();
    expect(fillAt(a, "I2")).toBeUndefined();
  });

  test("a year without target shows ---", () => {
    const a = sheet("A");
    // Row 4: A.1, "Anno: 2021 >= +15% Anno: 2022 >= +10% Anno: 2023 ---".
    expect([cell(a, "H4"), cell(a, "K4"), cell(a, "N4")]).toEqual([">= 15%", ">= 10%", "---"]);
  });

  test("C.1: weights 33,33 / 33,33 / 33,34 and targets without a year repeat each year", () => {
    const c = sheet("C");
    expect([cell(c, "E2"), cell(c, "E3"), cell(c, "E4")]).toEqual([33.33, 33.33, 33.34]);
    expect(cell(c, "A5")).toBe("C.1.1");
    expect([cell(c, "H5"), cell(c, "K5"), cell(c, "N5")]).toEqual([">= 100%", ">= 100%", ">= 100%"]);
  });

  test("the last row is C.2.1.2's deadline, with date-formatted values", () => {
    const c = sheet("C");
    expect(c.cells[43].slice(0, 8)).toEqual([
      "C.2.1.2", "Azione", "Realizzazione attività", "Realizzazione attività", 100, null, "<= 31/10/2021", "<= 31/10/2021",
    ]);
    expect(formatAt(c, "J44")).toBe("dd/mm/yyyy");
    expect(formatAt(c, "P44")).toBe("dd/mm/yyyy");
    expect(formatAt(c, "J2")).toBe("#,##0.00");
  });

  test("number formats: weights with two decimals, baselines with thousands", () => {
    const b = sheet("B");
    expect(formatAt(b, "E2")).toBe("#,##0.00");
    expect(formatAt(b, "F2")).toBe("#,##0");
    expect(formatAt(b, "I2")).toBe("#,##0");
  });

  test("header rows are bold", () => {
    for (const sh of spec.sheets) {
      expect(sh.formats.some((f) => f.bold && inRange("A1", f.range) && inRange("B1", f.range))).toBe(true);
    }
  });

  test("the tree: every node with kind, parent, program and units", () => {
    const t = sheet("Albero");
    expect(t.cells[0]).toEqual(["Codice", "Tipo", "Titolo", "Padre", "Programma", "Unità organizzative", "Peso"]);
    expect(t.cells).toHaveLength(58);
    expect(t.tables).toEqual([{ name: "Nodi", range: "A1:G58", style: "TableStyleMedium2" }]);
    const row = (code: string) => t.cells.find((r) => r[0] === code);
    expect(row("A")).toEqual(["A", "Area strategica", "Competitività e sviluppo delle imprese", null, null, "", null]);
    expect(row("A.1/P1")?.slice(0, 4)).toEqual(["A.1/P1", "Programma", "Sostegno alle imprese", "A.1"]);
    expect(row("A.1.1")?.slice(3)).toEqual(["A.1", "Sostegno alle imprese", "STAFF 6, STAFF 7", null]);
    expect(row("C.1.2.10")?.slice(3, 6)).toEqual([
      "C.1.2",
      "Ottimizzare i processi e migliorare la qualità dei servizi",
      "AREA I, AREA II, AREA III, AREA STAFF",
    ]);
    expect(row("C.2.1.1")?.[4]).toBe("CCIAA");
    expect(row("C.1.2.9")?.[5]).toBe("");
    expect(t.validations[0]).toMatchObject({ range: "G2:G58", min: 0, max: 100 });
    expect(t.validations[0].prompt).toContain("vuoto = pesi uguali");
  });

  test("sheet and table names are valid and unique", () => {
    const tables = spec.sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(new Set(tables).size).toBe(tables.length);
    for (const s of spec.sheets) {
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
    }
  });

  test("the description is plain data (JSON round trip)", () => {
    expect(JSON.parse(JSON.stringify(spec))).toEqual(spec);
  });
});

describe("buildWorkbook, other cases", () => {
  test("English headers still match the reader's vocabulary", () => {
    const en = buildWorkbook(parsePlan(seed), { lang: "en" });
    expect(en.sheets.map((s) => s.name)).toEqual(["A", "B", "C", "Tree", "Settings"]);
    expect(sheet("A", en).cells[0].slice(0, 10)).toEqual([
      "Code", "Kind", "Indicator", "Algorithm", "Weight", "Baseline", "Target", "Target 2021", "Measure 2021", "Actual 2021",
    ]);
  });

  test("problems get their own sheet; a plan without years gets a single Valore column", () => {
    const text = readFileSync(join(__dirname, "../../fixtures/plans/table-problems.txt"), "utf8");
    const plan = parsePlan(text);
    const wb = buildWorkbook(plan);
    expect(wb.sheets.map((s) => s.name)).toEqual(["A", "Albero", "Impostazioni", "Problemi"]);
    expect(sheet("A", wb).cells[0]).toEqual(["Codice", "Tipo", "Indicatore", "Algoritmo", "Peso", "Stato", "Target", "Valore"]);
    expect(sheet("Problemi", wb).cells).toHaveLength(plan.problems.length + 1);
    expect(sheet("Problemi", wb).cells[3]).toEqual([10, "errore", "PLAN_ROW_CELLS", describeIn(plan.problems[2], "it")]);
  });

  test("an unreadable target is copied as written into each year, for the checker to report", () => {
    const plan = parsePlan(
      [
        "Piano 2021-2022",
        "## Area strategica: A X",
        "## Obiettivo strategico: A.1 Y",
        "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget",
        "K\tNumero\t100\t---\tcirca dieci",
      ].join("\n"),
    );
    const a = sheet("A", buildWorkbook(plan));
    expect(a.cells[0].slice(7)).toEqual(["Target 2021", "Valore 2021", "Target 2022", "Valore 2022"]);
    expect(a.cells[1].slice(7)).toEqual(["circa dieci", null, "circa dieci", null]);
  });

  test("an area without KPIs gets no sheet", () => {
    const plan = parsePlan(
      [
        "## Area strategica: A X",
        "## Area strategica: B Z",
        "## Obiettivo strategico: B.1 Y",
        "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget",
        "K\tNumero\t100\t---\tAnno: 2021 >= 1",
      ].join("\n"),
    );
    expect(buildWorkbook(plan).sheets.map((s) => s.name)).toEqual(["B", "Albero", "Impostazioni"]);
  });
});
