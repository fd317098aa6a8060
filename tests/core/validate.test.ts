import { dateToSerial } from "../../src/core/dates";
import { isKpiError, messageOf } from "../../src/core/errors";
import { parseTarget } from "../../src/core/targets";
import type { CellValue, KpiResult, SheetGrid } from "../../src/core/types";
import { isPercentFormat, validateWorkbook } from "../../src/core/validate";
import { describe as describeIn } from "../../src/core";

type Grid = CellValue[][];
const sheet = (name: string, values: Grid, extra: Partial<SheetGrid> = {}): SheetGrid => ({ name, values, ...extra });
const byIndicator = (kpis: readonly KpiResult[], name: string): KpiResult => {
  const k = kpis.find((x) => x.indicator === name);
  if (!k) throw new Error(`no KPI ${name}`);
  return k;
};

describe("validateWorkbook: statuses", () => {
  it("marks met, unmet, missing and no_target rows, with achievement", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["pratiche", 25, ">= 20", 25],
        ["visite", 25, ">= 20", 15],
        ["eventi", 25, ">= 20", null],
        ["nessuno", 25, "---", 3],
      ]),
    ]);
    expect(report.kpis.map((k) => [k.indicator, k.status])).toEqual([
      ["pratiche", "met"],
      ["visite", "unmet"],
      ["eventi", "missing"],
      ["nessuno", "no_target"],
    ]);
    expect(byIndicator(report.kpis, "pratiche").achievement).toBe(100);
    expect(byIndicator(report.kpis, "visite").achievement).toBeCloseTo((15 / 20) * 100, 10);
    expect(byIndicator(report.kpis, "eventi").achievement).toBeNull();
    expect(byIndicator(report.kpis, "nessuno").target).toBeNull();
    expect(report.summary).toEqual({ tables: 1, rows: 4, met: 1, unmet: 1, missing: 1, noTarget: 1, invalid: 0 });
    // A `---` target is a plan's way of saying "no target this year": no problem.
    expect(report.problems.filter((p) => p.cell === "C5")).toEqual([]);
  });

  it("reports a blank value as a missing-value warning on the value cell", () => {
    const report = validateWorkbook([
      sheet("Foglio 1", [
        ["Indicatore", "Peso", "Target 2022", "Valore 2022"],
        ["a", 100, ">= 1", "  "],
      ]),
    ], { year: 2022 });
    expect(report.kpis[0].status).toBe("missing");
    expect(report.kpis[0].valueCell).toBe("D2");
    expect(report.problems.map((p) => ({ ...p, message: describeIn(p, "it") }))).toEqual([
      { severity: "warning", code: "VALUE_MISSING", params: { year: 2022 }, sheet: "Foglio 1", cell: "D2", message: "Valore mancante per il 2022." },
    ]);
  });

  it("reads a percent-formatted value as the percentage it shows against a percent target", () => {
    const report = validateWorkbook([
      sheet(
        "A",
        [
          ["Indicatore", "Peso", "Target", "Valore"],
          ["formattata", 25, ">= 15%", 0.15],
          ["formattata bassa", 25, ">= 15%", 0.12],
          ["numero", 25, ">= 15%", 16],
          ["frazione senza formato", 25, ">= 15%", 0.15],
        ],
        {
          formats: [
            [null, null, null, null],
            [null, null, null, "0%"],
            [null, null, null, "0.00%"],
            [null, null, null, "General"],
            [null, null, null, null],
          ],
        },
      ),
    ]);
    const k = (n: string) => byIndicator(report.kpis, n);
    expect([k("formattata").status, k("formattata").value]).toEqual(["met", 15]);
    expect([k("formattata bassa").status, k("formattata bassa").value]).toEqual(["unmet", 12]);
    expect(k("formattata bassa").achievement).toBeCloseTo(80, 10);
    expect([k("numero").status, k("numero").value]).toEqual(["met", 16]);
    expect([k("frazione senza formato").status, k("frazione senza formato").value]).toEqual(["unmet", 0.15]);
  });

  it("keeps the raw number of a percent-formatted cell against a non-percent target", () => {
    const report = validateWorkbook([
      sheet("A", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, ">= 0,5", 0.6]], {
        formats: [[], [null, null, null, "0%"]],
      }),
    ]);
    expect([report.kpis[0].status, report.kpis[0].value]).toEqual(["met", 0.6]);
  });

  it("measures lower-is-better targets by target/value, or linearly when the rules say so", () => {
    const grid = [
      ["Indicatore", "Peso", "Target", "Valore"],
      ["giorni", 100, "<= 10", 12],
    ];
    const ratio = validateWorkbook([sheet("A", grid)]).kpis[0];
    expect(ratio.status).toBe("unmet");
    expect(ratio.achievement).toBeCloseTo((10 / 12) * 100, 10);
    const linear = validateWorkbook([sheet("A", grid)], { rules: { lowerIsBetter: "linear" } }).kpis[0];
    expect(linear.achievement).toBeCloseTo(((2 * 10 - 12) / 10) * 100, 10);
    const met = validateWorkbook([sheet("A", [grid[0], ["giorni", 100, "<= 10", 9]])]).kpis[0];
    expect([met.status, met.achievement]).toEqual(["met", 100]);
  });

  it("checks deadlines against date serials and date texts", () => {
    const deadline = "<= 31/12/2021";
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["in tempo", 20, deadline, dateToSerial(2021, 12, 15)],
        ["in ritardo", 20, deadline, dateToSerial(2022, 1, 10)],
        ["testo", 20, deadline, "30/12/2021"],
        ["ultimo giorno con ora", 20, deadline, dateToSerial(2021, 12, 31) + 0.75],
        ["non una data", 20, deadline, "fatto"],
      ]),
    ]);
    const k = (n: string) => byIndicator(report.kpis, n);
    expect(k("in tempo").status).toBe("met");
    expect(k("in tempo").target).toEqual({ op: "<=", value: dateToSerial(2021, 12, 31), unit: "date" });
    expect([k("in ritardo").status, k("in ritardo").achievement]).toEqual(["unmet", 0]);
    expect([k("testo").status, k("testo").value]).toEqual(["met", dateToSerial(2021, 12, 30)]);
    expect(k("ultimo giorno con ora").status).toBe("met");
    expect(k("non una data").status).toBe("invalid");
    expect(report.problems).toContainEqual(
      expect.objectContaining({ severity: "error", code: "DATE_VALUE_REQUIRED", sheet: "A", cell: "D6" }),
    );
  });

  it("reads text values the Italian way and reports text that is not a number", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["virgola", 20, ">= 12", "12,5"],
        ["migliaia", 20, ">= 17000", "17.835"],
        ["percentuale", 20, ">= 15%", "16%"],
        ["parola", 20, ">= 1", "molti"],
        ["errore", 20, ">= 1", "#DIV/0!"],
      ]),
    ]);
    const k = (n: string) => byIndicator(report.kpis, n);
    expect([k("virgola").status, k("virgola").value]).toEqual(["met", 12.5]);
    expect([k("migliaia").status, k("migliaia").value]).toEqual(["met", 17835]);
    expect([k("percentuale").status, k("percentuale").value]).toEqual(["met", 16]);
    expect(k("parola").status).toBe("invalid");
    expect(k("errore").status).toBe("invalid");
    const codes = report.problems.map((p) => [p.code, p.cell]);
    expect(codes).toContainEqual(["VALUE_NOT_NUMBER", "D5"]);
    expect(codes).toContainEqual(["VALUE_CELL_ERROR", "D6"]);
    expect(describeIn(report.problems.find((p) => p.cell === "D5")!, "it")).toContain("molti");
  });

  it("reports unreadable targets with the engine's own message", () => {
    const bad = "circa quindici";
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["a", 50, bad, 3],
        ["b", 50, ">= 1", 3],
      ]),
    ]);
    const engine = parseTarget(bad);
    if (!isKpiError(engine)) throw new Error("the engine should reject the target");
    expect(report.kpis[0].status).toBe("invalid");
    expect(report.problems.map((p) => ({ ...p, message: describeIn(p, "en") }))).toContainEqual({
      severity: "error",
      code: engine.code,
      params: engine.params,
      sheet: "A",
      cell: "C2",
      message: messageOf(engine, "en"),
    });
  });

  it("warns about a blank target cell", () => {
    const report = validateWorkbook([sheet("A", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, null, 3]])]);
    expect(report.kpis[0].status).toBe("no_target");
    expect(report.problems).toContainEqual(expect.objectContaining({ severity: "warning", code: "TARGET_BLANK", cell: "C2" }));
  });
});

