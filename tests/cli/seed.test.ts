/**
 * The plan in seeds/ end to end: `kpi import --json`, the imported workbook checked as it is,
 * then edited with ExcelJS the way a user edits it in Excel, and checked again.
 */
import ExcelJS from "exceljs";
import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../src/core/plan/parse";
import { parseTarget } from "../../src/core/targets";
import { isKpiError } from "../../src/core/errors";
import { kpi, SEED, sha256, useTempDir } from "../support/cli";

interface PlanJson {
  nodes: { code: string; kind: string; title: string; parent: string | null; units: string[] }[];
  kpis: {
    owner: string;
    indicator: string;
    algorithm: string;
    algorithmKind: string;
    weight: number | null;
    baseline: number | null;
    target: string;
    targets: { year: number | null; op: string | null; value: number | string | null; unit: string | null }[];
  }[];
  problems: unknown[];
}

interface CheckJson {
  year: number;
  groups: { owner: string | null; sheet: string; weightSum: number; ok: boolean }[];
  kpis: { sheet: string; row: number; owner: string | null; status: string; achievement: number | null; value: unknown }[];
  problems: { severity: string; code: string; sheet: string; cell: string; message: string }[];
}

const seedText = readFileSync(SEED, "utf8");
let dir: string;
useTempDir("kpi-seed-", (d) => (dir = d));

describe("kpi import --json on the seed plan", () => {
  let plan: PlanJson;
  beforeAll(async () => {
    const r = await kpi(["import", SEED, "--json"], { cwd: dir });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    plan = JSON.parse(r.stdout) as PlanJson;
  });

  it("has every heading and every KPI row of the text", () => {
    // Counted here from the text itself: labelled headings, and 5-cell tab rows minus the table headers.
    const headings = seedText.split("\n").filter((l) => /^\W*(area strategica|obiettivo strategico|programma|obiettivo operativo|azione)\b/i.test(l));
    const rows = seedText.split("\n").filter((l) => l.split("\t").length === 5 && !/Indicatori testo/.test(l));
    expect(headings).toHaveLength(57);
    expect(rows).toHaveLength(93);
    expect(plan.nodes).toHaveLength(headings.length);
    expect(plan.kpis).toHaveLength(rows.length);
    expect(plan.problems).toEqual([]);
    const kinds = plan.nodes.reduce<Record<string, number>>((m, n) => ({ ...m, [n.kind]: (m[n.kind] ?? 0) + 1 }), {});
    // Counted by hand from the headings' labels (grep | cut | uniq).
    expect(kinds).toEqual({ area: 3, strategic: 5, program: 5, operational: 13, action: 31 });
  });

  it("agrees with the parser called directly", () => {
    const direct = parsePlan(seedText);
    expect(plan.nodes.map((n) => n.code)).toEqual(direct.nodes.map((n) => n.code));
    expect(plan.kpis.map((k) => [k.owner, k.weight, k.baseline])).toEqual(direct.kpis.map((k) => [k.owner, k.weight, k.baseline]));
  });

  it("writes nodes with code, kind, parent and normalised units", () => {
    const node = (code: string) => plan.nodes.find((n) => n.code === code);
    expect(node("A")).toEqual({ code: "A", kind: "area", title: "Competitività e sviluppo delle imprese", parent: null, units: [] });
    expect(node("A.1.3.1")).toEqual({ code: "A.1.3.1", kind: "action", title: "Progetto “Formazione lavoro”", parent: "A.1.3", units: ["STAFF 6", "STAFF 7"] });
    // Written "A.1.4.1." in the text.
    expect(node("A.1.4.1")).toEqual(expect.objectContaining({ kind: "action", parent: "A.1.4", units: ["S. 2.2"] }));
    expect(node("A.1/P1")).toEqual(expect.objectContaining({ kind: "program", title: "Sostegno alle imprese", parent: "A.1" }));
  });

  it("writes KPIs with weights, baselines and per-year targets, percentages and ISO dates", () => {
    expect(plan.kpis[0]).toEqual({
      owner: "A.1",
      indicator: "Soggetti coinvolti nei servizi e nelle iniziative dedicate alla promozione della cultura e del turismo",
      algorithm: "(Numero soggetti(t)-Numero soggetti(t-1))/Numero soggetti(t-1)*100",
      algorithmKind: "trend_pct",
      weight: 20,
      baseline: 581,
      target: "Anno: 2021 >= +15% Anno: 2022 >= +15% Anno: 2023 >= +15%",
      targets: [
        { year: 2021, op: ">=", value: 15, unit: "percent" },
        { year: 2022, op: ">=", value: 15, unit: "percent" },
        { year: 2023, op: ">=", value: 15, unit: "percent" },
      ],
    });
    expect(plan.kpis[2].targets).toEqual([
      { year: 2021, op: ">=", value: 15, unit: "percent" },
      { year: 2022, op: ">=", value: 10, unit: "percent" },
      { year: 2023, op: null, value: null, unit: null },
    ]);
    const deadline = plan.kpis.find((k) => k.indicator === "Predisposizione procedure gestionali e modulistica");
    expect(deadline).toEqual(
      expect.objectContaining({ owner: "A.1.2", weight: 20, baseline: null, targets: [{ year: null, op: "<=", value: "2021-12-31", unit: "date" }] }),
    );
    expect(plan.kpis.find((k) => k.owner === "B.1" && k.baseline === 17835)?.weight).toBe(50);
  });
});

