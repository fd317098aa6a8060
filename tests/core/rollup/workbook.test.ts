import { dateToSerial } from "../../../src/core/dates";
import { readTreeSheet, rollupJson, rollupWorkbook, treeFromCodes } from "../../../src/core/rollup";
import type { CellValue, SheetGrid } from "../../../src/core/types";
import { validateWorkbook } from "../../../src/core/validate";
import { untitledTables } from "../../fixtures/workbooks/untitled-tables";
import { describe as describeIn } from "../../../src/core";

function sheet(name: string, values: CellValue[][]): SheetGrid {
  return { name, values };
}

describe("treeFromCodes", () => {
  it("each code is a node of its own, under the longest code that prefixes it", () => {
    expect(treeFromCodes(["B.1.1", "B.1.1.1", "B.1.1.2", "C.2", "B.1.1"])).toEqual([
      { code: "B.1.1", kind: "code", title: "B.1.1", parent: null },
      { code: "B.1.1.1", kind: "code", title: "B.1.1.1", parent: "B.1.1" },
      { code: "B.1.1.2", kind: "code", title: "B.1.1.2", parent: "B.1.1" },
      { code: "C.2", kind: "code", title: "C.2", parent: null },
    ]);
  });

  it("with ancestors, the missing prefixes become nodes", () => {
    expect(treeFromCodes(["B.1.1.1"], { ancestors: true }).map((n) => [n.code, n.parent])).toEqual([
      ["B", null],
      ["B.1", "B"],
      ["B.1.1", "B.1"],
      ["B.1.1.1", "B.1.1"],
    ]);
  });

  it("codes that are not dotted have no hierarchy", () => {
    expect(treeFromCodes(["OB1", "OB10", "S. 1.4"]).map((n) => n.parent)).toEqual([null, null, null]);
  });
});

describe("readTreeSheet", () => {
  it("reads the Albero sheet the import writes", () => {
    const read = readTreeSheet(
      sheet("Albero", [
        ["Codice", "Tipo", "Titolo", "Padre", "Programma", "Unità organizzative", "Peso"],
        ["A", "Area strategica", "Imprese", null, null, "", null],
        ["A.1", "Obiettivo strategico", "Crescita", "A", null, "", "60"],
        ["A.1/P1", "Programma", "Sostegno", "A.1", null, "", null],
        ["A.1.1", "Obiettivo operativo", "Servizi", "A.1", "Sostegno", "STAFF 6", 40],
        ["A.1.1.1", "Azione", "Uno", "A.1.1", "Sostegno", "", "tanto"],
        [null, null, null, null],
        ["Z", "Area strategica", "after the blank row: not read", null],
      ]),
    );
    expect(read.nodes).toEqual([
      { code: "A", kind: "area", title: "Imprese", parent: null, weight: null },
      { code: "A.1", kind: "strategic", title: "Crescita", parent: "A", weight: 60 },
      { code: "A.1/P1", kind: "program", title: "Sostegno", parent: "A.1", weight: null },
      // The units column (Unità organizzative) is read too: the unit scorecards use it.
      { code: "A.1.1", kind: "operational", title: "Servizi", parent: "A.1", weight: 40, units: ["STAFF 6"] },
      { code: "A.1.1.1", kind: "action", title: "Uno", parent: "A.1.1", weight: null },
    ]);
    expect(read.problems.map((p) => [p.code, p.cell])).toEqual([["TREE_BAD_WEIGHT", "G6"]]);
  });

  it("English headers and kinds; unknown kinds are plain codes", () => {
    const read = readTreeSheet(
      sheet("Tree", [
        ["Title", "Code", "Parent", "Kind"],
        ["Firms", "A", null, "Strategic area"],
        ["Growth", "A.1", "A", "Objective?"],
      ]),
    );
    expect(read.nodes?.map((n) => [n.code, n.kind, n.title, n.parent])).toEqual([
      ["A", "area", "Firms", null],
      ["A.1", "code", "Growth", "A"],
    ]);
  });

  it("a sheet without the header gives no tree and a warning", () => {
    const read = readTreeSheet(sheet("Albero", [["Note"], ["nothing here"]]));
    expect(read.nodes).toBeNull();
    expect(read.problems.map((p) => p.code)).toEqual(["TREE_NO_HEADER"]);
  });
});

