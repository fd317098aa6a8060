/**
 * The whole plan in seeds/: parsePlan -> buildWorkbook -> a chosen set of 2021 values typed
 * into the `Valore 2021` cells (tests/support/seed-values.ts, each value's achievement noted there) ->
 * validateWorkbook -> rollupWorkbook. Every expected figure below is computed by hand in
 * the comments, from the plan's weights and 2021 targets.
 */
import { rollupJson, rollupWorkbook, type WorkbookRollup } from "../../../src/core/rollup";
import type { MeasurementRules } from "../../../src/core/types";
import { validateWorkbook } from "../../../src/core/validate";
import { gridsOf, seedWorkbook } from "../../support/seed-values";
import { describe as describeIn } from "../../../src/core";

function run(rules?: Partial<MeasurementRules>): WorkbookRollup & { get: (code: string) => number | null } {
  const sheets = gridsOf(seedWorkbook());
  const report = validateWorkbook(sheets, { year: 2021, rules });
  const result = rollupWorkbook(report, sheets, rules ? { rules } : {});
  const get = (code: string) => {
    const n = result.nodes.find((x) => x.code === code);
    if (!n) throw new Error(`no node ${code}`);
    return n.achievement;
  };
  return { ...result, get };
}

describe("the seed plan rolled up for 2021 (hand-computed)", () => {
  const r = run();

  it("uses the workbook's tree and the default rules", () => {
    expect(r.tree).toBe("sheet");
    expect(r.rules.missing).toBe("skip");
    expect(r.nodes.filter((n) => n.kind === "area").map((n) => n.code)).toEqual(["A", "B", "C"]);
  });

  it("area B, action by action", () => {
    // B.1.1.1: (60*80 + 40*100)/100 = (4800 + 4000)/100 = 88
    expect(r.get("B.1.1.1")).toBeCloseTo(88, 9);
    // B.1.1.2: 80
    expect(r.get("B.1.1.2")).toBeCloseTo(80, 9);
    // B.1.1: "Media ponderata delle azioni" >= 100%: (88 + 80)/2 = 84 -> 84
    expect(r.get("B.1.1")).toBeCloseTo(84, 9);
    // B.1.2.1: the trend is missing, skipped: 50*90/50 = 90
    expect(r.get("B.1.2.1")).toBeCloseTo(90, 9);
    // B.1.2.2: (25*100 + 50*75 + 25*0)/100 = (2500 + 3750 + 0)/100 = 62.5
    expect(r.get("B.1.2.2")).toBeCloseTo(62.5, 9);
    // B.1.2: (90 + 62.5)/2 = 76.25
    expect(r.get("B.1.2")).toBeCloseTo(76.25, 9);
    // B.1.3: 100
    expect(r.get("B.1.3")).toBe(100);
    // B.1 is measured by its own two trend KPIs (no "media ponderata" among them):
    //   (50*100 + 50*60)/100 = 80
    expect(r.get("B.1")).toBeCloseTo(80, 9);
    // B.2.1.1: (60*100 + 40*90)/100 = (6000 + 3600)/100 = 96
    expect(r.get("B.2.1.1")).toBeCloseTo(96, 9);
    // B.2.1.2: (50*75 + 50*100)/100 = 87.5
    expect(r.get("B.2.1.2")).toBeCloseTo(87.5, 9);
    // B.2.1.3: 50
    expect(r.get("B.2.1.3")).toBeCloseTo(50, 9);
    // B.2.1: (96 + 87.5 + 50)/3 = 233.5/3 = 77.8333...
    expect(r.get("B.2.1")).toBeCloseTo(233.5 / 3, 9);
    // B.2.2: (30*100 + 40*80 + 30*100)/100 = (3000 + 3200 + 3000)/100 = 92
    expect(r.get("B.2.2")).toBeCloseTo(92, 9);
    // B.2: "Media ponderata degli obiettivi operativi" (70), 2021 >= 100%:
    //   (77.8333... + 92)/2 = 169.8333.../2 = 84.91666...
    //   Proventi/Costi (30): 80
    //   (70*84.91666... + 30*80)/100 = (5944.1666... + 2400)/100 = 83.441666...
    expect(r.get("B.2")).toBeCloseTo((70 * ((233.5 / 3 + 92) / 2) + 30 * 80) / 100, 9);
    expect(r.get("B.2")).toBeCloseTo(83.4416667, 6);
    // B: (80 + 83.441666...)/2 = 81.720833...
    expect(r.get("B")).toBeCloseTo(81.7208333, 6);
  });

  it("areas A and C", () => {
    // A.1: the digitalisation trend is missing, skipped:
    //   (20*100 + 20*100 + 20*60 + 20*80)/80 = 6800/80 = 85; A has only A.1: 85
    expect(r.get("A.1")).toBeCloseTo(85, 9);
    expect(r.get("A")).toBeCloseTo(85, 9);
    // C.1.1: children with data C.1.1.1 (7/8 = 87.5) and C.1.1.2 (100); the other five are
    //   skipped: (87.5 + 100)/2 = 93.75
    expect(r.get("C.1.1.1")).toBeCloseTo(87.5, 9);
    expect(r.get("C.1.1")).toBeCloseTo(93.75, 9);
    // C.1.2: C.1.2.2 (late, 0) and C.1.2.6 (95): (0 + 95)/2 = 47.5
    expect(r.get("C.1.2")).toBeCloseTo(47.5, 9);
    // C.1, weights 33,33 / 33,33 / 33,34:
    //   media ponderata degli obiettivi operativi: (93.75 + 47.5)/2 = 70.625
    //   tempestività 80, customer satisfaction 100
    //   (33.33*70.625 + 33.33*80 + 33.34*100)/100 = (2353.93125 + 2666.4 + 3334)/100 = 83.5433125
    expect(r.get("C.1")).toBeCloseTo(83.5433125, 9);
    // C.2: proventi accertati missing, skipped:
    //   (20*90 + 15*100 + 15*90 + 20*80 + 15*100)/85 = (1800 + 1500 + 1350 + 1600 + 1500)/85 = 7750/85 = 91.17647...
    expect(r.get("C.2")).toBeCloseTo(7750 / 85, 9);
    // C: (83.5433125 + 91.1764706)/2 = 87.3598915...
    expect(r.get("C")).toBeCloseTo((83.5433125 + 7750 / 85) / 2, 9);
  });

  it("counts, bands and the JSON shape of kpi check", () => {
    const json = rollupJson(r.nodes);
    const b122 = json.find((e) => e.code === "B.1.2.2");
    expect(b122).toEqual({ code: "B.1.2.2", kind: "action", achievement: expect.any(Number), kpis: 3, missing: 0, band: "red" });
    const b121 = r.nodes.find((n) => n.code === "B.1.2.1");
    expect(b121).toMatchObject({ kpis: 2, missing: 1, met: 0, unmet: 1, band: "green" });
    // B.1.2.2: one met (5,5 >= 5%), two unmet (15 < 20%, late)
    expect(r.nodes.find((n) => n.code === "B.1.2.2")).toMatchObject({ met: 1, unmet: 2 });
    // A.1.3's "media ponderata" has no action with data: its KPI is missing and reported.
    expect(json.find((e) => e.code === "A.1.3")).toEqual({ code: "A.1.3", kind: "operational", achievement: null, kpis: 1, missing: 1, band: null });
    expect(r.problems.some((p) => p.code === "ROLLUP_CHILDREN_NO_DATA" && describeIn(p, "it").includes("A.1.3"))).toBe(true);
    // Children without data in C.1.1 are reported, one by one.
    expect(r.problems.filter((p) => p.code === "ROLLUP_CHILD_SKIPPED" && describeIn(p, "it").includes("media di C.1.1")).length).toBe(5);
    // The program nodes are kept, with no figure of their own.
    expect(json.find((e) => e.code === "B.2/P1")).toMatchObject({ kind: "program", achievement: null });
  });

  it("missing values counted as zero", () => {
    const z = run({ missing: "zero" });
    // A.1: 6800/100 = 68
    expect(z.get("A")).toBeCloseTo(68, 9);
    // B.1.2.1: (50*90 + 50*0)/100 = 45; B.1.2: (45 + 62.5)/2 = 53.75; B.1 unchanged (80)
    expect(z.get("B.1.2")).toBeCloseTo(53.75, 9);
    expect(z.get("B")).toBeCloseTo((80 + 83.4416667) / 2, 6);
    // C.1.1: (87.5 + 100 + 0*5)/7 = 187.5/7; C.1.2: (0 + 95 + 0*8)/10 = 9.5
    // C.1: (33.33*((187.5/7 + 9.5)/2) + 33.33*80 + 33.34*100)/100
    const c1 = (33.33 * ((187.5 / 7 + 9.5) / 2) + 33.33 * 80 + 33.34 * 100) / 100;
    expect(z.get("C.1")).toBeCloseTo(c1, 9);
    // C.2: 7750/100 = 77.5
    expect(z.get("C.2")).toBeCloseTo(77.5, 9);
    expect(z.get("C")).toBeCloseTo((c1 + 77.5) / 2, 9);
  });

  it("lower is better, linear rule", () => {
    const l = run({ lowerIsBetter: "linear" });
    // C.1.1.1: (2*7 - 8)/7 = 6/7 -> 85.714...; C.1.1 = (600/7 + 100)/2
    expect(l.get("C.1.1.1")).toBeCloseTo(600 / 7, 9);
    // C.1: (33.33*((600/7 + 100)/2 + 47.5)/2 ... written out:
    //   P = ((600/7 + 100)/2 + 47.5)/2; tempestività (2*1 - 1.25)/1 = 75
    const p = ((600 / 7 + 100) / 2 + 47.5) / 2;
    expect(l.get("C.1")).toBeCloseTo((33.33 * p + 33.33 * 75 + 33.34 * 100) / 100, 9);
  });
});