describe("validateWorkbook: years", () => {
  const multiYear: Grid = [
    ["Indicatore", "Peso", "Target", "Valore 2021", "Valore 2022"],
    ["a", 100, "Anno: 2021 >= 10 Anno: 2022 >= 20 Anno: 2023 ---", 15, 15],
  ];

  it("picks each year's condition and value column", () => {
    const y2021 = validateWorkbook([sheet("A", multiYear)], { year: 2021 }).kpis[0];
    expect(y2021.target).toEqual({ op: ">=", value: 10, unit: "number" });
    expect([y2021.status, y2021.valueCell]).toEqual(["met", "D2"]);
    const y2022 = validateWorkbook([sheet("A", multiYear)], { year: 2022 }).kpis[0];
    expect(y2022.target).toEqual({ op: ">=", value: 20, unit: "number" });
    expect([y2022.status, y2022.valueCell]).toEqual(["unmet", "E2"]);
    const y2023 = validateWorkbook([sheet("A", multiYear)], { year: 2023 });
    expect(y2023.kpis[0].status).toBe("no_target");
    expect(y2023.years).toEqual([2021, 2022, 2023]);
  });

  it("uses Target YYYY columns for the chosen year", () => {
    const grid: Grid = [
      ["Codice", "Indicatore", "Peso", "Target 2021", "Valore 2021", "Target 2022", "Valore 2022"],
      ["A.1", "a", 100, ">= 10", 12, ">= 20", 12],
    ];
    const r21 = validateWorkbook([sheet("A", grid)], { year: 2021 }).kpis[0];
    expect([r21.status, r21.targetCell, r21.valueCell]).toEqual(["met", "D2", "E2"]);
    const r22 = validateWorkbook([sheet("A", grid)], { year: 2022 }).kpis[0];
    expect([r22.status, r22.targetCell, r22.valueCell]).toEqual(["unmet", "F2", "G2"]);
  });

  it("warns when a table has no column for the chosen year", () => {
    const grid: Grid = [
      ["Indicatore", "Peso", "Target 2021", "Valore 2021"],
      ["a", 100, ">= 10", 12],
    ];
    const report = validateWorkbook([sheet("A", grid)], { year: 2023 });
    expect(report.kpis[0].status).toBe("no_target");
    expect(report.problems.map((p) => p.code).sort()).toEqual(["NO_TARGET_COLUMN", "NO_VALUE_COLUMN"]);
  });

  it("defaults to the latest year that has any value", () => {
    const grid: Grid = [
      ["Indicatore", "Peso", "Target", "Valore 2021", "Valore 2022", "Valore 2023"],
      ["a", 50, "Anno: 2021 >= 1 Anno: 2022 >= 2 Anno: 2023 >= 3", 1, null, null],
      ["b", 50, "Anno: 2021 >= 1 Anno: 2022 >= 2 Anno: 2023 >= 3", null, 5, "---"],
    ];
    expect(validateWorkbook([sheet("A", grid)]).year).toBe(2022);
  });

  it("defaults to the latest target year when there are no values", () => {
    const grid: Grid = [
      ["Indicatore", "Peso", "Target", "Valore"],
      ["a", 100, "Anno: 2021 >= 1 Anno: 2024 >= 2", null],
    ];
    const report = validateWorkbook([sheet("A", grid)]);
    expect(report.year).toBe(2024);
    expect(report.kpis[0].target).toEqual({ op: ">=", value: 2, unit: "number" });
  });

  it("has no year when nothing names one, and still checks undated targets", () => {
    const report = validateWorkbook([sheet("A", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, ">= 1", 2]])]);
    expect(report.year).toBeNull();
    expect(report.years).toEqual([]);
    expect(report.kpis[0].status).toBe("met");
  });

  it("asks for a year only when a per-year target cannot be resolved without one", () => {
    // A year given explicitly that no target names: per-year targets have nothing for it.
    const report = validateWorkbook([sheet("A", [["Indicatore", "Peso", "Target", "Valore"], ["a", 100, "Anno: 2021 >= 1", 2]])], {
      year: 2030,
    });
    expect(report.kpis[0].status).toBe("no_target");
  });
});

