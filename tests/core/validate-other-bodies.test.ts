/**
 * Validation of KPI tables of other shapes (issue 9, item 2) and of the weight groups'
 * messages (issue 10): one note per table for what is not checked, prerequisites outside
 * the sum, codes of any shape, `Target %`, near-miss headers. Figures worked out by hand.
 */
import type { CellValue, SheetGrid } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/validate";
import { describe as describeIn } from "../../src/core";

const sheet = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });
const codes = (r: { problems: readonly { code: string; cell?: string }[] }) => r.problems.map((p) => `${p.cell} ${p.code}`);

describe("tables without weights", () => {
  it("checks no weight and gives one note for a table with no weight column, not one error per row", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore di performance", "Valore atteso", "Valore rilevato"],
        ["Visite", ">= 10", 12],
        ["Pratiche", ">= 5", 4],
        ["Eventi", ">= 2", 2],
      ]),
    ]);
    expect(report.groups).toEqual([]);
    expect(codes(report)).toEqual(["A1 TABLE_NO_WEIGHT_COLUMN"]);
    expect(describeIn(report.problems[0], "it")).toBe("Tabella senza colonna Peso: i pesi non sono controllati.");
    // 12 >= 10 met, 4 < 5 unmet (4/5 = 80%), 2 >= 2 met.
    expect(report.kpis.map((k) => [k.status, k.weight, k.achievement])).toEqual([
      ["met", null, 100],
      ["unmet", null, 80],
      ["met", null, 100],
    ]);
  });

  it("gives one note when the weight column is blank in every row", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso", "Target"],
        ["a", null, ">= 1"],
        ["b", "  ", ">= 1"],
      ]),
    ]);
    expect(report.groups).toEqual([]);
    expect(codes(report)).toEqual(["A1:B1 TABLE_WEIGHTS_BLANK"]);
    expect(describeIn(report.problems[0], "en")).toBe("No weights in this table: the weights are not checked.");
  });

  it("keeps a dash or an X (a prerequisite) outside the sum, and still checks the other weights", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Codice", "Indicatore", "Peso", "Target"],
        ["OS1", "Adempimento trasparenza", "X", "SI"],
        ["OS1", "Anticorruzione", "–", ">= 1"],
        ["OS1", "Visite", 60, ">= 1"],
        ["OS1", "Pratiche", 40, ">= 1"],
        ["OS2", "Prerequisito", "-", ">= 1"],
        ["OS2", "Eventi", 70, ">= 1"],
      ]),
    ]);
    // OS1: 60 + 40 = 100 (the X and the dash are not counted); OS2: 70, 30 short.
    expect(report.groups.map((g) => [g.owner, g.weightSum, g.ok, g.rows])).toEqual([
      ["OS1", 100, true, [2, 3, 4, 5]],
      ["OS2", 70, false, [6, 7]],
    ]);
    expect(report.problems.filter((p) => p.code.startsWith("WEIGHT")).map((p) => [p.cell, p.code, describeIn(p, "it")])).toEqual([
      ["C6:C7", "WEIGHTS_SUM", "I pesi sommano a 70 invece di 100 (30 in meno)."],
    ]);
    expect(report.kpis.slice(0, 2).map((k) => k.weight)).toEqual([null, null]);
  });

  it("keeps each group's rows right when a table before it has no weights", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Target"], // rows 1-3: no weight column
        ["a", ">= 1"],
        ["b", ">= 1"],
        [],
        ["Indicatore", "Peso", "Target"], // rows 5-7: blank weights everywhere
        ["c", null, ">= 1"],
        ["d", null, ">= 1"],
        [],
        ["Codice", "Indicatore", "Peso", "Target"], // rows 9-11
        ["OS1", "e", 40, ">= 1"],
        ["OS1", "f", 60, ">= 1"],
      ]),
    ]);
    expect(report.groups.map((g) => [g.owner, g.rows])).toEqual([["OS1", [10, 11]]]);
  });

  it("a table of prerequisites only has no weights to check", () => {
    const report = validateWorkbook([sheet("A", [["Indicatore", "Peso", "Target"], ["a", "X", ">= 1"], ["b", "x", ">= 1"]])]);
    expect(report.groups).toEqual([]);
    expect(codes(report)).toEqual(["A1:B1 TABLE_WEIGHTS_BLANK"]);
  });
});

