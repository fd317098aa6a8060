/**
 * KPI tables as other bodies' plans and PIAO write them (issue 9, item 2): their header
 * words, per-year and two-row headers, `Target %`, targets by position, tables without a
 * weight or a target column. Every expected figure is worked out by hand in a comment.
 */
import { findKpiTables, type HeaderNearMiss } from "../../../src/core/reader/find-tables";
import { matchHeader } from "../../../src/core/reader/headers";
import type { CellValue, SheetGrid } from "../../../src/core/types";

const grid = (values: CellValue[][]): SheetGrid => ({ name: "S", values });

describe("header words of other plans and of the PIAO", () => {
  it.each([
    ["Indicatore di performance", "indicator"],
    ["Descrizione indicatore", "indicator"],
    ["Formula", "algorithm"],
    ["Formula di calcolo", "algorithm"],
    ["Algoritmo di calcolo", "algorithm"],
    ["Peso indicatore", "weight"],
    ["Peso %", "weight"],
    ["Baseline", "baseline"],
    ["Valore di partenza", "baseline"],
    ["Valore atteso", "target"],
    ["Risultato atteso", "target"],
    ["Risultato", "value"],
    ["Valore rilevato", "value"],
    ["Valore conseguito", "value"],
    ["% Realizzazione", "achieved"],
    ["Fonte", "source"],
    ["Note", "notes"],
    ["Unità di misura", "unit"],
    ["U.M.", "unit"],
    ["UdM", "unit"],
    ["Struttura responsabile", "responsible"],
  ])("%s is a %s column", (text, role) => {
    expect(matchHeader(text)).toEqual({ role, year: null });
  });

  it.each([
    ["Target 2026 (Risultato atteso)", "target", 2026],
    ["Risultato effettivo 2026", "value", 2026],
    ["Valore atteso 2027", "target", 2027],
    ["Baseline 2025", "baseline", 2025],
    ["Valore conseguito al 2026", "value", 2026],
  ])("%s is a %s column of %i", (text, role, year) => {
    expect(matchHeader(text)).toEqual({ role, year });
  });

  it("reads Target primo/secondo/terzo anno as targets by position", () => {
    expect(matchHeader("Target primo anno")).toEqual({ role: "target", year: null, ordinal: 1 });
    expect(matchHeader("Target secondo anno")).toEqual({ role: "target", year: null, ordinal: 2 });
    expect(matchHeader("TARGET TERZO ANNO")).toEqual({ role: "target", year: null, ordinal: 3 });
  });

  it("reads Target % as a target column in percent, and Peso % stays a weight", () => {
    expect(matchHeader("Target %")).toEqual({ role: "target", year: null, percent: true });
    expect(matchHeader("Target 2026 (%)")).toEqual({ role: "target", year: 2026, percent: true });
    expect(matchHeader("Peso (%)")).toEqual({ role: "weight", year: null });
  });

  it("leaves N. (a row number, not a code) and a year beside a word of another role unread", () => {
    expect(matchHeader("N.")).toBeNull();
    expect(matchHeader("Target 2026 (Risultato)")).toBeNull(); // target and value: which?
    expect(matchHeader("Valore base 2021 e oltre")).toBeNull();
    expect(matchHeader("Peso 2026")).toBeNull();
  });
});

