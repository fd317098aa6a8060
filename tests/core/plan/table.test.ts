import { isMarkdownRule, isYearRow, readTableHeader, splitRow } from "../../../src/core/plan/table";

describe("splitRow", () => {
  test("tabs, Markdown pipes (escaped \\| kept), CSV with quotes", () => {
    expect(splitRow("a\t b \t", "\t")).toEqual(["a", "b", ""]);
    expect(splitRow("| a | b \\| c |", "|")).toEqual(["a", "b | c"]);
    expect(splitRow("|a|b", "|")).toEqual(["a", "b"]); // no closing pipe
    expect(splitRow('K;"x; y";"dice ""sì""";10', ";")).toEqual(["K", "x; y", 'dice "sì"', "10"]);
    expect(splitRow("a,b", ",")).toEqual(["a", "b"]);
  });
  test("not a row of that kind", () => {
    expect(splitRow("no tabs here", "\t")).toBeNull();
    expect(splitRow("a | b", "|")).toBeNull(); // a Markdown row starts with |
    expect(splitRow("nessun separatore", ";")).toBeNull();
  });
});

test("Markdown rule lines, with alignment colons", () => {
  expect(isMarkdownRule("|---|:---:|--:|")).toBe(true);
  expect(isMarkdownRule("--- | ---")).toBe(true);
  expect(isMarkdownRule("| a | b |")).toBe(false);
  expect(isMarkdownRule("---")).toBe(true); // one column: still a rule
  expect(isMarkdownRule("-")).toBe(false);
});

test("a years row of a two-row header", () => {
  expect(isYearRow(["", "", "2026", "Anno 2027", "2028"])).toBe(true);
  expect(isYearRow(["", "", ""])).toBe(false);
  expect(isYearRow(["K", "2026"])).toBe(false);
});

describe("readTableHeader", () => {
  test("the Lecce header, tab separated, with tags", () => {
    const r = readTableHeader("<b>Indicatori testo</b>\t<b>Algoritmo</b>\t<b>Peso</b>\t<b>Stato</b>\t<b>Target</b>");
    expect(r).toMatchObject({ type: "table", sep: "\t", columns: { indicator: 0, algorithm: 1, weight: 2, baseline: 3 } });
    expect(r?.type === "table" && r.columns.targets.map((t) => [t.col, t.year])).toEqual([[4, null]]);
  });

  test("PIAO words in Markdown; per-year and positional target columns; Target %", () => {
    const r = readTableHeader("| Indicatore di performance | Formula di calcolo | Peso % | Baseline | Target 2026 | Target secondo anno | Target % |");
    expect(r?.type).toBe("table");
    if (r?.type !== "table") return;
    expect(r.sep).toBe("|");
    expect([r.columns.indicator, r.columns.algorithm, r.columns.weight, r.columns.baseline]).toEqual([0, 1, 2, 3]);
    expect(r.columns.targets.map((t) => [t.col, t.year, t.ordinal, t.percent])).toEqual([
      [4, 2026, null, false],
      [5, null, 2, false],
      [6, null, null, true],
    ]);
  });

  test("CSV with ';' before ',' (a ';' header with commas inside a cell)", () => {
    const r = readTableHeader("Indicatore;Formula (a, b);Peso;Valore atteso");
    expect(r).toMatchObject({ type: "table", sep: ";", columns: { indicator: 0, algorithm: 1, weight: 2 } });
  });

  test("weights without targets, and targets without weights, are tables", () => {
    expect(readTableHeader("Indicatore\tPeso")?.type).toBe("table");
    expect(readTableHeader("Descrizione indicatore\tRisultato atteso")?.type).toBe("table");
  });

  test("header words without an indicator or without target and weight: a near miss with what is missing", () => {
    expect(readTableHeader("Peso\tTarget\tFonte")).toEqual({ type: "near", sep: "\t", found: ["Peso", "Target"], missing: ["Indicatore"] });
    expect(readTableHeader("Indicatore;Formula;Note")).toEqual({ type: "near", sep: ";", found: ["Indicatore", "Formula"], missing: ["Target / Peso"] });
  });

  test("prose and data rows are not headers", () => {
    expect(readTableHeader("Il peso, come il target, è indicato in tabella.")).toBeNull();
    expect(readTableHeader("Soggetti\tNumero\t20\t---\t>= 1")).toBeNull();
    expect(readTableHeader("Indicatore")).toBeNull();
  });
});

test("columns aligned with spaces (PDF text): two or more spaces separate cells", () => {
  const r = readTableHeader("Indicatore             Peso    Target 2026");
  expect(r).toMatchObject({ type: "table", sep: "  ", columns: { indicator: 0, weight: 1 } });
  expect(splitRow("  Pratiche evase online   40      >= 90%", "  ")).toEqual(["Pratiche evase online", "40", ">= 90%"]);
  expect(splitRow("una frase normale", "  ")).toBeNull();
});

test("a remark in brackets after the header words, and a baseline with its year", () => {
  const r = readTableHeader("Indicatore (descrizione)\tBaseline 2025\tPeso\tTarget 2026 (Risultato atteso)\tTarget 2027 (Risultato atteso)");
  expect(r?.type).toBe("table");
  if (r?.type !== "table") return;
  expect([r.columns.indicator, r.columns.baseline, r.columns.weight]).toEqual([0, 1, 2]);
  expect(r.columns.targets.map((t) => [t.col, t.year])).toEqual([[3, 2026], [4, 2027]]);
  // Without the remark rule the bracketed words would make these cells unknown.
  expect(readTableHeader("Note (facoltative)\tFonte (ufficio)")).toBeNull();
});
