import { elapsedDays, expectedAt, isCumulative, judgeAtDate, monitoringDate, parsePeriod, periodKey, periodLabel } from "../../src/core/monitoring";
import { validateWorkbook } from "../../src/core/validate";
import { analyseWorkbook } from "../../src/core/analyse";
import { marksFor } from "../../src/core/marks";
import { dateToSerial } from "../../src/core/dates";
import type { Condition, SheetGrid } from "../../src/core/types";
import { describe as describeIn } from "../../src/core";

const atLeast = (value: number, unit: Condition["unit"] = "number"): Condition => ({ op: ">=", value, unit });
const june = { year: 2026, date: "06-30" };
const september = { year: 2026, date: "09-30" };

describe("elapsed days and the pro rata expected value (linear rule)", () => {
  test("30/06 is day 181 of 365 in 2026 (31+28+31+30+31+30), 182 of 366 in 2028", () => {
    expect(elapsedDays(2026, "06-30")).toEqual({ elapsed: 181, days: 365 });
    expect(elapsedDays(2028, "06-30")).toEqual({ elapsed: 182, days: 366 });
    // 181 + 31 (July) + 31 (August) + 30 (September) = 273.
    expect(elapsedDays(2026, "09-30")).toEqual({ elapsed: 273, days: 365 });
    expect(elapsedDays(2026, "01-01")).toEqual({ elapsed: 1, days: 365 });
  });

  test("expected = target × elapsed / days", () => {
    // 200 × 181 / 365 = 36200 / 365 = 99.178…
    expect(expectedAt(200, 2026, "06-30")).toBeCloseTo(99.1781, 4);
    // 200 × 273 / 365 = 54600 / 365 = 149.589…
    expect(expectedAt(200, 2026, "09-30")).toBeCloseTo(149.589, 3);
    // 366 × 182 / 366 = 182 exactly in a leap year.
    expect(expectedAt(366, 2028, "06-30")).toBe(182);
  });
});

describe("judgeAtDate", () => {
  test("a count with >= 200 at 30/06: 100 is on track (≥ 99.18), 99 is at risk", () => {
    expect(judgeAtDate(100, atLeast(200), "count", june)).toEqual({ status: "on_track", expected: 36200 / 365 });
    expect(judgeAtDate(99, atLeast(200), "count", june)).toEqual({ status: "at_risk", expected: 36200 / 365 });
  });

  test("the same count at 30/09: 150 on track (≥ 149.59), 149 at risk", () => {
    expect(judgeAtDate(150, atLeast(200), "count", september).status).toBe("on_track");
    expect(judgeAtDate(149, atLeast(200), "count", september).status).toBe("at_risk");
  });

  test("rule «nessuno»: no share expected, a count below target is still on track", () => {
    expect(judgeAtDate(10, atLeast(200), "count", june, { monitoring: "none" })).toEqual({ status: "on_track" });
  });

  test("a plain number with >= and no algorithm counts as cumulative; a percentage does not", () => {
    expect(isCumulative(null, atLeast(200))).toBe(true);
    expect(isCumulative("direct", atLeast(200))).toBe(true);
    expect(isCumulative(null, atLeast(60, "percent"))).toBe(false);
    expect(isCumulative("satisfaction", atLeast(4))).toBe(false);
    expect(isCumulative(null, { op: "<=", value: 30, unit: "number" })).toBe(false);
    expect(isCumulative("count", { op: "<=", value: 30, unit: "number" })).toBe(true);
  });

  test("a ratio (percentage) is compared with the target directly: 55% of >= 60% is at risk whatever the date", () => {
    expect(judgeAtDate(55, atLeast(60, "percent"), "share_pct", june)).toEqual({ status: "at_risk" });
    expect(judgeAtDate(61, atLeast(60, "percent"), "share_pct", june)).toEqual({ status: "on_track" });
  });

  test("a <= ceiling on a count already exceeded is unreachable; below it, on track", () => {
    const ceiling: Condition = { op: "<=", value: 30, unit: "number" };
    expect(judgeAtDate(31, ceiling, "count", june)).toEqual({ status: "unreachable" });
    expect(judgeAtDate(12, ceiling, "count", june)).toEqual({ status: "on_track" });
    // Not cumulative (an average time): above the ceiling is at risk, it can come down.
    expect(judgeAtDate(31, ceiling, "direct", june)).toEqual({ status: "at_risk" });
  });

  test("a deadline <= 30/09/2026: not done at 30/06 on track, not done at 30/09 unreachable; done late unreachable", () => {
    const deadline: Condition = { op: "<=", value: dateToSerial(2026, 9, 30), unit: "date" };
    expect(judgeAtDate(null, deadline, "deadline", june).status).toBe("on_track");
    expect(judgeAtDate(null, deadline, "deadline", september).status).toBe("unreachable");
    expect(judgeAtDate(dateToSerial(2026, 5, 15), deadline, "deadline", june).status).toBe("on_track");
    expect(judgeAtDate(dateToSerial(2026, 10, 1), deadline, "deadline", { year: 2026, date: "11-30" }).status).toBe("unreachable");
  });
});

