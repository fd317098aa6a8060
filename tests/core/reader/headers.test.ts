import { matchHeader, normaliseHeader } from "../../../src/core/reader/headers";

describe("normaliseHeader", () => {
  it("drops accents, case, brackets and extra spaces", () => {
    expect(normaliseHeader("  PESO (%) ")).toBe("peso %");
    expect(normaliseHeader("Unità\norganizzativa")).toBe("unita organizzativa");
    expect(normaliseHeader("<b>Indicatori testo</b>")).toBe("indicatori testo");
    expect(normaliseHeader("Target\u00a02022")).toBe("target 2022");
  });
});

describe("matchHeader", () => {
  it.each([
    ["Codice", "code"],
    ["CODICE OBIETTIVO", "code"],
    ["Obiettivo", "code"],
    ["Code", "code"],
    ["owner", "code"],
    ["Indicatore", "indicator"],
    ["Indicatori testo", "indicator"],
    ["<b>Indicatori testo</b>", "indicator"],
    ["Indicator", "indicator"],
    ["KPI", "indicator"],
    ["Algoritmo", "algorithm"],
    ["Algorithm", "algorithm"],
    ["Formula", "algorithm"],
    ["Peso", "weight"],
    ["Peso %", "weight"],
    ["Peso%", "weight"],
    ["peso (%)", "weight"],
    ["Weight", "weight"],
    ["Stato", "baseline"],
    ["Baseline", "baseline"],
    ["Valore base", "baseline"],
    ["Target", "target"],
    ["Valore", "value"],
    ["Consuntivo", "value"],
    ["Actual", "value"],
  ])("%s is a %s column without a year", (text, role) => {
    expect(matchHeader(text)).toEqual({ role, year: null });
  });

  it("is insensitive to case and accents", () => {
    expect(matchHeader("INDICATÒRE")).toEqual({ role: "indicator", year: null });
    expect(matchHeader("pÉso")).toEqual({ role: "weight", year: null });
    expect(matchHeader("  stato  ")).toEqual({ role: "baseline", year: null });
  });

  it.each([
    ["Target 2022", "target", 2022],
    ["TARGET 2021", "target", 2021],
    ["Target anno 2023", "target", 2023],
    ["Target (2022)", "target", 2022],
    ["Target_2022", "target", 2022],
    ["Valore 2021", "value", 2021],
    ["Consuntivo 2022", "value", 2022],
    ["Actual 2023", "value", 2023],
    ["2023 Actual", "value", 2023],
  ])("%s is a yearly %s column", (text, role, year) => {
    expect(matchHeader(text)).toEqual({ role, year });
  });

  it.each([
    "Misura 2021",
    "Misura 2022",
    "Peso 2022",
    "Indicatore 2021",
    "Unità organizzative",
    "Valore base 2021 e oltre",
    "Targets of the year",
    "",
    "   ",
  ])("%s is not a KPI header", (text) => {
    expect(matchHeader(text)).toBeNull();
  });

  it("ignores cells that are not text", () => {
    expect(matchHeader(2022)).toBeNull();
    expect(matchHeader(true)).toBeNull();
    expect(matchHeader(null)).toBeNull();
    expect(matchHeader(undefined)).toBeNull();
  });
});
