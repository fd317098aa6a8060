import { dateToSerial } from "../../../src/core/dates";
import type { RollupNode } from "../../../src/core";
import { rollup, type RollupKpi, type RollupTreeNode } from "../../../src/core/rollup";
import type { Condition, KpiStatus, MeasurementRules } from "../../../src/core/types";
import { describe as describeIn, NO_OWNER_CODE, ownerLabel } from "../../../src/core";

/** A KPI row measured in the sheet: value against target, status as the checker would give it. */
function measured(owner: string, weight: number | null, value: number | null, target: Condition, met: boolean): RollupKpi {
  const status: KpiStatus = value === null ? "missing" : met ? "met" : "unmet";
  return { owner, weight, value, target, status, achievement: null, algorithmKind: "direct", indicator: `${owner} kpi` };
}
/** A KPI row given by its achievement only (as a custom function or another tool computed it). */
function scored(owner: string, weight: number | null, achievement: number | null, status?: KpiStatus): RollupKpi {
  return {
    owner,
    weight,
    achievement,
    status: status ?? (achievement === null ? "missing" : achievement >= 100 ? "met" : "unmet"),
    algorithmKind: "count",
  };
}
/** "Media ponderata delle azioni*100" with target >= 100%: its value comes from the children. */
function meanOfChildren(owner: string, weight: number, target: Condition | null = pct(">=", 100)): RollupKpi {
  return { owner, weight, value: null, target, status: "missing", achievement: null, algorithmKind: "weighted_mean", indicator: `Media ponderata ${owner}` };
}
function pct(op: Condition["op"], value: number): Condition {
  return { op, value, unit: "percent" };
}
function num(op: Condition["op"], value: number): Condition {
  return { op, value, unit: "number" };
}
function byCode(nodes: readonly RollupNode[]): Map<string, RollupNode> {
  return new Map(nodes.map((n) => [n.code, n]));
}
function ach(nodes: readonly RollupNode[], code: string): number | null {
  const n = byCode(nodes).get(code);
  if (!n) throw new Error(`no node ${code}`);
  return n.achievement;
}

const DEADLINE = dateToSerial(2021, 12, 31);

/**
 *   A (area)
 *   ├─ A.1 (strategic)   KPIs: media ponderata degli obiettivi operativi (70), Proventi/Costi >= 40% (30)
 *   │  ├─ A.1/P1 (program: a grouping node, looked through)
 *   │  ├─ A.1.1 (operational)  KPI: media ponderata delle azioni (100)
 *   │  │  ├─ A.1.1.1 (action)  KPIs: count >= 10 (60), count >= 10 (40)
 *   │  │  └─ A.1.1.2 (action)  KPI: count >= 10 (100)
 *   │  └─ A.1.2 (operational)  KPI: deadline <= 31/12/2021 (100)
 *   └─ A.2 (strategic)   KPI: days <= 10 (lower is better) (100)
 */
const TREE: RollupTreeNode[] = [
  { code: "A", kind: "area", title: "Imprese", parent: null },
  { code: "A.1", kind: "strategic", title: "Crescita", parent: "A" },
  { code: "A.1/P1", kind: "program", title: "Sostegno", parent: "A.1" },
  { code: "A.1.1", kind: "operational", title: "Servizi", parent: "A.1" },
  { code: "A.1.1.1", kind: "action", title: "Azione uno", parent: "A.1.1" },
  { code: "A.1.1.2", kind: "action", title: "Azione due", parent: "A.1.1" },
  { code: "A.1.2", kind: "operational", title: "Accreditamento", parent: "A.1" },
  { code: "A.2", kind: "strategic", title: "Tempi", parent: "A" },
];

interface Scenario {
  a1111second?: number | null; // value of A.1.1.1's second KPI (target >= 10)
  a1112?: number | null; // value of A.1.1.2's KPI (target >= 10)
  doneOn?: number | null; // completion date of A.1.2's deadline
  days?: number; // A.2's days against <= 10
}
function kpis(s: Scenario = {}): RollupKpi[] {
  const second = s.a1111second === undefined ? 5 : s.a1111second;
  const a1112 = s.a1112 === undefined ? 7 : s.a1112;
  const doneOn = s.doneOn === undefined ? DEADLINE - 30 : s.doneOn;
  const days = s.days ?? 12;
  return [
    meanOfChildren("A.1", 70),
    measured("A.1", 30, 30, pct(">=", 40), false),
    meanOfChildren("A.1.1", 100),
    measured("A.1.1.1", 60, 12, num(">=", 10), true),
    measured("A.1.1.1", 40, second, num(">=", 10), second !== null && second >= 10),
    measured("A.1.1.2", 100, a1112, num(">=", 10), a1112 !== null && a1112 >= 10),
    measured("A.1.2", 100, doneOn, { op: "<=", value: DEADLINE, unit: "date" }, doneOn !== null && doneOn <= DEADLINE),
    measured("A.2", 100, days, num("<=", 10), days <= 10),
  ];
}

