import {
  describe as describeIn,
  describeParam,
  errorProblem,
  kpiError,
  NO_OWNER_CODE,
  ownerLabel,
  problem,
  validateWorkbook,
  weightsSumRef,
} from "../../src/core";

describe("describe: a message reference rendered in one language", () => {
  it("fills nested references, decimals and lists in the message's own language", () => {
    // 105,5 against 100: 100 - 105,5 = -5,5, so 5,5 too many.
    const ref = weightsSumRef(105.5, 100, -5.5);
    expect(describeIn(ref, "it")).toBe("I pesi sommano a 105,5 invece di 100 (5,5 in più).");
    expect(describeIn(ref, "en")).toBe("The weights add up to 105.5 instead of 100 (5.5 too many).");
  });

  it("writes a list's items with its separator, each in the same language", () => {
    const items = [{ code: "STORED_BLANK" }, { decimal: 0.5 }, "x"] as const;
    expect(describeParam({ items, separator: "; " }, "it")).toBe("(vuota); 0,5; x");
    expect(describeParam({ items, separator: " | " }, "en")).toBe("(blank) | 0.5 | x");
  });

  it("chooses a two-language word at rendering", () => {
    const either = { code: "RULES_EITHER", params: { first: { it: "ignora", en: "skip" }, second: "zero" } } as const;
    expect(describeIn(either, "it")).toBe("ignora oppure zero");
    expect(describeIn(either, "en")).toBe("skip or zero");
  });

  it("gives the singular word for a count of 1 given as a decimal too", () => {
    expect(describeIn({ code: "PLAN_TABLE_NO_OWNER", params: { rows: { decimal: 1 } } }, "it")).toMatch(/: 1 riga ignorata\.$/);
    expect(describeIn({ code: "PLAN_TABLE_NO_OWNER", params: { rows: 2 } }, "en")).toMatch(/: 2 rows ignored\.$/);
  });

  it("renders an engine error as the error's own message", () => {
    const error = kpiError("NOT_A_NUMBER", { text: "dieci" });
    const p = errorProblem(error, { sheet: "A", cell: "B2" });
    expect(p).toEqual({ severity: "error", code: "NOT_A_NUMBER", params: { text: "dieci" }, sheet: "A", cell: "B2" });
    expect(describeIn(p, "it")).toBe(error.message.it);
    expect(describeIn(p, "en")).toBe(error.message.en);
  });

  it("shortens a long quoted text in a problem as in the error's message", () => {
    const long = "x".repeat(100);
    const p = errorProblem(kpiError("NOT_A_NUMBER", { text: long }));
    // 59 characters and an ellipsis: the error's MAX_QUOTE of 60.
    expect(describeIn(p, "en")).toBe(`“${"x".repeat(59)}…” is not a number.`);
  });

  it("leaves a place out of a problem that has none, rather than an undefined member", () => {
    expect(Object.keys(problem("warning", "NO_KPI_TABLES", {}, { sheet: undefined }))).toEqual(["severity", "code", "params"]);
  });
});

describe("the analysis speaks no language", () => {
  it("one validation is described in Italian and in English", () => {
    const report = validateWorkbook([
      { name: "A", values: [["Indicatore", "Peso", "Target", "Valore"], ["a", 60, ">= 1", 1], ["b", 20, ">= 1", null]] },
    ]);
    // 60 + 20 = 80: 20 short; b has no value for the year the targets name (none: "periodo").
    const texts = (lang: "it" | "en") => report.problems.map((p) => describeIn(p, lang));
    expect(texts("it")).toEqual(["I pesi sommano a 80 invece di 100 (20 in meno).", "Valore mancante per il periodo."]);
    expect(texts("en")).toEqual(["The weights add up to 80 instead of 100 (20 short).", "Missing value for the period."]);
    // No text inside the problems themselves.
    expect(JSON.stringify(report.problems)).not.toMatch(/pesi|weights|mancante|Missing/);
  });

  it("names the node of KPI rows without an owner only when it is shown", () => {
    expect(NO_OWNER_CODE).toBe("");
    expect(ownerLabel(NO_OWNER_CODE, "it")).toBe("(senza codice)");
    expect(ownerLabel(NO_OWNER_CODE, "en")).toBe("(no code)");
    expect(ownerLabel("A.1", "en")).toBe("A.1");
  });
});