describe("validateWorkbook: weights", () => {
  it("groups weights by Codice, filling blank codes down", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Codice", "Indicatore", "Peso", "Target", "Valore"],
        ["A.1", "a", 60, ">= 1", 1],
        [null, "b", 40, ">= 1", 1],
        ["A.2", "c", 50, ">= 1", 1],
        ["A.2", "d", 30, ">= 1", 1],
      ]),
    ]);
    expect(report.groups.map((g) => [g.owner, g.sheet, g.weightSum, g.ok, g.rows])).toEqual([
      ["A.1", "A", 100, true, [2, 3]],
      ["A.2", "A", 80, false, [4, 5]],
    ]);
    expect(report.groups[1].difference).toBeCloseTo(20, 10);
    expect(report.kpis.map((k) => k.owner)).toEqual(["A.1", "A.1", "A.2", "A.2"]);
    expect(report.problems).toEqual([
      expect.objectContaining({ severity: "error", code: "WEIGHTS_SUM", sheet: "A", cell: "C4:C5" }),
    ]);
    // 60 + 40 = 100 for A.1; 50 + 30 = 80 for A.2: 20 short.
    expect(describeIn(report.problems[0], "it")).toBe("I pesi sommano a 80 invece di 100 (20 in meno).");
  });

  it("merges one code's rows from two tables on the same sheet, not across sheets", () => {
    const t = (code: string, w: number): Grid => [
      ["Codice", "Indicatore", "Peso", "Target"],
      [code, `k${w}`, w, ">= 1"],
    ];
    const report = validateWorkbook([
      sheet("A", [...t("A.1", 60), [], ...t("A.1", 40)]),
      sheet("B", t("A.1", 100)),
    ]);
    expect(report.groups.map((g) => [g.sheet, g.owner, g.weightSum, g.ok, g.rows])).toEqual([
      ["A", "A.1", 100, true, [2, 5]],
      ["B", "A.1", 100, true, [2]],
    ]);
  });

  it("makes each table a group when there is no Codice column", () => {
    const report = validateWorkbook([
      sheet("Obiettivi", [
        ["Indicatore", "Peso", "Target"],
        ["a", 50, ">= 1"],
        ["b", 50, ">= 1"],
        [],
        ["KPI", "Weight", "Target"],
        ["c", 0.3, ">= 1"],
        ["d", 0.6, ">= 1"],
      ]),
    ]);
    expect(report.groups.map((g) => [g.owner, g.weightSum, g.ok])).toEqual([
      [null, 100, true],
      [null, 0.9, false],
    ]);
    expect(report.problems).toEqual([expect.objectContaining({ code: "WEIGHTS_SUM", cell: "B6:B7" })]);
    // 0,3 + 0,6 = 0,9 against 1: 0,1 short.
    expect(describeIn(report.problems[0], "it")).toBe("I pesi sommano a 0,9 invece di 1 (0,1 in meno).");
  });

  it("reports text, negative and blank weights as problems of their own", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Codice", "Indicatore", "Peso", "Target"],
        ["A.1", "testo", "venti", ">= 1"],
        ["A.1", "negativo", -10, ">= 1"],
        ["A.1", "vuoto", null, ">= 1"],
        ["A.1", "buono", 110, ">= 1"],
      ]),
    ]);
    const byCell = Object.fromEntries(report.problems.map((p) => [p.cell, p.code]));
    // Each bad weight once; no sum problem on top (issue 10: it listed the group twice).
    expect(byCell).toEqual({ C2: "WEIGHT_NOT_NUMBER", C3: "WEIGHT_NEGATIVE", C4: "WEIGHT_BLANK" });
    expect(describeIn(report.problems.find((p) => p.cell === "C2")!, "en")).toContain("venti");
    expect(report.groups[0].ok).toBe(false);
    expect(report.kpis.map((k) => k.weight)).toEqual([null, null, null, 110]);
  });

  it("does not add a sum problem when only unreadable weights spoil the group", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso", "Target"],
        ["a", 100, ">= 1"],
        ["b", "n.d.", ">= 1"],
      ]),
    ]);
    expect(report.problems.map((p) => p.code)).toEqual(["WEIGHT_BLANK"]);
    expect(report.groups[0]).toEqual(expect.objectContaining({ weightSum: 100, ok: false }));
  });

  it("accepts Italian weight texts and two-decimal thirds", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Peso %", "Target"],
        ["a", "33,33", ">= 1"],
        ["b", 33.33, ">= 1"],
        ["c", "33,34", ">= 1"],
      ]),
    ]);
    expect(report.groups[0].ok).toBe(true);
    expect(report.problems).toEqual([]);
  });
});