describe("rollup: the cascade actions -> operational -> strategic -> area", () => {
  it("computes every node by hand (default rules: ratio, skip, no threshold)", () => {
    const { nodes, problems } = rollup({ nodes: TREE, kpis: kpis() });
    // A.1.1.1: 12 vs >= 10 is met -> 100 (capped: 120% counts as 100); 5 vs >= 10 -> 50.
    //          (60*100 + 40*50) / (60+40) = (6000 + 2000) / 100 = 80
    expect(ach(nodes, "A.1.1.1")).toBeCloseTo(80, 10);
    // A.1.1.2: 7 vs >= 10 -> 70
    expect(ach(nodes, "A.1.1.2")).toBeCloseTo(70, 10);
    // A.1.1: its only KPI is the mean of the actions, equal weights: (80 + 70) / 2 = 75,
    //        measured against >= 100%: 75/100*100 = 75
    expect(ach(nodes, "A.1.1")).toBeCloseTo(75, 10);
    // A.1.2: done 30 days before the deadline -> 100
    expect(ach(nodes, "A.1.2")).toBe(100);
    // A.1: mean of the operational objectives (program looked through): (75 + 100) / 2 = 87.5
    //      Proventi/Costi 30 vs >= 40%: 30/40 = 75
    //      (70*87.5 + 30*75) / 100 = (6125 + 2250) / 100 = 83.75
    expect(ach(nodes, "A.1")).toBeCloseTo(83.75, 10);
    // A.2: 12 days vs <= 10, ratio rule: 10/12*100 = 83.333...
    expect(ach(nodes, "A.2")).toBeCloseTo(250 / 3, 10);
    // A: no KPIs, mean of its strategic objectives: (83.75 + 83.3333...) / 2 = 83.541666...
    expect(ach(nodes, "A")).toBeCloseTo((83.75 + 250 / 3) / 2, 10);
    expect(problems).toEqual([]);
  });

  it("gives the counts, the bands and the tree order", () => {
    const { nodes } = rollup({ nodes: TREE, kpis: kpis() });
    const m = byCode(nodes);
    // A.1.1.1: one met (12 >= 10), one unmet (5 < 10).
    expect(m.get("A.1.1.1")).toMatchObject({ kpis: 2, met: 1, unmet: 1, missing: 0, band: "amber", depth: 3, basis: "kpis" });
    // 70 is not below 70: amber, not red.
    expect(m.get("A.1.1.2")).toMatchObject({ band: "amber" });
    expect(m.get("A.1.2")).toMatchObject({ band: "green", met: 1 });
    // The area has no KPIs: its figure comes from the children.
    expect(m.get("A")).toMatchObject({ kpis: 0, basis: "children", depth: 0, parent: null });
    // The program is shown but measures nothing (its objectives hang under A.1 in the tree).
    expect(m.get("A.1/P1")).toMatchObject({ achievement: null, band: null, basis: "none" });
    expect(nodes.map((n) => n.code)).toEqual(["A", "A.1", "A.1/P1", "A.1.1", "A.1.1.1", "A.1.1.2", "A.1.2", "A.2"]);
  });

  it("looks through programs when the operational objectives hang under the program", () => {
    const tree = TREE.map((n) => (n.kind === "operational" ? { ...n, parent: "A.1/P1" } : n));
    const { nodes } = rollup({ nodes: tree, kpis: kpis() });
    // Same figures as above: A.1's children are still A.1.1 (75) and A.1.2 (100) -> 83.75.
    expect(ach(nodes, "A.1")).toBeCloseTo(83.75, 10);
    // The program itself shows the mean of its objectives: (75 + 100) / 2 = 87.5.
    expect(ach(nodes, "A.1/P1")).toBeCloseTo(87.5, 10);
  });

  it("a deadline missed scores 0 and pulls the cascade down", () => {
    const { nodes } = rollup({ nodes: TREE, kpis: kpis({ doneOn: DEADLINE + 1 }) });
    expect(ach(nodes, "A.1.2")).toBe(0);
    // A.1: children (75 + 0) / 2 = 37.5; (70*37.5 + 30*75) / 100 = (2625 + 2250) / 100 = 48.75
    expect(ach(nodes, "A.1")).toBeCloseTo(48.75, 10);
    expect(byCode(nodes).get("A.1")?.band).toBe("red");
    expect(byCode(nodes).get("A.1.2")).toMatchObject({ met: 0, unmet: 1 });
    // Done on the very day: met.
    expect(ach(rollup({ nodes: TREE, kpis: kpis({ doneOn: DEADLINE }) }).nodes, "A.1.2")).toBe(100);
  });

  it("lower is better under both rules", () => {
    // ratio: 10/12 = 83.333...; linear: (2*10 - 12)/10 = 0.8 -> 80
    const ratio = rollup({ nodes: TREE, kpis: kpis() }, { rules: { lowerIsBetter: "ratio" } }).nodes;
    const linear = rollup({ nodes: TREE, kpis: kpis() }, { rules: { lowerIsBetter: "linear" } }).nodes;
    expect(ach(ratio, "A.2")).toBeCloseTo(83.3333333333, 8);
    expect(ach(linear, "A.2")).toBeCloseTo(80, 10);
    // A under linear: (83.75 + 80) / 2 = 81.875
    expect(ach(linear, "A")).toBeCloseTo(81.875, 10);
    // 20 days: ratio 10/20 = 50; linear (20 - 20)/10 = 0
    expect(ach(rollup({ nodes: TREE, kpis: kpis({ days: 20 }) }, { rules: { lowerIsBetter: "ratio" } }).nodes, "A.2")).toBeCloseTo(50, 10);
    expect(ach(rollup({ nodes: TREE, kpis: kpis({ days: 20 }) }, { rules: { lowerIsBetter: "linear" } }).nodes, "A.2")).toBe(0);
  });

  it("a missing value, skipped (default) or counted as zero", () => {
    const input = { nodes: TREE, kpis: kpis({ a1111second: null }) };
    const skip = rollup(input, { rules: { missing: "skip" } }).nodes;
    const zero = rollup(input, { rules: { missing: "zero" } }).nodes;
    // skip: only the first KPI counts, its weight renormalised: 60*100 / 60 = 100
    expect(ach(skip, "A.1.1.1")).toBeCloseTo(100, 10);
    // zero: (60*100 + 40*0) / 100 = 60
    expect(ach(zero, "A.1.1.1")).toBeCloseTo(60, 10);
    expect(byCode(skip).get("A.1.1.1")).toMatchObject({ kpis: 2, missing: 1, met: 1, unmet: 0 });
    expect(byCode(zero).get("A.1.1.1")).toMatchObject({ kpis: 2, missing: 1 });
    // Up the tree. skip: A.1.1 = (100 + 70)/2 = 85; A.1 = (70*(85+100)/2 + 30*75)/100
    //   = (70*92.5 + 2250)/100 = (6475 + 2250)/100 = 87.25
    expect(ach(skip, "A.1.1")).toBeCloseTo(85, 10);
    expect(ach(skip, "A.1")).toBeCloseTo(87.25, 10);
    // zero: A.1.1 = (60 + 70)/2 = 65; A.1 = (70*(65+100)/2 + 2250)/100 = (70*82.5 + 2250)/100
    //   = (5775 + 2250)/100 = 80.25
    expect(ach(zero, "A.1.1")).toBeCloseTo(65, 10);
    expect(ach(zero, "A.1")).toBeCloseTo(80.25, 10);
  });

  it("the default missing policy is skip", () => {
    const input = { nodes: TREE, kpis: kpis({ a1111second: null }) };
    expect(ach(rollup(input).nodes, "A.1.1.1")).toBeCloseTo(100, 10);
  });

  it("a child with no data is reported, and skipped or counted as zero", () => {
    const input = { nodes: TREE, kpis: kpis({ a1112: null }) };
    const skip = rollup(input, { rules: { missing: "skip" } });
    const zero = rollup(input, { rules: { missing: "zero" } });
    expect(ach(skip.nodes, "A.1.1.2")).toBeNull();
    expect(byCode(skip.nodes).get("A.1.1.2")).toMatchObject({ kpis: 1, missing: 1, band: null, basis: "none" });
    // skip: A.1.1 = mean of A.1.1.1 alone = 80; zero: (80 + 0)/2 = 40
    expect(ach(skip.nodes, "A.1.1")).toBeCloseTo(80, 10);
    expect(ach(zero.nodes, "A.1.1")).toBeCloseTo(40, 10);
    expect(skip.problems.map((p) => p.code)).toEqual(["ROLLUP_CHILD_SKIPPED"]);
    expect(describeIn(skip.problems[0], "it")).toContain("A.1.1.2");
    expect(zero.problems.map((p) => p.code)).toEqual(["ROLLUP_CHILD_ZERO"]);
  });

  it("a weighted-mean KPI whose children all lack data is missing, and reported", () => {
    const input = { nodes: TREE, kpis: kpis({ a1112: null }).filter((k) => k.owner !== "A.1.1.1") };
    const { nodes, problems } = rollup(input);
    // A.1.1 has only the mean-of-children KPI and no child has data: no performance.
    expect(ach(nodes, "A.1.1")).toBeNull();
    expect(byCode(nodes).get("A.1.1")).toMatchObject({ kpis: 1, missing: 1 });
    expect(problems.map((p) => p.code)).toContain("ROLLUP_CHILDREN_NO_DATA");
    // A.1 then averages A.1.2 alone (skip): (70*100 + 30*75)/100 = 92.5
    expect(ach(nodes, "A.1")).toBeCloseTo(92.5, 10);
  });

  it("a weighted-mean KPI measured against a target below 100", () => {
    // A.1.1's KPI target >= 80%: the actions' mean 75 gives 75/80*100 = 93.75
    const list = kpis().map((k) => (k.owner === "A.1.1" ? meanOfChildren("A.1.1", 100, pct(">=", 80)) : k));
    expect(ach(rollup({ nodes: TREE, kpis: list }).nodes, "A.1.1")).toBeCloseTo(93.75, 10);
  });

  it("a weighted-mean KPI with no target for the year is not measured that year", () => {
    const list = kpis().map((k) => (k.owner === "A.1" && k.algorithmKind === "weighted_mean" ? { ...k, target: null, status: "no_target" as const } : k));
    const n = byCode(rollup({ nodes: TREE, kpis: list }).nodes).get("A.1");
    // Only Proventi/Costi is left: 75
    expect(n?.achievement).toBeCloseTo(75, 10);
    expect(n?.kpis).toBe(1);
  });
});

