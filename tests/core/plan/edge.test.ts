/**
 * Hand-made plan texts for the cases the seed does not have. Expected problems and lines were
 * worked out by hand from each fixture (tests/fixtures/plans/).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../../src/core/plan/parse";
import type { ParsedPlan } from "../../../src/core/types";
import { describe as describeIn } from "../../../src/core";

const fixture = (name: string) => readFileSync(join(__dirname, "../../fixtures/plans", name), "utf8");
const brief = (plan: ParsedPlan) => plan.problems.map((p) => [p.line, p.severity, p.code]);
const HEADER = "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget";

describe("table problems (table-problems.txt)", () => {
  const plan = parsePlan(fixture("table-problems.txt"));

  test("every bad row is reported with its line, in line order", () => {
    expect(brief(plan)).toEqual([
      [1, "error", "PLAN_TABLE_NO_OWNER"], // a table before any node
      [1, "warning", "PLAN_NO_YEARS"],
      [10, "error", "PLAN_ROW_CELLS"], // 4 cells
      [11, "error", "PLAN_ROW_CELLS"], // 3 cells
      [12, "error", "PLAN_BAD_TARGET"],
      [13, "error", "PLAN_BAD_WEIGHT"],
      [14, "error", "PLAN_BAD_BASELINE"],
    ]);
  });

  test("messages say what is wrong", () => {
    const at = (line: number) => plan.problems.filter((p) => p.line === line).map((p) => describeIn(p, "it")).join(" ");
    expect(at(1)).toContain("prima: 1 riga ignorata."); // one row: singular
    expect(at(10)).toContain("4 celle");
    expect(at(12)).toContain("circa dieci");
    expect(at(13)).toContain("molto");
    expect(at(14)).toContain("abc");
  });

  test("rows with readable cells stay, with the bad piece empty", () => {
    expect(plan.kpis.map((k) => [k.line, k.owner, k.weight, k.baseline, k.targets.length])).toEqual([
      [9, "A.1", 60, null, 1],
      [12, "A.1", 40, null, 0],
      [13, "A.1", null, null, 1],
      [14, "A.1", 0, null, 1],
    ]);
    expect(plan.kpis[1].target).toBe("circa dieci"); // verbatim even when unreadable
  });

  test("no KPI is made for the orphan table", () => {
    expect(plan.kpis.some((k) => k.indicator === "Orphan KPI")).toBe(false);
    expect(plan.years).toEqual([]);
  });

  test("messages in English on request", () => {
    const en = parsePlan(fixture("table-problems.txt"));
    expect(describeIn(en.problems.find((p) => p.line === 10)!, "en")).toContain("4 cells instead of 5");
    expect(brief(en)).toEqual(brief(plan));
  });
});

describe("headings (headings.txt, no final newline)", () => {
  const plan = parsePlan(fixture("headings.txt"));

  test("the fixture has no final newline", () => {
    expect(fixture("headings.txt").endsWith(">= 1")).toBe(true);
  });

  test("nodes by label and code, whatever the decoration", () => {
    expect(plan.nodes.map((n) => [n.code, n.kind, n.parent])).toEqual([
      ["A", "area", null],
      ["A.1", "strategic", "A"],
      ["A.1/P1", "program", "A.1"],
      ["A.1.1", "operational", "A.1"],
      ["A.1/P2", "program", "A.1"],
      ["A.1.2", "operational", "A.1"],
      ["A.1.2.1", "action", "A.1.2"], // "Azione: A.1.2.1. ..." (plain, trailing dot)
      ["A.1.2.2", "action", "A.1.2"], // **bold**
      ["A.1.2.3", "action", "A.1.2"], // <b>tags</b>
      // "Obiettivo operativo: senza codice": a generated code under the strategic objective
      // (the program above it has no code, so it does not own objectives)
      ["A.1/OO1", "operational", "A.1"],
      ["A.1.3", "action", "A.1"], // code too short for an action: kept, with a warning
      ["B.1", "strategic", "B"],
    ]);
    expect(plan.nodes.find((n) => n.code === "A.1.2.1")?.title).toBe("Azione con punto");
    expect(plan.nodes.find((n) => n.code === "A.1.2.3")?.title).toBe("Azione tra tag");
  });

  test("problems: heading without code (a generated one, said once), kind mismatch, duplicate, missing parent", () => {
    expect(brief(plan)).toEqual([
      [1, "warning", "PLAN_NO_YEARS"],
      [11, "warning", "PLAN_CODES_GENERATED"],
      [14, "warning", "PLAN_CODE_KIND"],
      [15, "error", "PLAN_DUPLICATE_NODE"],
      [16, "warning", "PLAN_PARENT_MISSING"],
    ]);
    expect(describeIn(plan.problems.find((p) => p.line === 15)!, "it")).toContain("riga 4");
    expect(describeIn(plan.problems.find((p) => p.line === 11)!, "it")).toContain("1 intestazioni senza codice: codici generati (A.1/OO1 «senza codice»)");
  });

  test("the table under the heading without code is its own; the last line, without newline, is a KPI of B.1", () => {
    expect(plan.kpis.map((k) => [k.line, k.owner, k.indicator])).toEqual([
      [13, "A.1/OO1", "KPI perso"],
      [18, "B.1", "Ultimo"],
    ]);
  });
});

describe("units and table boundaries (units-and-tables.txt)", () => {
  const plan = parsePlan(fixture("units-and-tables.txt"));

  test("units in mixed shapes, deduplicated, rules skipped", () => {
    expect(plan.nodes.find((n) => n.code === "A.1.1")?.units).toEqual([
      "STAFF 6", "STAFF 7", "S. 1.1", "STAFF 3", "S. 1.4", "AREA I", "AREA STAFF",
    ]);
  });

  test("a row after a blank line continues the table; prose ends it", () => {
    expect(plan.kpis.map((k) => [k.line, k.weight])).toEqual([
      [17, 70],
      [19, 30],
    ]);
  });

  test("unknown unit lines and rows outside a table are reported", () => {
    expect(brief(plan)).toEqual([
      [1, "warning", "PLAN_NO_YEARS"],
      [2, "warning", "PLAN_PARENT_MISSING"],
      [14, "warning", "PLAN_UNIT_UNRECOGNISED"],
      [22, "warning", "PLAN_ROW_OUTSIDE_TABLE"],
    ]);
  });
});

describe("years", () => {
  test("from a title range when no target names a year (title-years.txt)", () => {
    const plan = parsePlan(fixture("title-years.txt"));
    expect(plan.problems).toEqual([]);
    expect(plan.years).toEqual([2022, 2023, 2024]);
    expect(plan.nodes.find((n) => n.code === "A.1.1")?.units).toEqual(["S. 1.4"]);
  });

  test("from the deadline dates when there is nothing else", () => {
    const plan = parsePlan(
      ["## Area strategica: A X", "## Obiettivo strategico: A.1 Y", HEADER, "K\tRealizzazione attività\t100\t---\t<= 30/06/2021"].join("\n"),
    );
    expect(plan.years).toEqual([2021]);
  });

  test("gaps between named years are filled", () => {
    const plan = parsePlan(
      ["## Area strategica: A X", "## Obiettivo strategico: A.1 Y", HEADER, "K\tNumero\t100\t---\tAnno: 2021 >= 1 Anno: 2023 >= 2"].join("\n"),
    );
    expect(plan.years).toEqual([2021, 2022, 2023]);
  });
});

describe("line endings", () => {
  const seed = readFileSync(join(__dirname, "../../../seeds/000_30336ea7c660fe63.txt"), "utf8");
  const lf = parsePlan(seed);

  test("CRLF gives the same plan, line numbers included", () => {
    const crlf = seed.replace(/\n/g, "\r\n");
    expect(crlf).toContain("\r\n");
    expect(parsePlan(crlf)).toEqual(lf);
  });

  test("old Mac CR endings too", () => {
    expect(parsePlan(seed.replace(/\n/g, "\r"))).toEqual(lf);
  });

  test("a CRLF file ending with a newline keeps its last row", () => {
    const plan = parsePlan(fixture("table-problems.txt").replace(/\n/g, "\r\n"));
    expect(plan.kpis.map((k) => k.line)).toEqual([9, 12, 13, 14]);
    expect(plan.kpis[0].target).toBe(">= 10"); // no stray \r in the last cell
  });

  test("a byte-order mark is ignored", () => {
    expect(parsePlan(`\ufeff${seed}`)).toEqual(lf);
  });
});

describe("small cases", () => {
  // The title gives the years, so that no PLAN_NO_YEARS warning blurs these cases.
  const base = ["Piano della performance 2021-2023", "## Area strategica: A X", "## Obiettivo strategico: A.1 Y", HEADER];

  test("empty text: one clear error", () => {
    const plan = parsePlan("");
    expect(brief(plan)).toEqual([[1, "error", "PLAN_EMPTY"]]);
    expect(plan.nodes).toEqual([]);
  });

  test("a line without tabs right after a row is a broken row, not prose", () => {
    const plan = parsePlan([...base, "K\tNumero\t100\t---\t>= 1", "continua su una nuova riga"].join("\n"));
    expect(brief(plan)).toEqual([[6, "error", "PLAN_ROW_CELLS"]]);
  });

  test("weights that do not add up to 100 give a warning at the owner's first row", () => {
    const plan = parsePlan([...base, "K1\tNumero\t60\t---\t>= 1", "K2\tNumero\t30\t---\t>= 1"].join("\n"));
    expect(brief(plan)).toEqual([[5, "warning", "PLAN_WEIGHTS_SUM"]]);
    expect(describeIn(plan.problems[0], "en")).toContain("A.1");
    expect(describeIn(plan.problems[0], "en")).toContain("90");
  });

  test("a trailing tab after the target is harmless", () => {
    const plan = parsePlan([...base, "K\tNumero\t100\t---\t>= 1\t"].join("\n"));
    expect(plan.problems).toEqual([]);
    expect(plan.kpis[0].target).toBe(">= 1");
  });

  test("a header with <b> tags and a KPI table under a program", () => {
    const plan = parsePlan(
      ["## Area strategica: A X", "## Obiettivo strategico: A.1 Y", "### Programma: P",
        "<b>Indicatori testo</b>\t<b>Algoritmo</b>\t<b>Peso</b>\t<b>Stato</b>\t<b>Target</b>",
        "K\tNumero\t100\t---\t>= 1"].join("\n"),
    );
    expect(plan.kpis.map((k) => k.owner)).toEqual(["A.1/P1"]);
  });

  test("a program with no strategic objective above it is reported", () => {
    const plan = parsePlan(["## Area strategica: A X", "### Programma: P"].join("\n"));
    expect(plan.nodes[1]).toMatchObject({ code: "A/P1", parent: "A" });
    expect(brief(plan)).toEqual([[2, "warning", "PLAN_PROGRAM_NO_PARENT"]]);
  });

  test("a second table of another node after a blank line starts a new table", () => {
    const plan = parsePlan(
      [...base, "K\tNumero\t100\t---\t>= 1", "", "### Obiettivo operativo: A.1.1 Z", HEADER, "L\tNumero\t100\t---\t>= 2"].join("\n"),
    );
    expect(plan.kpis.map((k) => [k.owner, k.indicator])).toEqual([
      ["A.1", "K"],
      ["A.1.1", "L"],
    ]);
  });
});