describe("rollupWorkbook", () => {
  const kpiSheet = sheet("Obiettivi", [
    ["Codice", "Indicatore", "Algoritmo", "Peso", "Target", "Valore"],
    ["OB.1", "Pratiche evase", "Numero pratiche", 60, ">= 100", 80],
    ["OB.1", "Tempo medio", "Giorni", 40, "<= 10", 12],
    ["OB.1.1", "Media delle azioni", "Media ponderata delle azioni*100", 100, ">= 100%", null],
    ["OB.1.1.1", "Eventi", "Numero eventi", 100, ">= 4", 3],
    ["OB.1.1.2", "Scadenza", "Realizzazione attività", 100, "<= 31/12/2021", dateToSerial(2021, 12, 1)],
    ["OB.2", "Senza valore", "Numero", 100, ">= 1", null],
  ]);

  it("a hand-made workbook without a tree: each Codice is a node, media ponderata finds its children by code", () => {
    const sheets = [kpiSheet];
    const r = rollupWorkbook(validateWorkbook(sheets), sheets);
    expect(r.tree).toBe("codes");
    const json = rollupJson(r.nodes);
    // OB.1: 80/100 = 80 (w60); 10/12 = 83.333 (w40): (60*80 + 40*83.333...)/100 = (4800 + 3333.33...)/100 = 81.333...
    // OB.1.1: its actions OB.1.1.1 (3/4 = 75) and OB.1.1.2 (on time, 100): (75 + 100)/2 = 87.5
    // OB.2: missing
    expect(json).toEqual([
      { code: "OB.1", kind: "code", achievement: expect.closeTo((4800 + 4000 / 12 * 10) / 100, 9), kpis: 2, missing: 0, band: "amber" },
      { code: "OB.1.1", kind: "code", achievement: expect.closeTo(87.5, 9), kpis: 1, missing: 0, band: "amber" },
      { code: "OB.1.1.1", kind: "code", achievement: expect.closeTo(75, 9), kpis: 1, missing: 0, band: "amber" },
      { code: "OB.1.1.2", kind: "code", achievement: 100, kpis: 1, missing: 0, band: "green" },
      { code: "OB.2", kind: "code", achievement: null, kpis: 1, missing: 1, band: null },
    ]);
    // Rounded for the JSON: 81.333... -> 81.33
    expect(rollupJson(r.nodes, { decimals: 2 })[0].achievement).toBe(81.33);
    // No tree, no orphan warnings.
    expect(r.problems.filter((p) => p.code.startsWith("ROLLUP_ORPHAN"))).toEqual([]);
  });

  it("uses the rules of the Impostazioni sheet, and reports its problems", () => {
    const sheets = [kpiSheet, sheet("Impostazioni", [["Impostazione", "Valore"], ["Minore è meglio", "lineare"], ["Valori mancanti", "boh"]])];
    const r = rollupWorkbook(validateWorkbook(sheets), sheets);
    expect(r.rules.lowerIsBetter).toBe("linear");
    expect(r.problems.map((p) => p.code)).toContain("RULES_BAD_VALUE");
    // OB.1 with the linear rule: (2*10 - 12)/10 = 80; (60*80 + 40*80)/100 = 80
    expect(r.nodes.find((n) => n.code === "OB.1")?.achievement).toBeCloseTo(80, 9);
  });

  it("rules passed in win over the sheet's", () => {
    const sheets = [kpiSheet, sheet("Impostazioni", [["Minore è meglio", "lineare"]])];
    const r = rollupWorkbook(validateWorkbook(sheets), sheets, { rules: { lowerIsBetter: "ratio" } });
    expect(r.rules.lowerIsBetter).toBe("ratio");
    expect(r.nodes.find((n) => n.code === "OB.1")?.achievement).toBeCloseTo((4800 + 4000 / 12 * 10) / 100, 9);
  });

  it("tables without a Codice column are nodes named after their sheet", () => {
    const sheets = untitledTables();
    const r = rollupWorkbook(validateWorkbook(sheets), sheets);
    // Foglio1, first table (rows 2-3): (50*50 + 50*100)/100 = 75; second (row 6): 4/5 = 80
    expect(r.nodes.map((n) => [n.code, n.achievement])).toEqual([
      ["Foglio1!2", 75],
      ["Foglio1!6", 80],
      ["Foglio2", 100],
    ]);
  });

  it("with a tree sheet, a KPI code missing from it is reported and kept", () => {
    const sheets = [
      kpiSheet,
      sheet("Albero", [
        ["Codice", "Tipo", "Titolo", "Padre"],
        ["OB", "Area strategica", "Area", null],
        ["OB.1", "Obiettivo strategico", "Uno", "OB"],
        ["OB.1.1", "Obiettivo operativo", "Uno.uno", "OB.1"],
        ["OB.1.1.1", "Azione", "a", "OB.1.1"],
        ["OB.1.1.2", "Azione", "b", "OB.1.1"],
      ]),
    ];
    const r = rollupWorkbook(validateWorkbook(sheets), sheets);
    expect(r.tree).toBe("sheet");
    expect(r.problems.filter((p) => p.code === "ROLLUP_ORPHAN_KPI").map((p) => describeIn(p, "it"))).toEqual([
      "Il codice OB.2 di 1 KPI non è nell'albero: è riportato come nodo a sé.",
    ]);
    // OB (area) = mean of OB.1 alone
    expect(r.nodes[0]).toMatchObject({ code: "OB", achievement: expect.closeTo((4800 + 4000 / 12 * 10) / 100, 9) });
    expect(r.nodes.map((n) => n.code)).toEqual(["OB", "OB.1", "OB.1.1", "OB.1.1.1", "OB.1.1.2", "OB.2"]);
  });
});