describe("tables of other shapes", () => {
  it("reads a PIAO header with per-year target and result columns side by side", () => {
    const [t] = findKpiTables(
      grid([
        ["Obiettivo specifico", "Indicatore di performance", "Formula di calcolo", "Peso indicatore", "Baseline 2025", "Target 2026 (Risultato atteso)", "Target 2027", "Risultato effettivo 2026", "Fonte", "Note"],
        ["OS1", "Tempo medio di pagamento", "giorni medi", 50, 35, "<= 30", "<= 28", 29, "PCC", ""],
      ]),
    );
    expect([t.columns.code, t.columns.indicator, t.columns.algorithm, t.columns.weight, t.columns.baseline]).toEqual([0, 1, 2, 3, 4]);
    expect([...t.columns.targets]).toEqual([
      [2026, 5],
      [2027, 6],
    ]);
    expect([...t.columns.values]).toEqual([[2026, 7]]);
    expect([t.columns.source, t.columns.notes]).toEqual([8, 9]);
    expect([t.firstRow, t.lastRow]).toEqual([1, 1]);
  });

  it("reads a two-row header: Target written once over 2026 | 2027 | 2028, Risultato over 2026", () => {
    const [t] = findKpiTables(
      grid([
        ["Codice", "Indicatore", "Peso", "Target", null, null, "Risultato"],
        [null, null, null, 2026, "2027", "Anno 2028", 2026],
        ["1.1.2", "Pratiche evase", 100, ">= 90%", ">= 92%", ">= 95%", "91%"],
      ]),
    );
    expect([...t.columns.targets]).toEqual([
      [2026, 3],
      [2027, 4],
      [2028, 5],
    ]);
    expect([...t.columns.values]).toEqual([[2026, 6]]);
    // The data start below the row of years.
    expect([t.headerRow, t.firstRow, t.lastRow]).toEqual([0, 2, 2]);
  });

  it("reads Valore as the group word over the years of the results", () => {
    const [t] = findKpiTables(
      grid([
        ["Indicatore", "Peso", "Valore atteso", null, "Valore", null],
        [null, null, "Anno 2026", "Anno 2027", "Anno 2026", "Anno 2027"],
        ["x", 100, ">= 1", ">= 2", 1, null],
      ]),
    );
    expect([[...t.columns.targets], [...t.columns.values]]).toEqual([
      [
        [2026, 2],
        [2027, 3],
      ],
      [
        [2026, 4],
        [2027, 5],
      ],
    ]);
  });

  it("gives a Target % column's years their percent flag under a two-row header", () => {
    const [t] = findKpiTables(
      grid([
        ["Indicatore", "Target %", null],
        [null, 2026, 2027],
        ["Customer satisfaction", 65, 70],
      ]),
    );
    expect([...t.columns.targets]).toEqual([
      [2026, 1],
      [2027, 2],
    ]);
    expect([...(t.columns.percentTargets ?? [])].sort()).toEqual([1, 2]);
  });

  it("places Target primo/secondo/terzo anno from the title above the table, else says the year is unknown", () => {
    const header = ["Indicatore", "Peso %", "Target primo anno", "Target secondo anno", "Target terzo anno"];
    const row = ["Visite", 100, 10, 12, 14];
    const [titled] = findKpiTables(grid([["PIAO 2026-2028: sezione performance"], [], header, row]));
    expect([...titled.columns.targets]).toEqual([
      [2026, 2],
      [2027, 3],
      [2028, 4],
    ]);
    expect(titled.ordinalYearsUnknown).toBeUndefined();
    // A year in a data row above (a previous table's target) is no title.
    const [, afterTable] = findKpiTables(grid([["Indicatore", "Target"], ["a", "entro il 31/12/2025"], [], header, row]));
    expect(afterTable.ordinalYearsUnknown).toBe(true);
    const [untitled] = findKpiTables(grid([header, row]));
    expect([...untitled.columns.targets]).toEqual([[null, 2]]);
    expect(untitled.ordinalYearsUnknown).toBe(true);
  });

  it("takes the first year after a Baseline year when there is no title", () => {
    const [t] = findKpiTables(grid([["Indicatore", "Baseline 2025", "Target primo anno", "Target secondo anno"], ["x", 1, 2, 3]]));
    // Baseline 2025: the first year is 2026, the second 2027.
    expect([...t.columns.targets]).toEqual([
      [2026, 2],
      [2027, 3],
    ]);
  });

  it("reads tables without a weight column and without a target column", () => {
    const [noWeights] = findKpiTables(grid([["Descrizione indicatore", "Valore atteso", "Valore rilevato"], ["x", ">= 1", 2]]));
    expect([noWeights.columns.weight, [...noWeights.columns.targets], [...noWeights.columns.values]]).toEqual([undefined, [[null, 1]], [[null, 2]]]);
    const [noTargets] = findKpiTables(grid([["Codice", "Indicatore", "Peso"], ["OS1", "x", 20]]));
    expect([noTargets.columns.weight, noTargets.columns.targets.size]).toEqual([2, 0]);
  });

  it("finds no table and no near miss on the add-in's own tree, summary and settings sheets", () => {
    const misses: HeaderNearMiss[] = [];
    const sheets = [
      [["Codice", "Padre", "Livello", "Titolo", "Peso"], ["A", null, "Area", "Prima", 50]],
      [["Codice", "Livello", "Titolo", "Grado di raggiungimento", "Semaforo"], ["A", "Area", "Prima", 81.7, "giallo"]],
      [["Impostazione", "Valore", "Spiegazione"], ["Soglia", 50, "sotto vale 0"]],
    ];
    for (const values of sheets) expect(findKpiTables(grid(values), misses)).toEqual([]);
    expect(misses).toEqual([]);
  });

  it("notes a row that reads almost like a header, with what it has and what it lacks", () => {
    const misses: HeaderNearMiss[] = [];
    const tables = findKpiTables(
      grid([
        ["Codice", "Peso", "Target"], // no indicator column
        ["OS1", 100, ">= 1"],
        [],
        ["Indicatore", "Formula", "Risultato"], // neither weight nor target
        ["x", "a/b", 3],
        [],
        ["Codice", "Peso"], // one core role: not a near miss
      ]),
      misses,
    );
    expect(tables).toEqual([]);
    expect(misses.map((m) => [m.row, m.found.map((f) => [f.text, f.col]), m.missing])).toEqual([
      [0, [["Codice", 0], ["Peso", 1], ["Target", 2]], ["indicator"]],
      [3, [["Indicatore", 0], ["Formula", 1], ["Risultato", 2]], ["weight", "target"]],
    ]);
  });
});