describe("periods as typed", () => {
  test.each([
    ["2026-06-30", { year: 2026, date: "06-30" }],
    ["30/06/2026", { year: 2026, date: "06-30" }],
    ["30.6.2026", { year: 2026, date: "06-30" }],
    ["2026", { year: 2026, date: null }],
    ["31/12/2026", { year: 2026, date: null }],
    ["2026-12-31", { year: 2026, date: null }],
  ])("%s", (text, period) => expect(parsePeriod(text)).toEqual(period));

  test.each(["30/02/2026", "giugno", "2026-13-01", "", "06-30"])("%s is not a period", (text) => expect(parsePeriod(text)).toBeNull());

  test("labels and keys", () => {
    expect(periodLabel({ year: 2026, date: "06-30" })).toBe("30/06/2026");
    expect(periodLabel({ year: 2026, date: null })).toBe("2026");
    expect(periodKey({ year: 2026, date: "09-30" })).toBe("2026-09-30");
  });

  test("monitoring dates for kpi import --monitoraggi", () => {
    expect(monitoringDate("30/06")).toBe("06-30");
    expect(monitoringDate("30/9")).toBe("09-30");
    expect(monitoringDate("30 giugno")).toBe("06-30");
    expect(monitoringDate("29/02")).toBe("02-29");
    expect(monitoringDate("31/06")).toBeNull();
    expect(monitoringDate("giugno")).toBeNull();
  });
});

