import type { CellValue, SheetGrid } from "../../src/core/types";
import { validateWorkbook } from "../../src/core/validate";
import { describe as describeIn } from "../../src/core";

const sheet = (values: CellValue[][]): SheetGrid => ({ name: "Obiettivi", values });

describe("validation with targets worded as other plans word them", () => {
  it("SI/NO targets: SI, Sì, TRUE and 1 are done, NO and FALSE not, other texts are reported", () => {
    const report = validateWorkbook([
      sheet([
        ["Indicatore", "Peso", "Target", "Valore"],
        ["regolamento adottato", 20, "SI", "Sì"],
        ["sito aggiornato", 20, "SI", true],
        ["carta dei servizi", 20, "Sì", 1],
        ["reclami non risolti", 20, "NO", "NO"],
        ["piano formativo", 10, "SI", false],
        ["indagine", 10, "SI", "forse"],
      ]),
    ]);
    expect(report.kpis.map((k) => [k.indicator, k.status, k.achievement])).toEqual([
      ["regolamento adottato", "met", 100],
      ["sito aggiornato", "met", 100],
      ["carta dei servizi", "met", 100],
      ["reclami non risolti", "met", 100],
      ["piano formativo", "unmet", 0],
      ["indagine", "invalid", null],
    ]);
    const bad = report.problems.find((p) => p.cell === "D7");
    expect(bad?.code).toBe("VALUE_NOT_YES_NO");
    expect(describeIn(bad!, "it")).toContain("forse");
  });

  it("an unreadable year of a per-year target is reported for that year only", () => {
    const values: CellValue[][] = [
      ["Indicatore", "Peso", "Target", "Valore"],
      ["pratiche evase", 100, "Target 2026: almeno 10 gg. | Target 2027: circa 12", 12],
    ];
    const in2026 = validateWorkbook([sheet(values)], { year: 2026 });
    expect(in2026.kpis[0].status).toBe("met");
    expect(in2026.kpis[0].target).toEqual({ op: ">=", value: 10, unit: "number", measure: "gg." });
    expect(in2026.problems.filter((p) => p.cell === "C2")).toEqual([]);
    const in2027 = validateWorkbook([sheet(values)], { year: 2027 });
    expect(in2027.kpis[0].status).toBe("invalid");
    const p = in2027.problems.find((x) => x.cell === "C2");
    expect(p?.code).toBe("NOT_A_TARGET");
    expect(describeIn(p!, "it")).toContain("circa 12");
  });

  it("a band: inside is met, above is scored as for <= upper", () => {
    const report = validateWorkbook([
      sheet([
        ["Indicatore", "Peso", "Target", "Valore"],
        ["tasso di copertura", 50, "tra 70% e 90%", "80%"],
        ["tasso di riscossione", 50, "70% - 90%", "100%"],
      ]),
    ]);
    expect(report.kpis.map((k) => k.status)).toEqual(["met", "unmet"]);
    expect(report.kpis[1].achievement).toBeCloseTo(90, 10); // 90 / 100
  });
});
