import { DEFAULT_RULES } from "../../src/core/achievement";
import { findRulesSheet, readRules, readRulesSheet, rulesSheet } from "../../src/core/rules";
import type { CellValue, MeasurementRules, SheetGrid } from "../../src/core/types";
import type { CellSpec, SheetSpec } from "../../src/core/workbook/description";
import { describe as describeIn } from "../../src/core";

function sheet(rows: CellValue[][], name = "Impostazioni"): SheetGrid {
  return { name, values: rows };
}

/** A SheetSpec read back as a SheetGrid (formula cells as their cached result). */
function gridOf(spec: SheetSpec): SheetGrid {
  const plain = (c: CellSpec): CellValue => (c !== null && typeof c === "object" ? c.result : c);
  return { name: spec.name, values: spec.cells.map((row) => row.map(plain)) };
}

describe("readRules", () => {
  it("gives the defaults when the workbook has no settings sheet", () => {
    const r = readRules([sheet([["x"]], "A")]);
    expect(r.rules).toEqual(DEFAULT_RULES);
    expect(r.sheet).toBeNull();
    expect(r.problems).toEqual([]);
  });

  it("the defaults are ratio, no threshold, 70/90, partial credit, skip", () => {
    expect(DEFAULT_RULES).toEqual({ lowerIsBetter: "ratio", threshold: null, bands: { red: 70, amber: 90 }, partialCredit: true, missing: "skip" });
  });

  it("reads every key in Italian", () => {
    const r = readRules([
      sheet([
        ["Impostazione", "Valore", "Significato"],
        ["Minore è meglio", "lineare", "..."],
        ["Soglia minima", 40],
        ["Soglia rosso", 60],
        ["Soglia giallo", "85"],
        ["Credito parziale", "no"],
        ["Valori mancanti", "zero"],
      ]),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.rules).toEqual({ lowerIsBetter: "linear", threshold: 40, bands: { red: 60, amber: 85 }, partialCredit: false, missing: "zero" });
    expect(r.sheet).toBe("Impostazioni");
  });

  it("reads English keys and values, in any case, with or without accents", () => {
    const r = readRules([
      sheet(
        [
          ["Setting", "Value"],
          ["LOWER IS BETTER", "Linear"],
          ["Threshold", "50%"],
          ["Red below", 65],
          ["Amber below", 80],
          ["Partial credit", false],
          ["Missing values", "Skip"],
        ],
        "settings",
      ),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.rules).toEqual({ lowerIsBetter: "linear", threshold: 50, bands: { red: 65, amber: 80 }, partialCredit: false, missing: "skip" });
    expect(readRules([sheet([["Minore e meglio", "RAPPORTO"], ["Credito parziale", "SI"]])]).rules).toMatchObject({ lowerIsBetter: "ratio", partialCredit: true });
  });

  it("a blank value keeps the default; a blank threshold (or 'nessuna') means none", () => {
    const r = readRules([sheet([["Soglia minima", null], ["Soglia rosso", ""], ["Valori mancanti", null]])]);
    expect(r.rules).toEqual(DEFAULT_RULES);
    expect(readRules([sheet([["Soglia minima", "nessuna"]])]).rules.threshold).toBeNull();
    expect(readRules([sheet([["Soglia minima", "---"]])]).rules.threshold).toBeNull();
  });

  it("a percent-formatted 0,6 is 60", () => {
    const r = readRulesSheet({ name: "Impostazioni", values: [["Soglia minima", 0.6]], formats: [[null, "0%"]] });
    expect(r.rules.threshold).toBeCloseTo(60, 10);
  });

  it("a % written as text in the format (escaped, or in a [...] section) is not a percent format", () => {
    // `0\%` shows 60 as "60%" without scaling it: the value is 60, not 60 × 100 = 6000
    // (out of 0..100, which was reported as a bad value). The engine's one test for percent
    // formats (isPercentFormat) says so; the settings sheet used a weaker copy of it.
    const r = readRulesSheet({
      name: "Impostazioni",
      values: [["Soglia rosso", 60], ["Soglia giallo", 85]],
      formats: [[null, "0\\%"], [null, "[$%-410]0"]],
    });
    expect(r.problems).toEqual([]);
    expect(r.rules.bands).toEqual({ red: 60, amber: 85 });
  });

  it("the sheet may start anywhere (origin) and keys need not be in column A", () => {
    const r = readRulesSheet({ name: "Impostazioni", values: [[null, "Soglia rosso", "abc"]], origin: { row: 4, col: 2 } });
    // The value is the cell right of the key: column 2 + 2 = E, row 4 + 1 = 5.
    expect(r.problems[0]).toMatchObject({ code: "RULES_BAD_VALUE", sheet: "Impostazioni", cell: "E5", severity: "error" });
  });

  it("bad values are errors with their cell, and the default applies", () => {
    const r = readRules([
      sheet([
        ["Impostazione", "Valore"],
        ["Minore è meglio", "quadratico"],
        ["Soglia minima", 140],
        ["Soglia rosso", "tanto"],
        ["Credito parziale", "forse"],
        ["Valori mancanti", "media"],
      ]),
    ]);
    expect(r.rules).toEqual(DEFAULT_RULES);
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([
      ["RULES_BAD_VALUE", "B2"],
      ["RULES_BAD_VALUE", "B3"],
      ["RULES_BAD_VALUE", "B4"],
      ["RULES_BAD_VALUE", "B5"],
      ["RULES_BAD_VALUE", "B6"],
    ]);
    expect(describeIn(r.problems[0], "it")).toBe("«quadratico» non è un valore valido per «Minore è meglio»: atteso rapporto oppure lineare; vale il predefinito (rapporto).");
    expect(r.problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("red above amber: both bands fall back to the defaults", () => {
    const r = readRules([sheet([["Soglia rosso", 95], ["Soglia giallo", 80]])]);
    expect(r.rules.bands).toEqual({ red: 70, amber: 90 });
    expect(r.problems.map((p) => [p.code, p.cell])).toEqual([["RULES_BANDS_ORDER", "B2"]]);
    // One band alone is checked against the other's default: red 95 > amber 90.
    expect(readRules([sheet([["Soglia rosso", 95]])]).problems.map((p) => p.code)).toEqual(["RULES_BANDS_ORDER"]);
    expect(readRules([sheet([["Soglia rosso", 50]])]).rules.bands).toEqual({ red: 50, amber: 90 });
  });

  it("unknown keys with a value and repeated keys are warnings; titles and notes are not", () => {
    const r = readRules([
      sheet([
        ["Regole di misurazione (SMVP)"],
        ["Impostazione", "Valore"],
        ["Arrotondamento", 2],
        ["Soglia rosso", 60],
        ["Soglia rosso", 50],
      ]),
    ]);
    expect(r.problems.map((p) => [p.code, p.severity, p.cell])).toEqual([
      ["RULES_UNKNOWN_KEY", "warning", "A3"],
      ["RULES_DUPLICATE_KEY", "warning", "B5"],
    ]);
    expect(r.rules.bands.red).toBe(60);
  });

  it("messages follow the language", () => {
    const r = readRules([sheet([["Valori mancanti", "media"]])]);
    expect(describeIn(r.problems[0], "en")).toBe("“media” is not a valid value for “Valori mancanti”: expected skip or zero; the default (skip) applies.");
  });

  it("finds the sheet by name, case-insensitively", () => {
    expect(findRulesSheet([sheet([], "A"), sheet([], "IMPOSTAZIONI")])?.name).toBe("IMPOSTAZIONI");
    expect(findRulesSheet([sheet([], "A")])).toBeNull();
  });
});

describe("rulesSheet", () => {
  const custom: MeasurementRules = { lowerIsBetter: "linear", threshold: 30, bands: { red: 60, amber: 80 }, partialCredit: false, missing: "zero" };

  it("writes the defaults in Italian, one row per rule", () => {
    const s = rulesSheet();
    expect(s.name).toBe("Impostazioni");
    expect(s.cells.map((row) => row.slice(0, 2))).toEqual([
      ["Impostazione", "Valore"],
      ["Minore è meglio", "rapporto"],
      ["Soglia minima", null],
      ["Soglia rosso", 70],
      ["Soglia giallo", 90],
      ["Credito parziale", "sì"],
      ["Valori mancanti", "ignora"],
      ["Monitoraggio", "lineare"],
      ["Risultato unità", "tutte"],
    ]);
    expect(s.frozenRows).toBe(1);
    expect(s.validations.map((v) => v.range)).toEqual(["B3", "B4", "B5"]);
  });

  it.each([
    ["it", DEFAULT_RULES],
    ["it", custom],
    ["en", custom],
    ["en", DEFAULT_RULES],
  ] as const)("reads back what it writes (%s)", (lang, rules) => {
    const back = readRulesSheet(gridOf(rulesSheet(rules, { lang })));
    expect(back.problems).toEqual([]);
    expect(back.rules).toEqual(rules);
  });

  it("does not look like a KPI table (no Indicatore/Peso/Target header)", () => {
    const header = rulesSheet().cells[0].map(String).join("|").toLowerCase();
    expect(header).not.toMatch(/peso|target|indicatore/);
  });

  it("the body's name travels in an Ente row, read back and not taken for an unknown key", () => {
    const spec = rulesSheet(DEFAULT_RULES, { body: "Camera di commercio di Lecce" });
    expect(spec.cells[spec.cells.length - 1].slice(0, 2)).toEqual(["Ente", "Camera di commercio di Lecce"]);
    const back = readRulesSheet(gridOf(spec));
    expect(back.body).toBe("Camera di commercio di Lecce");
    expect(back.problems).toEqual([]);
    expect(readRulesSheet(gridOf(rulesSheet())).body).toBeNull();
    expect(readRules([sheet([["Body", "CCIAA Lecce"]])]).body).toBe("CCIAA Lecce");
  });

  it("the unit rule (Risultato unità) is read back, tutte by default, capofila or lead when set", () => {
    expect(readRulesSheet(gridOf(rulesSheet())).unitRule).toBe("all");
    expect(readRulesSheet(gridOf(rulesSheet({}, { unitRule: "lead" }))).unitRule).toBe("lead");
    expect(readRulesSheet(gridOf(rulesSheet({}, { unitRule: "lead", lang: "en" }))).unitRule).toBe("lead");
    expect(readRules([sheet([["Risultato unità", "Capofila"]])]).unitRule).toBe("lead");
    expect(readRules([sheet([["Unit result", "all"]])]).unitRule).toBe("all");
    expect(readRules([]).unitRule).toBe("all");
    // A typo is an error at its cell, and the default applies.
    const bad = readRules([sheet([["Risultato unità", "metà"]])]);
    expect(bad.unitRule).toBe("all");
    expect(bad.problems.map((p) => [p.code, p.cell])).toEqual([["RULES_BAD_VALUE", "B1"]]);
    expect(describeIn(bad.problems[0], "it")).toContain("tutte oppure capofila");
  });

  it("Monitoraggio: «nessuno» is read back, «lineare» is the default (absent), a typo is an error at its cell", () => {
    expect(readRulesSheet(gridOf(rulesSheet({ monitoring: "none" }))).rules.monitoring).toBe("none");
    expect(readRulesSheet(gridOf(rulesSheet({ monitoring: "none" }, { lang: "en" }))).rules.monitoring).toBe("none");
    expect(readRules([sheet([["Monitoraggio", "lineare"]])]).rules.monitoring).toBeUndefined();
    const bad = readRules([sheet([["Monitoraggio", "a occhio"]])]);
    expect(bad.rules.monitoring).toBeUndefined();
    expect(bad.problems.map((p) => [p.code, p.cell])).toEqual([["RULES_BAD_VALUE", "B1"]]);
    expect(describeIn(bad.problems[0], "it")).toContain("lineare oppure nessuno");
  });

  it("a partial set of rules is completed with the defaults", () => {
    const back = readRulesSheet(gridOf(rulesSheet({ missing: "zero" })));
    expect(back.rules).toEqual({ ...DEFAULT_RULES, missing: "zero" });
  });
});