describe("validateWorkbook at a monitoring date", () => {
  const grid: SheetGrid = {
    name: "KPI",
    values: [
      ["Indicatore", "Algoritmo", "Peso", "Target 2026", "Valore 2026 al 30/06", "Valore 2026 al 30/09", "Valore 2026"],
      ["Eventi organizzati", "Numero eventi", 25, ">= 200", 90, 150, null],
      ["Pratiche evase", "Pratiche evase / pratiche ricevute * 100", 25, ">= 60%", 0.55, 0.62, null],
      ["Nuovo portale", "Realizzazione attività", 25, "<= 30/09/2026", null, null, null],
      ["Reclami", "Numero reclami", 25, "<= 30", 31, 33, null],
    ],
    formats: [[], [], [null, null, null, null, "0%", "0%"], [], []],
  };

  test("the default period is the latest date filled: 30/09/2026 (the year-end column is blank)", () => {
    const r = validateWorkbook([grid]);
    expect(r.period).toEqual(september);
    expect(r.periods).toEqual([june, september, { year: 2026, date: null }]);
  });

  test("at 30/06: events 90 < 99.18 at risk; 55% < 60% at risk; portal not yet due on track; complaints 31 > 30 unreachable", () => {
    const r = validateWorkbook([grid], { period: june });
    expect(r.kpis.map((k) => [k.indicator, k.status, k.valueCell])).toEqual([
      ["Eventi organizzati", "at_risk", "E2"],
      ["Pratiche evase", "at_risk", "E3"],
      ["Nuovo portale", "on_track", "E4"],
      ["Reclami", "unreachable", "E5"],
    ]);
    // 200 × 181 / 365
    expect(r.kpis[0].expected).toBeCloseTo(99.178, 3);
    expect(r.summary).toEqual({ tables: 1, rows: 4, met: 0, unmet: 0, missing: 0, noTarget: 0, invalid: 0, onTrack: 1, atRisk: 2, unreachable: 1 });
    // No "value missing" for the portal: not done yet is not missing at 30/06.
    expect(r.problems.filter((p) => p.code === "VALUE_MISSING")).toEqual([]);
    expect(marksFor(r).map((m) => [m.cell, m.kind])).toEqual([
      ["E2", "at_risk"],
      ["E3", "at_risk"],
      ["E4", "met"],
      ["E5", "unmet"],
    ]);
  });

  test("at 30/09: events 150 ≥ 149.59 on track; 62% on track; portal passed and not done unreachable", () => {
    const r = validateWorkbook([grid], { period: september });
    expect(r.kpis.map((k) => k.status)).toEqual(["on_track", "on_track", "unreachable", "unreachable"]);
    expect(r.kpis.map((k) => k.valueCell)).toEqual(["F2", "F3", "F4", "F5"]);
  });

  test("the rule «nessuno» in the options: events at 30/06 on track", () => {
    expect(validateWorkbook([grid], { period: june, rules: { monitoring: "none" } }).kpis[0].status).toBe("on_track");
  });

  test("at year end the statuses are met/unmet/missing as before, and the summary has no at-risk counts", () => {
    const r = validateWorkbook([grid], { year: 2026 });
    expect(r.period).toEqual({ year: 2026, date: null });
    expect(r.kpis.map((k) => k.status)).toEqual(["missing", "missing", "missing", "missing"]);
    expect(r.summary).toEqual({ tables: 1, rows: 4, met: 0, unmet: 0, missing: 4, noTarget: 0, invalid: 0 });
  });

  test("a filled year-end column wins over the dates of its year", () => {
    const filled = { ...grid, values: grid.values.map((row, i) => (i === 1 ? [...row.slice(0, 6), 210] : row)) };
    expect(validateWorkbook([filled]).period).toEqual({ year: 2026, date: null });
  });

  test("a year with values only at a date is a year of the workbook", () => {
    const r = validateWorkbook([{ name: "K", values: [["Indicatore", "Peso", "Target", "Valore al 30/06/2027"], ["Eventi", 100, ">= 200", 120]] }]);
    expect(r.years).toEqual([2027]);
    // 200 × 181 / 365 = 99.18 expected; 120 is on track.
    expect([r.period, r.kpis[0].status]).toEqual([{ year: 2027, date: "06-30" }, "on_track"]);
  });

  test("a date the table has no column for: values missing, the missing column named with the date", () => {
    const r = validateWorkbook([grid], { period: { year: 2026, date: "03-31" } });
    expect(r.kpis.map((k) => k.status)).toEqual(["missing", "missing", "on_track", "missing"]);
    const note = r.problems.find((p) => p.code === "NO_VALUE_COLUMN");
    expect(describeIn(note!, "it")).toContain("31/03/2026");
  });
});

describe("the roll-up at a monitoring date", () => {
  test("a node's achievement so far: the weighted mean against the full targets; a deadline not done yet has no score", () => {
    const grid: SheetGrid = {
      name: "KPI",
      values: [
        ["Codice", "Indicatore", "Algoritmo", "Peso", "Target 2026", "Valore 2026 al 30/06"],
        ["A.1", "Eventi", "Numero eventi", 50, ">= 200", 90],
        ["A.1", "Soddisfazione", "Grado di soddisfazione", 30, ">= 8", 6],
        ["A.1", "Portale", "Realizzazione attività", 20, "<= 30/09/2026", null],
      ],
    };
    const { rollup } = analyseWorkbook([grid], { period: { year: 2026, date: "06-30" } });
    const node = rollup.nodes.find((n) => n.code === "A.1")!;
    // Events 90/200 = 45, satisfaction 6/8 = 75; the portal (no value) is left out and the
    // weights renormalised: (50 × 45 + 30 × 75) / 80 = (2250 + 2250) / 80 = 56.25.
    expect(node.achievement).toBeCloseTo(56.25, 9);
    expect(node.missing).toBe(1);
  });
});