describe("validateWorkbook: workbooks made by hand", () => {
  it("skips sheets with no table, label rows and total rows, and keeps extra columns out", () => {
    const report = validateWorkbook([
      sheet("Copertina", [["Piano della performance 2021-2023"], ["Camera di commercio"]]),
      sheet(
        "KPI",
        [
          ["Responsabile", "Codice", "Indicatore", "Note", "Peso", "Target", "Misura 2021", "Valore"],
          [null, "A.1", null, null, null, null, null, null],
          ["Rossi", "A.1", "a", "x", 70, ">= 5", 999, 6],
          ["Bianchi", null, "b", "y", 30, ">= 5", 1, 4],
          [null, null, "Totale", null, 100, null, null, null],
        ],
        { origin: { row: 2, col: 1 } },
      ),
    ]);
    expect(report.summary.tables).toBe(1);
    expect(report.kpis.map((k) => [k.indicator, k.row, k.owner, k.status, k.valueCell])).toEqual([
      ["a", 5, "A.1", "met", "I5"],
      ["b", 6, "A.1", "unmet", "I6"],
    ]);
    expect(report.groups).toEqual([expect.objectContaining({ owner: "A.1", sheet: "KPI", weightSum: 100, ok: true, rows: [5, 6] })]);
    expect(report.problems).toEqual([]);
  });

  it("says so when no sheet has a KPI table", () => {
    const report = validateWorkbook([sheet("Note", [["solo testo"]])]);
    expect(report.summary.tables).toBe(0);
    expect(report.kpis).toEqual([]);
    expect(report.problems).toEqual([expect.objectContaining({ severity: "warning", code: "NO_KPI_TABLES" })]);
    expect(describeIn(report.problems[0], "en")).toMatch(/^No KPI table found/);
  });

  it("warns about a KPI row without an indicator", () => {
    const report = validateWorkbook([sheet("A", [["Indicatore", "Peso", "Target"], [null, 100, ">= 1"]])]);
    expect(report.problems).toEqual([expect.objectContaining({ severity: "warning", code: "INDICATOR_BLANK", cell: "A2" })]);
    expect(report.kpis).toHaveLength(1);
  });
});