describe("tables with weights but no target", () => {
  it("checks a service's objectives weighted 20 + 8 × 10 = 100, with one note that only the weights are checked", () => {
    const rows: CellValue[][] = [["Codice", "Obiettivo", "Descrizione indicatore", "Peso %"]];
    rows.push(["OS1", "Servizio", "Riduzione dei tempi", 20]);
    for (let i = 1; i <= 8; i++) rows.push([null, null, `Obiettivo operativo ${i}`, 10]);
    const report = validateWorkbook([sheet("Servizio", rows)]);
    // "Codice" is the code; "Obiettivo" is a second code word, so the first one counts.
    expect(report.groups.map((g) => [g.owner, g.weightSum, g.ok, g.rows.length])).toEqual([["OS1", 100, true, 9]]);
    expect(report.kpis.every((k) => k.status === "no_target")).toBe(true);
    expect(codes(report)).toEqual(["C1:D1 TABLE_NO_TARGET_COLUMN"]);
    expect(describeIn(report.problems[0], "it")).toBe("Tabella senza colonna Target: sono controllati solo i pesi.");
  });

  it("reads a list of objectives, N. | Obiettivo | Peso, with the objective as the row's text", () => {
    const rows: CellValue[][] = [["N.", "Obiettivo", "Peso"], [1, "Riduzione dei tempi di risposta", 20]];
    for (let i = 2; i <= 9; i++) rows.push([i, `Obiettivo ${i}`, 10]);
    const report = validateWorkbook([sheet("Servizio", rows)]);
    // N. numbers the rows (it is no code): the table is one group, 20 + 8 × 10 = 100.
    expect(report.kpis.map((k) => k.indicator).slice(0, 2)).toEqual(["Riduzione dei tempi di risposta", "Obiettivo 2"]);
    expect(report.groups.map((g) => [g.owner, g.weightSum, g.ok, g.rows.length])).toEqual([[null, 100, true, 9]]);
    expect(codes(report)).toEqual(["B1:C1 TABLE_NO_TARGET_COLUMN"]);
  });

  it("reports 20 + 8 × 10 + 5 = 105 as 5 too many, not as -5", () => {
    const rows: CellValue[][] = [["Indicatore", "Peso"], ["a", 20]];
    for (let i = 1; i <= 8; i++) rows.push([`b${i}`, 10]);
    rows.push(["c", 5]);
    const it = validateWorkbook([sheet("A", rows)]);
    const en = validateWorkbook([sheet("A", rows)]);
    expect(describeIn(it.problems.find((p) => p.code === "WEIGHTS_SUM")!, "it")).toBe("I pesi sommano a 105 invece di 100 (5 in più).");
    expect(describeIn(en.problems.find((p) => p.code === "WEIGHTS_SUM")!, "en")).toBe("The weights add up to 105 instead of 100 (5 too many).");
    // The data field keeps its meaning, 100 - 105.
    expect(it.groups[0].difference).toBe(-5);
  });
});

describe("codes of any shape", () => {
  it("groups by OS1, 1.1.2, n. 3, Obiettivo 4, 149.1 (a number cell) and by table when there is none", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Codice", "Indicatore", "Peso", "Target"],
        ["OS1", "a", 100, ">= 1"],
        ["1.1.2", "b", 100, ">= 1"],
        ["n. 3", "c", 50, ">= 1"],
        [null, "d", 50, ">= 1"],
        ["Obiettivo 4", "e", 100, ">= 1"],
        [149.1, "f", 100, ">= 1"],
      ]),
      sheet("B", [["Indicatore", "Peso", "Target"], ["g", 100, ">= 1"]]),
    ]);
    expect(report.groups.map((g) => [g.sheet, g.owner, g.weightSum, g.ok])).toEqual([
      ["A", "OS1", 100, true],
      ["A", "1.1.2", 100, true],
      ["A", "n. 3", 100, true],
      ["A", "Obiettivo 4", 100, true],
      ["A", "149.1", 100, true],
      ["B", null, 100, true],
    ]);
    expect(report.problems).toEqual([]);
  });
});

