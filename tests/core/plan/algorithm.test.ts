import { classifyAlgorithm, isYearOverYear, kpiAlgorithmKind } from "../../../src/core/plan/algorithm";
import type { AlgorithmKind } from "../../../src/core/types";

describe("classifyAlgorithm", () => {
  const cases: [string, AlgorithmKind][] = [
    ["(Numero soggetti(t)-Numero soggetti(t-1))/Numero soggetti(t-1)*100", "trend_pct"],
    ["( Numero soggetti ( t ) - Numero soggetti ( t - 1 ) ) / Numero soggetti ( t - 1 ) * 100", "trend_pct"],
    ["(X(t)-X(t-1))/X(t-1) x 100", "trend_pct"],
    ["(X(t)-X(t-1))/X(t-1)", "ratio"], // a fraction, not a percentage
    ["Numero soggetti(t)/Numero soggetti(t-1)", "ratio"],
    ["Numero di accessi(t)/Numero di accessi(t-1)*100", "share_pct"],
    ["Posizioni verificate/Posizioni da verificare*100", "share_pct"],
    ["Proventi/Costi*100", "share_pct"],
    ["Proventi/Costi × 100", "share_pct"],
    ["Patrimonio netto/Immobilizzazioni nette", "ratio"],
    ["Totale giorni intercorsi ... evasione /Totale istanze", "ratio"],
    ["Media ponderata delle azioni*100", "weighted_mean"],
    ["Media ponderata delle azioni", "weighted_mean"],
    ["Media ponderata degli obiettivi operativi*100", "weighted_mean"],
    ["Realizzazione attività", "deadline"],
    ["REALIZZAZIONE ATTIVITA'", "deadline"],
    ["Grado di soddisfazione", "satisfaction"],
    ["Customer satisfaction", "satisfaction"],
    ["Numero eventi", "count"],
    ["N. linee di attività attivate attraverso i bandi di finanziamento", "count"],
    ["N° pratiche", "count"],
    ["Totale attività realizzate", "count"],
    ["Numero eventi/iniziative di sensibilizzazione", "count"], // "/" between words means "or"
    ["Numero utenze attivate e supporto informativo/formativo realizzato", "count"],
    ["Indice di tempestività dei pagamenti", "direct"],
    ["Proposta agli organi competenti per l'approvazione", "direct"],
    ["", "direct"],
  ];
  test.each(cases)("%s -> %s", (text, kind) => {
    expect(classifyAlgorithm(text)).toBe(kind);
  });
});

describe("isYearOverYear", () => {
  test("needs both X(t) and X(t-1)", () => {
    expect(isYearOverYear("Numero soggetti(t)/Numero soggetti(t-1)")).toBe(true);
    expect(isYearOverYear("(A(t)-A(t - 1))/A(t - 1)*100")).toBe(true);
    expect(isYearOverYear("Diritto annuale anno corrente/Diritto annuale anno 2019")).toBe(false);
    expect(isYearOverYear("Numero soggetti(t)")).toBe(false);
  });
});

describe("kpiAlgorithmKind", () => {
  const date = (value: number) => ({ year: null, condition: { op: "<=" as const, value, unit: "date" as const } });
  test("a target made only of dates makes a deadline", () => {
    expect(kpiAlgorithmKind("Proposta agli organi competenti", [date(44469)])).toBe("deadline");
  });
  test("otherwise the text decides", () => {
    expect(kpiAlgorithmKind("Numero eventi", [{ year: null, condition: { op: ">=", value: 2, unit: "number" } }])).toBe(
      "count",
    );
    expect(kpiAlgorithmKind("Numero eventi", [])).toBe("count");
    expect(kpiAlgorithmKind("Numero eventi", [{ year: 2021, condition: null }])).toBe("count");
    expect(
      kpiAlgorithmKind("Numero eventi", [date(44469), { year: 2022, condition: { op: ">=", value: 2, unit: "number" } }]),
    ).toBe("count");
  });
});
