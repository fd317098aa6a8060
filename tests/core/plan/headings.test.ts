import { isKpiHeader, matchHeading } from "../../../src/core/plan/headings";

describe("matchHeading", () => {
  test.each([
    ["## Area strategica: A Competitività e sviluppo delle imprese", "area", "A", "Competitività e sviluppo delle imprese"],
    ["### Obiettivo strategico: A.1 Competitività", "strategic", "A.1", "Competitività"],
    ["#### Obiettivo operativo: A.1.1 Servizi", "operational", "A.1.1", "Servizi"],
    ["**Obiettivo operativo: B.1.2 Semplificazione amministrativa**", "operational", "B.1.2", "Semplificazione amministrativa"],
    ["### Azione: A.1.4.1. Servizi certificativi per l'export", "action", "A.1.4.1", "Servizi certificativi per l'export"],
    ["Azione: C.1.2.10 Migliorare il flusso", "action", "C.1.2.10", "Migliorare il flusso"],
    ["Obiettivo operativo A.1.1 - Servizi", "operational", "A.1.1", "Servizi"],
    ["Obiettivo operativo A.1.1: Servizi", "operational", "A.1.1", "Servizi"],
    ["Azione: A.1.3.1", "action", "A.1.3.1", ""],
  ])("%s", (line, kind, code, title) => {
    expect(matchHeading(line)).toMatchObject({ type: "node", kind, code, title });
  });

  test("programs need a colon and get no code", () => {
    expect(matchHeading("## Programma: Sostegno alle imprese")).toMatchObject({
      type: "node",
      kind: "program",
      code: null,
      title: "Sostegno alle imprese",
    });
    expect(matchHeading("Programma Operativo Nazionale Iniziativa Occupazione Giovani")).toBeNull();
  });

  test("section labels, with any decoration", () => {
    expect(matchHeading("#### Unità organizzative coinvolte")).toEqual({ type: "units" });
    expect(matchHeading("**Unità organizzative coinvolte**")).toEqual({ type: "units" });
    expect(matchHeading("UNITA' ORGANIZZATIVE COINVOLTE:")).toEqual({ type: "units" });
    expect(matchHeading("## KPI Associati")).toEqual({ type: "kpis" });
    expect(matchHeading("**KPI Associati**")).toEqual({ type: "kpis" });
  });

  test("a label with a colon but no code is a bad heading", () => {
    expect(matchHeading("Obiettivo operativo: senza codice")).toEqual({
      type: "bad-node",
      kind: "operational",
      label: "Obiettivo operativo",
      example: "A.1.1",
    });
  });

  test("prose that starts like a label is not a heading", () => {
    expect(matchHeading("Azione di sistema: si propone una nuova progettualità")).toBeNull();
    expect(matchHeading("Area strategica del territorio")).toBeNull();
    expect(matchHeading("La Camera di Commercio di Lecce supporta ...")).toBeNull();
    expect(matchHeading("")).toBeNull();
  });

  test("a code whose depth does not fit the label is flagged", () => {
    expect(matchHeading("Azione: A.1.3 Troppo corto")).toMatchObject({
      type: "node",
      kind: "action",
      code: "A.1.3",
      mismatch: { example: "A.1.1.1" },
    });
    expect(matchHeading("Azione: A.1.3.1 Giusto")).not.toHaveProperty("mismatch");
  });
});

describe("isKpiHeader", () => {
  test("plain, tagged, bold, any case", () => {
    expect(isKpiHeader("Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget")).toBe(true);
    expect(isKpiHeader("<b>Indicatori testo</b>\t<b>Algoritmo</b>\t<b>Peso</b>\t<b>Stato</b>\t<b>Target</b>")).toBe(true);
    expect(isKpiHeader("**Indicatori testo**\t**Algoritmo**\t**Peso**\t**Stato**\t**Target**")).toBe(true);
    expect(isKpiHeader("INDICATORE\tALGORITMO\tPESO\tSTATO\tTARGET\t")).toBe(true);
  });
  test("not a header", () => {
    expect(isKpiHeader("Indicatori testo Algoritmo Peso Stato Target")).toBe(false); // no tabs
    expect(isKpiHeader("Indicatori testo\tAlgoritmo\tPeso\tTarget")).toBe(false);
    expect(isKpiHeader("Soggetti\tNumero\t20\t---\t>= 1")).toBe(false);
  });
});
