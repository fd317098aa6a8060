import { buildWorkbook, parsePlan } from "../../src/core";
import { describe as describeIn } from "../../src/core";

/** A plan whose target names two years, the second one unreadable. */
const PLAN = [
  "## Area strategica: A Imprese",
  "",
  "### Obiettivo strategico: A.1 Crescita",
  "",
  "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget",
  "Pratiche\tNumero pratiche\t100\t---\t2021: almeno 10 gg. 2022: circa 12",
].join("\n");

describe("plan import with a per-year target whose second year is unreadable", () => {
  const plan = parsePlan(PLAN);

  it("keeps the KPI and its readable year, and reports the unreadable one on its line", () => {
    expect(plan.kpis).toHaveLength(1);
    expect(plan.kpis[0].targets[0]).toEqual({ year: 2021, condition: { op: ">=", value: 10, unit: "number", measure: "gg." } });
    const bad = plan.problems.filter((p) => p.code === "PLAN_BAD_TARGET");
    expect(bad.map((p) => p.line)).toEqual([6]);
    expect(describeIn(bad[0], "it")).toContain("circa 12");
  });

  it("writes the readable year's condition and copies the text as written for the unreadable one", () => {
    const spec = buildWorkbook(plan);
    const cells = spec.sheets.flatMap((s) => s.cells.flat());
    expect(cells).toContain(">= 10 gg.");
    // 2022's column gets the text as written, not `---`: nothing of the plan is dropped.
    // Twice: in the column of the target as written, and in 2022's target column.
    expect(cells.filter((c) => c === "2021: almeno 10 gg. 2022: circa 12")).toHaveLength(2);
    expect(cells).not.toContain("---");
  });
});