describe("Target % and two-row headers", () => {
  it("reads a bare 65 in a Target % column as 65% and compares a percent-formatted value with it", () => {
    const report = validateWorkbook([
      {
        name: "A",
        values: [
          ["Indicatore", "Peso", "Target %", "Valore"],
          ["Soddisfazione", 50, 65, 0.7],
          ["Puntualità", 50, "80", 0.6],
        ],
        formats: [[], [null, null, null, "0%"], [null, null, null, "0%"]],
      },
    ]);
    // 0.7 shown as 70% >= 65%: met; 0.6 shown as 60% < 80%: unmet, 60/80 = 75%.
    expect(report.kpis.map((k) => [k.target, k.value, k.status, k.achievement])).toEqual([
      [{ op: ">=", value: 65, unit: "percent" }, 70, "met", 100],
      [{ op: ">=", value: 80, unit: "percent" }, 60, "unmet", 75],
    ]);
  });

  it("checks the year asked for under a two-row header, and defaults to the latest year with a result", () => {
    const values: CellValue[][] = [
      ["Codice", "Indicatore", "Peso", "Target", null, null, "Risultato", null],
      [null, null, null, 2026, 2027, 2028, 2026, 2027],
      ["OS1", "Pratiche", 60, ">= 90", ">= 92", ">= 95", 91, null],
      ["OS1", "Visite", 40, ">= 10", ">= 12", ">= 14", 8, null],
    ];
    const report = validateWorkbook([sheet("A", values)]);
    // Results only for 2026: the year is 2026. 91 >= 90 met; 8 < 10 unmet, 80%.
    expect(report.year).toBe(2026);
    expect(report.years).toEqual([2026, 2027, 2028]);
    expect(report.kpis.map((k) => [k.row, k.status, k.achievement, k.targetCell, k.valueCell])).toEqual([
      [3, "met", 100, "D3", "G3"],
      [4, "unmet", 80, "D4", "G4"],
    ]);
    const y2027 = validateWorkbook([sheet("A", values)], { year: 2027 });
    expect(y2027.kpis.map((k) => [k.target?.value, k.status, k.targetCell])).toEqual([
      [92, "missing", "E3"],
      [12, "missing", "E4"],
    ]);
  });

  it("says once when Target primo anno ... have no known first year", () => {
    const report = validateWorkbook([sheet("A", [["Indicatore", "Peso", "Target primo anno", "Target secondo anno"], ["x", 100, 10, 12]])]);
    expect(codes(report)).toEqual(["A1:B1 TABLE_ORDINAL_YEARS"]);
    expect(describeIn(report.problems[0], "en")).toContain("C1");
    expect(report.kpis[0].target).toEqual({ op: ">=", value: 10, unit: "number" });
  });
});

describe("headers that are almost KPI tables", () => {
  it("lists the columns found and the ones missing, in Italian and English", () => {
    const values: CellValue[][] = [
      ["Foglio di lavoro"],
      ["Descrizione", "Peso", "Target 2026"],
      ["Riduzione tempi", 100, ">= 1"],
    ];
    const it = validateWorkbook([sheet("A", values)]);
    expect(it.problems.map((p) => [p.code, p.cell, describeIn(p, "it")])).toEqual([
      ["HEADER_INCOMPLETE", "B2", "La riga 2 sembra l'intestazione di una tabella KPI ma non è letta: colonne trovate «Peso» (B2), «Target 2026» (C2); manca Indicatore."],
      ["NO_KPI_TABLES", undefined, expect.stringContaining("Indicatore e Peso o Target")],
    ]);
    const en = validateWorkbook([sheet("A", [["Indicatore", "Risultato 2026"], ["x", 1]])]);
    expect(describeIn(en.problems[0], "en")).toBe(
      "Row 1 looks like a KPI table header but is not read as one: columns found “Indicatore” (A1), “Risultato 2026” (B1); missing Weight or Target.",
    );
    const neither = validateWorkbook([sheet("A", [[null, "Formula", "Baseline", "Risultato"], [null, "a/b", 1, 2]])]);
    expect(describeIn(neither.problems[0], "it")).toBe(
      "La riga 1 sembra l'intestazione di una tabella KPI ma non è letta: colonne trovate «Formula» (B1), «Baseline» (C1), «Risultato» (D1); manca Indicatore e Peso o Target.",
    );
  });
});