describe("rollup: weights", () => {
  it("fractional weights give the same mean as percentages, capped before averaging", () => {
    const tree: RollupTreeNode[] = [{ code: "C.1.1", kind: "operational", title: "Qualità", parent: null }];
    const fractions = [
      // 30 vs >= 20: 150%, capped at 100 before averaging
      measured("C.1.1", 0.2, 30, num(">=", 20), true),
      // 5 vs >= 10: 50
      measured("C.1.1", 0.3, 5, num(">=", 10), false),
      // 8 vs >= 10: 80
      measured("C.1.1", 0.5, 8, num(">=", 10), false),
    ];
    // 0.2*100 + 0.3*50 + 0.5*80 = 20 + 15 + 40 = 75 (uncapped it would be 30 + 15 + 40 = 85)
    expect(ach(rollup({ nodes: tree, kpis: fractions }).nodes, "C.1.1")).toBeCloseTo(75, 10);
    const percents = fractions.map((k) => ({ ...k, weight: (k.weight as number) * 100 }));
    expect(ach(rollup({ nodes: tree, kpis: percents }).nodes, "C.1.1")).toBeCloseTo(75, 10);
  });

  it("the fractional objective 33,34 / 33,33 / 33,33", () => {
    const tree: RollupTreeNode[] = [{ code: "C.1", kind: "strategic", title: "Efficienza", parent: null }];
    const list = [scored("C.1", 33.34, 100), scored("C.1", 33.33, 40), scored("C.1", 33.33, 70)];
    // (33.34*100 + 33.33*40 + 33.33*70) / 100 = (3334 + 1333.2 + 2333.1) / 100 = 70.003
    expect(ach(rollup({ nodes: tree, kpis: list }).nodes, "C.1")).toBeCloseTo(70.003, 10);
  });

  it("rows without a weight are not KPIs", () => {
    const tree: RollupTreeNode[] = [{ code: "B.2.2", kind: "operational", title: "Crisi", parent: null }];
    const list = [scored("B.2.2", 100, 80), scored("B.2.2", null, 0, "unmet"), scored("B.2.2", null, null)];
    const n = byCode(rollup({ nodes: tree, kpis: list }).nodes).get("B.2.2");
    expect(n).toMatchObject({ achievement: 80, kpis: 1, missing: 0 });
  });

  it("a KPI with no target this year is left out, neither missing nor counted", () => {
    const tree: RollupTreeNode[] = [{ code: "A.1", kind: "strategic", title: "x", parent: null }];
    const list = [scored("A.1", 50, 60), scored("A.1", 50, null, "no_target")];
    // 50*60/50 = 60 under both policies
    expect(byCode(rollup({ nodes: tree, kpis: list }, { rules: { missing: "zero" } }).nodes).get("A.1")).toMatchObject({ achievement: 60, kpis: 1, missing: 0 });
  });

  it("an invalid value counts as missing", () => {
    const tree: RollupTreeNode[] = [{ code: "A.1", kind: "strategic", title: "x", parent: null }];
    const list = [scored("A.1", 50, 60), scored("A.1", 50, null, "invalid")];
    // zero: (50*60 + 50*0)/100 = 30
    expect(byCode(rollup({ nodes: tree, kpis: list }, { rules: { missing: "zero" } }).nodes).get("A.1")).toMatchObject({ achievement: 30, missing: 1 });
  });

  it("children weigh as the tree says, else equally", () => {
    const tree: RollupTreeNode[] = [
      { code: "B", kind: "area", title: "B", parent: null },
      { code: "B.1", kind: "strategic", title: "B.1", parent: "B", weight: 3 },
      { code: "B.2", kind: "strategic", title: "B.2", parent: "B", weight: 1 },
    ];
    const list = [scored("B.1", 100, 80), scored("B.2", 100, 40)];
    // (3*80 + 1*40) / 4 = 280/4 = 70
    expect(ach(rollup({ nodes: tree, kpis: list }).nodes, "B")).toBeCloseTo(70, 10);
    // no weights: (80 + 40) / 2 = 60
    const equal = tree.map((n) => ({ ...n, weight: null }));
    expect(ach(rollup({ nodes: equal, kpis: list }).nodes, "B")).toBeCloseTo(60, 10);
    // one weight only: equal weights, with a warning
    const mixed = rollup({ nodes: tree.map((n) => (n.code === "B.2" ? { ...n, weight: null } : n)), kpis: list });
    expect(ach(mixed.nodes, "B")).toBeCloseTo(60, 10);
    expect(mixed.problems.map((p) => p.code)).toEqual(["ROLLUP_MIXED_WEIGHTS"]);
  });

  it("weights summing to zero fall back to equal weights, with a warning", () => {
    const tree: RollupTreeNode[] = [{ code: "A.1", kind: "strategic", title: "x", parent: null }];
    const r = rollup({ nodes: tree, kpis: [scored("A.1", 0, 60), scored("A.1", 0, 20)] });
    // (60 + 20)/2 = 40
    expect(ach(r.nodes, "A.1")).toBeCloseTo(40, 10);
    expect(r.problems.map((p) => p.code)).toEqual(["ROLLUP_ZERO_WEIGHTS"]);
  });
});

