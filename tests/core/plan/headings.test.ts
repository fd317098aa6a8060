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
    // Prose that begins with the word: not a node, and not a heading that blocks what follows.
    expect(matchHeading("Programma Operativo Nazionale Iniziativa Occupazione Giovani")).toMatchObject({ type: "near", reason: "prose", blocks: false });
  });

  test("section labels, with any decoration", () => {
    expect(matchHeading("#### Unità organizzative coinvolte")).toEqual({ type: "units" });
    expect(matchHeading("**Unità organizzative coinvolte**")).toEqual({ type: "units" });
    expect(matchHeading("UNITA' ORGANIZZATIVE COINVOLTE:")).toEqual({ type: "units" });
    expect(matchHeading("## KPI Associati")).toEqual({ type: "kpis" });
    expect(matchHeading("**KPI Associati**")).toEqual({ type: "kpis" });
  });

  test("a label with a colon but no code is a heading without code (the parser generates one)", () => {
    expect(matchHeading("Obiettivo operativo: senza codice")).toMatchObject({
      type: "node",
      kind: "operational",
      code: null,
      title: "senza codice",
      label: "Obiettivo operativo",
    });
  });

  test("prose that starts like a label is not a heading", () => {
    expect(matchHeading("Azione di sistema: si propone una nuova progettualità")).toMatchObject({ type: "near", blocks: false });
    // A short line with a label and a small letter: a heading not understood, which blocks.
    expect(matchHeading("Area strategica del territorio")).toMatchObject({ type: "near", reason: "prose", blocks: true });
    expect(matchHeading("Azione di sistema per le imprese: testo normale, non un'intestazione.")).toBeNull();
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