describe("isPercentFormat", () => {
  it.each([
    ["0%", true],
    ["0.00%", true],
    ["#,##0.0%;[Red]-0.0%", true],
    ['0 "%"', false],
    ["0\\%", false],
    ["General", false],
    ["dd/mm/yyyy", false],
    [null, false],
  ])("%s -> %s", (format, expected) => {
    expect(isPercentFormat(format)).toBe(expected);
  });
});

describe("validateWorkbook: algorithm kinds", () => {
  it("classifies the algorithm column when the table has one", () => {
    const report = validateWorkbook([
      sheet("A", [
        ["Indicatore", "Algoritmo", "Peso", "Target"],
        ["a", "(X(t)-X(t-1))/X(t-1)*100", 50, ">= 15%"],
        ["b", null, 50, ">= 1"],
      ]),
      sheet("B", [["Indicatore", "Peso", "Target"], ["c", 100, ">= 1"]]),
    ]);
    expect(report.kpis.map((k) => k.algorithmKind)).toEqual(["trend_pct", null, null]);
  });
});

describe("validateWorkbook: problem order", () => {
  it("lists problems by sheet, row and column, whatever check found them", () => {
    const report = validateWorkbook([
      sheet("Primo", [
        ["Codice", "Indicatore", "Peso", "Target", "Valore"],
        ["A", "a", 50, "boh", 1],
        ["A", "b", 40, ">= 1", null],
      ]),
      sheet("Secondo", [["Indicatore", "Peso", "Target"], [null, 100, ">= 1"]]),
    ]);
    expect(report.problems.map((p) => `${p.sheet}!${p.cell} ${p.code}`)).toEqual([
      "Primo!C2:C3 WEIGHTS_SUM",
      "Primo!D2 NOT_A_TARGET",
      "Primo!E3 VALUE_MISSING",
      "Secondo!A2 INDICATOR_BLANK",
    ]);
  });
});