describe("kpi import writes a workbook", () => {
  it("to <plan name>.xlsx in the current folder by default, with a summary", async () => {
    const before = sha256(SEED);
    const r = await kpi(["import", SEED], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Piano letto: 57 nodi, 93 KPI, 0 problemi\./);
    expect(r.stdout).toContain("Cartella di lavoro scritta: 000_30336ea7c660fe63.xlsx");
    expect(existsSync(join(dir, "000_30336ea7c660fe63.xlsx"))).toBe(true);
    expect(sha256(SEED)).toBe(before);
  });

  it("refuses a plan that is not text", async () => {
    const r = await kpi(["import", join(dir, "000_30336ea7c660fe63.xlsx")], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^kpi: .*non è un file di testo \(ZIP\/xlsx\/docx\)/);
  });
});

describe("kpi check on the imported workbook", () => {
  const book = () => join(dir, "piano.xlsx");
  beforeAll(async () => {
    const r = await kpi(["import", SEED, "-o", "piano.xlsx"], { cwd: dir });
    expect(r.code).toBe(0);
  });

  it("reports every weight group valid and every KPI found", async () => {
    const r = await kpi(["check", "piano.xlsx", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CheckJson;
    const plan = parsePlan(seedText);
    expect(j.kpis).toHaveLength(plan.kpis.length);
    expect(j.groups).toHaveLength(new Set(plan.kpis.map((k) => k.owner)).size);
    expect(j.groups.filter((g) => !g.ok)).toEqual([]);
    expect(j.problems.filter((p) => p.severity === "error")).toEqual([]);
    // Nothing typed yet: the latest target year, every value missing except where there is no target.
    expect(j.year).toBe(2023);
    expect(new Set(j.kpis.map((k) => k.status))).toEqual(new Set(["missing", "no_target"]));
  });

  it("reads the workbook imported with English headers the same way", async () => {
    const imported = await kpi(["import", SEED, "-o", "plan-en.xlsx", "--lang", "en"], { cwd: dir });
    expect(imported.code).toBe(0);
    const r = await kpi(["check", "plan-en.xlsx", "--json"], { cwd: dir });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as CheckJson;
    expect(j.kpis).toHaveLength(93);
    expect(j.groups).toHaveLength(49);
    expect(j.groups.every((g) => g.ok)).toBe(true);
    expect(j.year).toBe(2023);
  });

  it("reports the exact groups, cells and statuses after edits in the workbook", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(book());
    const A = wb.getWorksheet("A") as ExcelJS.Worksheet;
    const B = wb.getWorksheet("B") as ExcelJS.Worksheet;
    const C = wb.getWorksheet("C") as ExcelJS.Worksheet;
    // The columns this test edits, as the import lays them out.
    expect([A.getCell("E1").value, A.getCell("K1").value, A.getCell("M1").value]).toEqual(["Peso", "Target 2022", "Valore 2022"]);
    expect([A.getCell("C3").value, A.getCell("K3").value]).toEqual([
      "Grado di soddisfazione dei soggetti partecipanti alle iniziative realizzate",
      ">= 7",
    ]);
    A.getCell("M3").value = 8; // >= 7: met
    A.getCell("M24").value = 6; // >= 7: unmet, 6/7
    A.getCell("E7").value = 50; // A.1.1: 50 + 60 = 110
    A.getCell("K9").value = "entro breve"; // not a target
    A.getCell("M19").value = new Date(Date.UTC(2021, 10, 15)); // <= 30/11/2021: met
    A.getCell("M13").value = new Date(Date.UTC(2022, 1, 1)); // <= 31/12/2021: late
    // Excel recalculated the trend formula: its cached result is the value (>= 15%: unmet, 12.5/15).
    const m2 = A.getCell("M2").value as ExcelJS.CellFormulaValue;
    A.getCell("M2").value = { formula: m2.formula, result: 12.5 };
    B.getCell("E5").value = "dieci"; // B.1.1.1: text weight, 40 left
    B.getCell("M9").value = "7,5"; // text, Italian decimal: met
    C.getCell("M3").value = 1.25; // <= 1: unmet, 1/1.25
    await wb.xlsx.writeFile(join(dir, "modificato.xlsx"));

    const before = sha256(join(dir, "modificato.xlsx"));
    const r = await kpi(["check", "modificato.xlsx", "--year", "2022", "--json", "-o", "evidenziato.xlsx"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(sha256(join(dir, "modificato.xlsx"))).toBe(before);
    const j = JSON.parse(r.stdout) as CheckJson;

    expect(j.groups.filter((g) => !g.ok)).toEqual([
      { owner: "A.1.1", sheet: "A", weightSum: 110, ok: false },
      { owner: "B.1.1.1", sheet: "B", weightSum: 40, ok: false },
    ]);
    const parseCode = parseTarget("entro breve");
    if (!isKpiError(parseCode)) throw new Error("expected a target error");
    expect(j.problems.filter((p) => p.severity === "error").map((p) => [p.code, p.sheet, p.cell])).toEqual([
      ["WEIGHTS_SUM", "A", "E7:E8"],
      [parseCode.code, "A", "K9"],
      // The text weight is listed once: no sum problem for its group on top of it.
      ["WEIGHT_NOT_NUMBER", "B", "E5"],
    ]);
    const byStatus = (s: string) => j.kpis.filter((k) => k.status === s).map((k) => `${k.sheet}${k.row}`);
    expect(byStatus("met")).toEqual(["A3", "A19", "B9"]);
    expect(byStatus("unmet")).toEqual(["A2", "A13", "A24", "C3"]);
    expect(byStatus("invalid")).toEqual(["A9"]);
    const ach = (sheet: string, row: number) => j.kpis.find((k) => k.sheet === sheet && k.row === row)?.achievement;
    expect(ach("A", 2)).toBeCloseTo((12.5 / 15) * 100, 2);
    expect(ach("A", 13)).toBe(0);
    expect(ach("A", 24)).toBeCloseTo((6 / 7) * 100, 2);
    expect(ach("C", 3)).toBeCloseTo((1 / 1.25) * 100, 2);
    expect(j.kpis.find((k) => k.sheet === "A" && k.row === 19)?.value).toBe("2021-11-15");

    // The highlighted copy marks exactly those value cells (column M = Valore 2022).
    const marked = new ExcelJS.Workbook();
    await marked.xlsx.readFile(join(dir, "evidenziato.xlsx"));
    const ours = (name: string) =>
      (marked.getWorksheet(name) as unknown as { conditionalFormattings: { ref: string; rules: { type: string; priority: number }[] }[] }).conditionalFormattings
        .filter((cf) => cf.rules[0].type === "expression" && cf.rules[0].priority <= 3)
        .map((cf) => cf.ref);
    const a = ours("A");
    expect(a[0]).toBe("M2 M13 M24"); // unmet
    expect(a[2]).toBe("M3 M19"); // met
    expect(a[1].split(" ")).not.toContain("M9"); // the invalid row is not marked
  });
});
