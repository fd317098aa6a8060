/**
 * The parser on the real plan in seeds/. Every expected figure below was counted by hand
 * from the text (line numbers refer to the seed file), not copied from the parser's output.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../../src/core/plan/parse";
import type { ParsedPlan, PlanKpi, PlanNode } from "../../../src/core/types";

const SEED = join(__dirname, "../../../seeds/000_30336ea7c660fe63.txt");
const text = readFileSync(SEED, "utf8");
const plan: ParsedPlan = parsePlan(text);

const node = (code: string): PlanNode => {
  const n = plan.nodes.find((x) => x.code === code);
  if (!n) throw new Error(`no node ${code}`);
  return n;
};
const kpisOf = (owner: string): PlanKpi[] => plan.kpis.filter((k) => k.owner === owner);
const kpiAt = (line: number): PlanKpi => {
  const k = plan.kpis.find((x) => x.line === line);
  if (!k) throw new Error(`no KPI at line ${line}`);
  return k;
};
// 31/12/2021 is Excel serial 44561; other dates counted back from it by hand.
const DEC_31_2021 = 44561;
const OCT_31_2021 = DEC_31_2021 - 30 - 31; // minus November and December

describe("parsePlan on the seed plan", () => {
  test("the seed really ends without a newline on a KPI row", () => {
    expect(text.endsWith("<= 31/10/2021")).toBe(true);
  });

  test("reports no problem", () => {
    expect(plan.problems).toEqual([]);
  });

  test("finds 57 nodes: 3 areas, 5 strategic, 5 programs, 13 operational, 31 actions", () => {
    const count = (kind: string) => plan.nodes.filter((n) => n.kind === kind).length;
    expect(count("area")).toBe(3);
    expect(count("strategic")).toBe(5);
    expect(count("program")).toBe(5);
    expect(count("operational")).toBe(13);
    expect(count("action")).toBe(31);
    expect(plan.nodes).toHaveLength(57);
  });

  test("node codes are unique and in the order of the text", () => {
    const codes = plan.nodes.map((n) => n.code);
    expect(new Set(codes).size).toBe(codes.length);
    const lines = plan.nodes.map((n) => n.line);
    expect([...lines].sort((a, b) => a - b)).toEqual(lines);
  });

  test("areas, strategic objectives and operational objectives by code", () => {
    const codes = (kind: string) => plan.nodes.filter((n) => n.kind === kind).map((n) => n.code);
    expect(codes("area")).toEqual(["A", "B", "C"]);
    expect(codes("strategic")).toEqual(["A.1", "B.1", "B.2", "C.1", "C.2"]);
    expect(codes("operational")).toEqual([
      "A.1.1", "A.1.2", "A.1.3", "A.1.4", "A.1.5",
      "B.1.1", "B.1.2", "B.1.3", "B.2.1", "B.2.2",
      "C.1.1", "C.1.2", "C.2.1",
    ]);
  });

  test("actions, including the trailing-dot codes A.1.4.1. and A.1.4.2.", () => {
    const actions = plan.nodes.filter((n) => n.kind === "action").map((n) => n.code);
    expect(actions.slice(0, 5)).toEqual(["A.1.3.1", "A.1.3.2", "A.1.4.1", "A.1.4.2", "A.1.4.3"]);
    expect(actions).toContain("B.1.1.2"); // a bold line: **Azione: B.1.1.2 ...**
    expect(actions).toContain("C.1.2.10");
    expect(actions.filter((c) => c.startsWith("C."))).toHaveLength(19);
    expect(node("A.1.4.1")).toMatchObject({ title: "Servizi certificativi per l'export", line: 163 });
  });

  test("programs get synthetic codes under their strategic objective", () => {
    const programs = plan.nodes.filter((n) => n.kind === "program");
    expect(programs.map((p) => [p.code, p.parent, p.title, p.line])).toEqual([
      ["A.1/P1", "A.1", "Sostegno alle imprese", 20],
      ["B.1/P1", "B.1", "Tecnologie innovative", 257],
      ["B.2/P1", "B.2", "Tutela del consumatore e delle imprese", 375],
      ["C.1/P1", "C.1", "Ottimizzare i processi e migliorare la qualità dei servizi", 471],
      ["C.2/P1", "C.2", "CCIAA", 836],
    ]);
  });

  test("parents follow the codes", () => {
    expect(node("A").parent).toBeNull();
    expect(node("B.2").parent).toBe("B");
    expect(node("A.1.1").parent).toBe("A.1");
    expect(node("B.1.1").parent).toBe("B.1"); // under "## Programma: Tecnologie innovative"
    expect(node("C.2.1").parent).toBe("C.2");
    expect(node("A.1.4.1").parent).toBe("A.1.4");
    expect(node("C.1.2.10").parent).toBe("C.1.2");
    expect(node("B.1.2.1").parent).toBe("B.1.2"); // "## Azione" after a bold "**Obiettivo operativo**"
    for (const n of plan.nodes) {
      if (n.parent !== null) expect(plan.nodes.some((p) => p.code === n.parent)).toBe(true);
    }
  });

  test("units in every shape of the text, normalised", () => {
    expect(node("A.1.1").units).toEqual(["STAFF 6", "STAFF 7"]); // **STAFF 6** NAME
    expect(node("A.1.4").units).toEqual(["S. 2.2", "STAFF 6", "STAFF 7"]); // CODE<TAB>NAME
    expect(node("A.1.4.1").units).toEqual(["S. 2.2"]); // then a "--------<TAB>--" rule
    expect(node("A.1.4.2").units).toEqual(["STAFF 6", "STAFF 7"]); // CODE NAME
    expect(node("B.1.1.2").units).toEqual(["S. 2.2", "STAFF 1"]); // **S. 2.2** NAME
    expect(node("B.2.2").units).toEqual(["S. 3.2", "STAFF 6"]);
    // - S. 1.1 NAME ... - STAFF 6** NAME ... - S.1.4** PERFORMANCE
    expect(node("C.1.2.3").units).toEqual([
      "S. 1.1", "S. 1.2", "S. 1.3", "S. 2.1", "S. 2.2", "S. 3.1",
      "STAFF 6", "STAFF 3", "STAFF 4", "STAFF 5", "STAFF 1", "STAFF 2", "S. 1.4",
    ]);
    expect(node("C.1.2.10").units).toEqual(["AREA I", "AREA II", "AREA III", "AREA STAFF"]);
    expect(node("C.1.2.9").units).toEqual([]);
    expect(node("C.2.1.2").units).toEqual(["S. 1.3"]);
    // Two "Unità organizzative coinvolte" sections in a row (4 + 10 units, S.1.4 unspaced).
    expect(node("C.1.2").units).toEqual([
      "S. 1.1", "S. 1.2", "S. 1.3", "S. 2.1", "S. 2.2", "S. 3.1",
      "STAFF 6", "STAFF 3", "STAFF 4", "STAFF 5", "STAFF 1", "STAFF 2", "S. 1.4", "STAFF 8",
    ]);
    expect(node("A").units).toEqual([]);
    expect(node("A.1").units).toEqual([]);
  });

  test("93 KPI rows: 26 in area A, 24 in B, 43 in C", () => {
    expect(plan.kpis).toHaveLength(93);
    const inArea = (a: string) => plan.kpis.filter((k) => k.owner.startsWith(a)).length;
    expect([inArea("A"), inArea("B"), inArea("C")]).toEqual([26, 24, 43]);
  });

  test("every node except areas and programs owns KPIs (49 owners)", () => {
    const owners = new Set(plan.kpis.map((k) => k.owner));
    expect(owners.size).toBe(49);
    for (const n of plan.nodes) expect(owners.has(n.code)).toBe(n.kind !== "area" && n.kind !== "program");
  });

  test("KPI rows per owner, for a sample", () => {
    const sizes = Object.fromEntries(
      ["A.1", "A.1.1", "A.1.5", "B.1.2.2", "B.2.2", "C.1", "C.1.1.4", "C.1.1.6", "C.1.2.9", "C.2.1.2"].map((o) => [
        o,
        kpisOf(o).length,
      ]),
    );
    expect(sizes).toEqual({
      "A.1": 5, "A.1.1": 2, "A.1.5": 4, "B.1.2.2": 3, "B.2.2": 3,
      "C.1": 3, "C.1.1.4": 4, "C.1.1.6": 4, "C.1.2.9": 2, "C.2.1.2": 1,
    });
  });

  test("split tables (repeated header) belong to one owner", () => {
    expect(kpisOf("A.1.2").map((k) => k.line)).toEqual([67, 68, 71, 72, 73]);
    expect(kpisOf("A.1.4.3").map((k) => k.line)).toEqual([209, 212]);
    expect(kpisOf("C.2").map((k) => k.line)).toEqual([827, 828, 829, 832, 833, 834]);
    expect(kpisOf("A.1.2").map((k) => k.weight)).toEqual([20, 10, 10, 10, 50]);
  });

  test("every owner's weights add up to 100", () => {
    const sums = new Map<string, number>();
    for (const k of plan.kpis) {
      expect(k.weight).not.toBeNull();
      sums.set(k.owner, (sums.get(k.owner) ?? 0) + (k.weight ?? 0));
    }
    for (const [owner, sum] of sums) expect([owner, Math.round(sum * 100) / 100]).toEqual([owner, 100]);
  });

  test("B.1's first KPI: baseline 17.835 and per-year targets", () => {
    const k = kpisOf("B.1")[0];
    expect(k).toMatchObject({
      indicator: "Trend percentuale di incremento totale procedimenti SUAP",
      algorithmKind: "trend_pct",
      weight: 50,
      baseline: 17835,
      target: "Anno: 2021 >= +10% Anno: 2022 >= +5% Anno: 2023 >= +5%",
      line: 254,
    });
    expect(k.targets).toEqual([
      { year: 2021, condition: { op: ">=", value: 10, unit: "percent" } },
      { year: 2022, condition: { op: ">=", value: 5, unit: "percent" } },
      { year: 2023, condition: { op: ">=", value: 5, unit: "percent" } },
    ]);
    expect(kpisOf("B.1")[1].baseline).toBe(55649);
  });

  test("C.1 weights 33,33 / 33,33 / 33,34 and a year with no target", () => {
    expect(kpisOf("C.1").map((k) => k.weight)).toEqual([33.33, 33.33, 33.34]);
    expect(kpisOf("C.1")[0].targets[2]).toEqual({ year: 2023, condition: null });
    expect(kpisOf("C.1")[1].targets[0]).toEqual({ year: 2021, condition: { op: "<=", value: 1, unit: "number" } });
  });

  test("A.1.4.1: target >= 1,5 and baseline 8, a ratio over the previous year", () => {
    const [ratio, deadline] = kpisOf("A.1.4.1");
    expect(ratio).toMatchObject({ baseline: 8, weight: 60, algorithmKind: "ratio", target: ">= 1,5", line: 175 });
    expect(ratio.targets).toEqual([{ year: null, condition: { op: ">=", value: 1.5, unit: "number" } }]);
    expect(deadline.algorithmKind).toBe("deadline");
  });

  test("the last row, on the last line without newline, is there", () => {
    const last = plan.kpis[plan.kpis.length - 1];
    expect(last).toMatchObject({
      owner: "C.2.1.2",
      indicator: "Realizzazione attività",
      weight: 100,
      baseline: null,
      target: "<= 31/10/2021",
      line: 873,
    });
    expect(last.targets).toEqual([{ year: null, condition: { op: "<=", value: OCT_31_2021, unit: "date" } }]);
  });

  test("baselines: --- is null, Italian thousands are read", () => {
    expect(kpiAt(14).baseline).toBe(581);
    expect(kpiAt(15).baseline).toBeNull();
    expect(kpiAt(331).baseline).toBe(2335);
    expect(kpiAt(349).baseline).toBe(19697);
  });

  test("algorithm kinds, counted by hand over the 93 rows", () => {
    const count: Record<string, number> = {};
    for (const k of plan.kpis) count[k.algorithmKind] = (count[k.algorithmKind] ?? 0) + 1;
    expect(count).toEqual({
      trend_pct: 9,
      ratio: 14,
      share_pct: 19,
      weighted_mean: 10,
      deadline: 21,
      satisfaction: 4,
      count: 14,
      direct: 2,
    });
  });

  test("algorithm kinds of a sample", () => {
    expect(kpiAt(161).algorithmKind).toBe("weighted_mean"); // "Media ponderata delle azioni", no *100
    expect(kpiAt(161).targets[0].condition).toEqual({ op: ">=", value: 100, unit: "number" });
    expect(kpiAt(194).algorithmKind).toBe("count"); // Numero eventi/iniziative di sensibilizzazione
    expect(kpiAt(348).algorithmKind).toBe("share_pct"); // X(t)/X(t-1)*100
    expect(kpiAt(700).algorithmKind).toBe("deadline"); // "Report monitoraggio ..." with a date target
    expect(kpiAt(801).algorithmKind).toBe("deadline"); // "Proposta agli organi competenti ..."
    expect(kpiAt(687).algorithmKind).toBe("direct");
    expect(kpiAt(828).algorithmKind).toBe("ratio"); // Patrimonio netto/Immobilizzazioni nette
    expect(kpiAt(827).algorithmKind).toBe("share_pct");
    expect(kpiAt(469).algorithmKind).toBe("satisfaction");
  });

  test("plan years come from the Anno: entries", () => {
    expect(plan.years).toEqual([2021, 2022, 2023]);
  });

  test("the result is plain data (JSON round trip)", () => {
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
  });
});