describe("rollup: rules", () => {
  it("a threshold turns a KPI below it into 0", () => {
    const rules: Partial<MeasurementRules> = { threshold: 60 };
    const { nodes } = rollup({ nodes: TREE, kpis: kpis() }, { rules });
    // A.1.1.1: 5 vs >= 10 is 50 < 60 -> 0; (60*100 + 40*0)/100 = 60
    expect(ach(nodes, "A.1.1.1")).toBeCloseTo(60, 10);
    // A.1.1.2: 70 >= 60 stays 70; A.1.1 = (60 + 70)/2 = 65 (>= 60 so kept as 65)
    expect(ach(nodes, "A.1.1")).toBeCloseTo(65, 10);
    // threshold 70: A.1.1.1 = 60 (50 -> 0), A.1.1.2 = 70 (not below 70); the children's
    //   mean (60 + 70)/2 = 65 is below 70, so A.1.1's weighted-mean KPI scores 0
    expect(ach(rollup({ nodes: TREE, kpis: kpis() }, { rules: { threshold: 70 } }).nodes, "A.1.1")).toBe(0);
  });

  it("without partial credit a KPI is all or nothing", () => {
    const { nodes } = rollup({ nodes: TREE, kpis: kpis() }, { rules: { partialCredit: false } });
    // A.1.1.1: (60*100 + 40*0)/100 = 60; A.1.1.2: 0; A.1.1: mean 30 < 100 -> 0
    expect(ach(nodes, "A.1.1.1")).toBeCloseTo(60, 10);
    expect(ach(nodes, "A.1.1")).toBe(0);
  });

  it("custom bands", () => {
    const { nodes } = rollup({ nodes: TREE, kpis: kpis() }, { rules: { bands: { red: 50, amber: 75 } } });
    // 80 >= 75 -> green; 70 -> amber; A.1 83.75 -> green
    expect(byCode(nodes).get("A.1.1.1")?.band).toBe("green");
    expect(byCode(nodes).get("A.1.1.2")?.band).toBe("amber");
  });

  it("recomputes from value and target with its own rules, else uses the achievement given", () => {
    const tree: RollupTreeNode[] = [{ code: "A.2", kind: "strategic", title: "x", parent: null }];
    // The row says 83.33 (ratio) but the rules say linear: (20 - 12)/10 = 80
    const row: RollupKpi = { ...measured("A.2", 100, 12, num("<=", 10), false), achievement: 250 / 3 };
    expect(ach(rollup({ nodes: tree, kpis: [row] }, { rules: { lowerIsBetter: "linear" } }).nodes, "A.2")).toBeCloseTo(80, 10);
    // No value: the achievement as given, capped at 100
    expect(ach(rollup({ nodes: tree, kpis: [scored("A.2", 100, 130, "met")] }).nodes, "A.2")).toBe(100);
  });
});