describe("validateWorkbook: any cell content", () => {
  const fc = require("fast-check") as typeof import("fast-check");
  const cell = fc.oneof(
    fc.constant(null),
    fc.boolean(),
    fc.double(),
    fc.integer({ min: -5, max: 200 }),
    fc.string(),
    fc.constantFrom("---", ">= 15%", "<= 31/12/2021", "Anno: 2021 >= 1 Anno: 2022 ---", "#DIV/0!", "12,5", "n.d.", "Totale", "  "),
  );
  const header = fc.constantFrom(
    ["Codice", "Indicatore", "Peso", "Target", "Valore"],
    ["Indicatore", "Peso %", "Target 2021", "Valore 2021", "Target 2022", "Valore 2022"],
    ["KPI", "Weight", "Target", "Actual 2022", "Misura 2022"],
  );

  it("never throws and always gives finite achievements and consistent counts", () => {
    fc.assert(
      fc.property(header, fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }), fc.option(fc.integer({ min: 2000, max: 2030 })), (h, body, year) => {
        const report = validateWorkbook([sheet("S", [[...h], ...body])], { year });
        const s = report.summary;
        expect(s.met + s.unmet + s.missing + s.noTarget + s.invalid).toBe(s.rows);
        for (const k of report.kpis) {
          if (k.achievement !== null) expect(Number.isFinite(k.achievement) && k.achievement >= 0 && k.achievement <= 100).toBe(true);
          if (k.value !== null) expect(Number.isFinite(k.value)).toBe(true);
        }
        for (const g of report.groups) expect(Number.isFinite(g.weightSum)).toBe(true);
        for (const p of report.problems) expect(describeIn(p, "it").length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