describe("rollup: broken trees are reported, never looped or dropped", () => {
  it("a cycle is cut at its first node and reported", () => {
    const tree: RollupTreeNode[] = [
      { code: "X", kind: "strategic", title: "X", parent: "Y" },
      { code: "Y", kind: "operational", title: "Y", parent: "X" },
      { code: "Z", kind: "operational", title: "Z", parent: "X" },
    ];
    const list = [meanOfChildren("X", 100), scored("Y", 100, 60), scored("Z", 100, 80)];
    const { nodes, problems } = rollup({ nodes: tree, kpis: list });
    expect(problems.map((p) => p.code)).toEqual(["ROLLUP_CYCLE"]);
    expect(problems[0].severity).toBe("error");
    expect(describeIn(problems[0], "it")).toContain("X → Y → X");
    // X's link to Y is ignored: X is a root with children Y and Z; (60 + 80)/2 = 70
    expect(nodes.map((n) => [n.code, n.parent])).toEqual([["X", null], ["Y", "X"], ["Z", "X"]]);
    expect(ach(nodes, "X")).toBeCloseTo(70, 10);
  });

  it("a node that is its own parent", () => {
    const { nodes, problems } = rollup({ nodes: [{ code: "Q", kind: "area", title: "Q", parent: "Q" }], kpis: [scored("Q", 1, 50)] });
    expect(problems.map((p) => p.code)).toEqual(["ROLLUP_CYCLE"]);
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatchObject({ code: "Q", parent: null, achievement: 50 });
  });

  it("a longer cycle with a tail", () => {
    const tree: RollupTreeNode[] = [
      { code: "T", kind: "action", title: "T", parent: "P" },
      { code: "P", kind: "operational", title: "P", parent: "Q" },
      { code: "Q", kind: "strategic", title: "Q", parent: "R" },
      { code: "R", kind: "area", title: "R", parent: "P" },
    ];
    const { nodes, problems } = rollup({ nodes: tree, kpis: [scored("T", 1, 40)] });
    // The cycle is P -> Q -> R -> P; P comes first in the input, so P becomes a root.
    const cycles = problems.filter((p) => p.code === "ROLLUP_CYCLE");
    expect(cycles).toHaveLength(1);
    expect(describeIn(cycles[0], "it")).toContain("P → Q → R → P");
    // P is the root; its children are T and R (R's parent is P), and R's child is Q.
    expect(nodes.map((n) => [n.code, n.depth])).toEqual([["P", 0], ["T", 1], ["R", 1], ["Q", 2]]);
    // Q has no data, so R has none; P = mean of T (40) alone under skip = 40.
    expect(ach(nodes, "P")).toBeCloseTo(40, 10);
    expect(problems.filter((p) => p.code === "ROLLUP_CHILD_SKIPPED").map((p) => describeIn(p, "it"))).toHaveLength(2);
  });

  it("a KPI owner missing from the tree becomes a node of its own", () => {
    const list = [...kpis(), scored("Q.9", 100, 55)];
    const { nodes, problems } = rollup({ nodes: TREE, kpis: list });
    expect(byCode(nodes).get("Q.9")).toMatchObject({ kind: "code", parent: null, achievement: 55, depth: 0 });
    expect(problems.map((p) => p.code)).toEqual(["ROLLUP_ORPHAN_KPI"]);
    expect(describeIn(problems[0], "it")).toContain("Q.9");
    // The rest is unchanged: A as in the first test.
    expect(ach(nodes, "A")).toBeCloseTo((83.75 + 250 / 3) / 2, 10);
  });

  it("a node whose parent is missing is kept at the top level", () => {
    const tree = [...TREE, { code: "Z.1.1", kind: "operational" as const, title: "Perso", parent: "Z.1" }];
    const { nodes, problems } = rollup({ nodes: tree, kpis: [...kpis(), scored("Z.1.1", 100, 90)] });
    expect(byCode(nodes).get("Z.1.1")).toMatchObject({ parent: null, depth: 0, achievement: 90 });
    expect(problems.map((p) => p.code)).toEqual(["ROLLUP_ORPHAN_NODE"]);
  });

  it("a duplicated code keeps the first row", () => {
    const tree = [...TREE, { code: "A.2", kind: "strategic" as const, title: "Doppione", parent: "A" }];
    const { nodes, problems } = rollup({ nodes: tree, kpis: kpis() });
    expect(nodes.filter((n) => n.code === "A.2")).toHaveLength(1);
    expect(byCode(nodes).get("A.2")?.title).toBe("Tempi");
    expect(problems.map((p) => p.code)).toEqual(["ROLLUP_DUPLICATE_NODE"]);
  });

  it("a weighted-mean KPI without children and without a value is missing, and reported", () => {
    const { nodes, problems } = rollup({ nodes: [{ code: "B.1.3", kind: "operational", title: "x", parent: null }], kpis: [meanOfChildren("B.1.3", 100)] });
    expect(nodes[0]).toMatchObject({ achievement: null, kpis: 1, missing: 1 });
    expect(problems.map((p) => p.code)).toEqual(["ROLLUP_NO_CHILDREN"]);
  });

  it("a weighted-mean KPI without children uses the value typed in the sheet", () => {
    const typed: RollupKpi = { ...meanOfChildren("B.1.3", 100), value: 90, status: "unmet" };
    // 90 vs >= 100%: 90
    expect(ach(rollup({ nodes: [{ code: "B.1.3", kind: "operational", title: "x", parent: null }], kpis: [typed] }).nodes, "B.1.3")).toBeCloseTo(90, 10);
  });

  it("without a tree each code is a node of its own, with no problems", () => {
    const { nodes, problems } = rollup({ nodes: [], kpis: [scored("K1", 50, 100), scored("K1", 50, 50), scored("K2", 100, 20)] });
    // K1: (50*100 + 50*50)/100 = 75
    expect(nodes.map((n) => [n.code, n.kind, n.achievement])).toEqual([["K1", "code", 75], ["K2", "code", 20]]);
    expect(problems).toEqual([]);
  });

  it("rows without an owner are gathered under one node", () => {
    const { nodes } = rollup({ nodes: [], kpis: [scored(null as unknown as string, 1, 30)] });
    expect(nodes[0]).toMatchObject({ code: NO_OWNER_CODE, achievement: 30 });
    expect(ownerLabel(nodes[0].code, "en")).toBe("(no code)");
    expect(ownerLabel(nodes[0].code, "it")).toBe("(senza codice)");
  });

  it("codes compare without a trailing dot or spaces", () => {
    const tree: RollupTreeNode[] = [
      { code: "A.1.4", kind: "operational", title: "x", parent: null },
      { code: "A.1.4.1.", kind: "action", title: "y", parent: " A.1.4" },
    ];
    const { nodes, problems } = rollup({ nodes: tree, kpis: [meanOfChildren("A.1.4", 100), scored("A.1.4.1", 100, 64)] });
    expect(problems).toEqual([]);
    expect(ach(nodes, "A.1.4")).toBeCloseTo(64, 10);
  });
});
