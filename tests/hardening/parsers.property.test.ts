/**
 * Bad input for the parsers and the validator: arbitrary and hostile texts for the number and
 * target parsers, arbitrary text and mutated copies of the plan in seeds/ for the plan parser
 * (and the workbook built from what it returns), arbitrary grids for validateWorkbook. None
 * of them may throw; every problem they report has a message and says where (a line, or a
 * sheet and a cell).
 */
import fc from "fast-check";
import { readFileSync } from "fs";
import { join } from "path";
import { isKpiError, parseNumber, parseNumberText, parseTarget, type CellValue, type KpiError, type SheetGrid } from "../../src/core";
import { parsePlan } from "../../src/core/plan/parse";
import { validateWorkbook } from "../../src/core/validate";
import { buildWorkbook } from "../../src/core/workbook/build";
import { anyNumber, anyText, numberText, targetText } from "../support/arbitraries";
import { describe as describeIn } from "../../src/core";

const SEED = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");
const SEED_LINES = SEED.split("\n");

const anyCell: fc.Arbitrary<CellValue | undefined> = fc.oneof(
  anyNumber,
  numberText,
  targetText,
  anyText,
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
) as fc.Arbitrary<CellValue | undefined>;

function expectMessages(e: KpiError): void {
  expect(typeof e.code).toBe("string");
  expect(e.message.it.trim()).not.toBe("");
  expect(e.message.en.trim()).not.toBe("");
}

describe("parseNumber / parseNumberText", () => {
  test("never throw; a finite number, none (null) or an error with a message in both languages", () => {
    fc.assert(
      fc.property(anyCell, (x) => {
        const r = parseNumber(x);
        if (r === null) return;
        if (isKpiError(r)) return expectMessages(r);
        expect(Number.isFinite(r)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  test("the text form agrees with the cell form", () => {
    fc.assert(
      fc.property(fc.oneof(numberText, anyText), (text) => {
        const t = parseNumberText(text);
        const n = parseNumber(text);
        if (t === null) expect(n).toBeNull();
        else if (isKpiError(t)) expect(isKpiError(n)).toBe(true);
        else {
          expect(Number.isFinite(t.value)).toBe(true);
          expect(n).toBe(t.value);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("parseTarget", () => {
  test("never throws; a target whose conditions are finite and well formed, or an error with a message", () => {
    fc.assert(
      fc.property(anyCell, (x) => {
        const r = parseTarget(x);
        if (isKpiError(r)) return expectMessages(r);
        expect(r.entries.length).toBeGreaterThan(0);
        const years = r.entries.map((e) => e.year).filter((y) => y !== null);
        expect(new Set(years).size).toBe(years.length);
        // Some year must be readable: a cell with none is an error as a whole.
        expect(r.entries.some((e) => !e.error)).toBe(true);
        for (const e of r.entries) {
          if (e.year !== null) expect(Number.isInteger(e.year)).toBe(true);
          if (e.error) {
            expect(e.condition).toBeNull();
            expectMessages(e.error);
          }
          if (e.condition === null) continue;
          expect([">=", "<=", ">", "<", "=", "between"]).toContain(e.condition.op);
          expect(["percent", "number", "date", "boolean"]).toContain(e.condition.unit);
          expect(Number.isFinite(e.condition.value)).toBe(true);
          if (e.condition.op === "between") expect(e.condition.upper).toBeGreaterThanOrEqual(e.condition.value);
          if (e.condition.unit === "boolean") expect([0, 1]).toContain(e.condition.value);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test("huge inputs do not hang or throw (a 1 MB cell, 10,000 'Anno:' marks)", () => {
    for (const text of ["1".repeat(1_000_000), `>= ${"9".repeat(100_000)}%`, "Anno: 2021 >= 5 ".repeat(10_000), "Anno:".repeat(10_000), "(".repeat(100_000)]) {
      const r = parseTarget(text);
      if (isKpiError(r)) expectMessages(r);
    }
  });
});

// ------------------------------------------------------------------ the plan parser

/** Lines in a text by the most generous count (any line break), for bounding line numbers. */
function maxLines(text: string): number {
  return text.split(/\r\n|\r|\n|\u2028|\u2029|\u0085/).length;
}

/**
 * What is wrong with the parse of `text` (and with the workbook built from it), as a list of
 * readable lines: empty when everything holds. Plain checks, one `expect` per run: the
 * property runs thousands of checks and jest's matchers are slow.
 */
function planViolations(text: string): string[] {
  const out: string[] = [];
  const plan = parsePlan(text);
  const lines = maxLines(text);
  const at = (line: unknown) => Number.isInteger(line) && (line as number) >= 1 && (line as number) <= lines;
  for (const p of plan.problems) {
    if (p.severity !== "error" && p.severity !== "warning") out.push(`problem ${p.code}: severity ${String(p.severity)}`);
    if (typeof describeIn(p, "it") !== "string" || describeIn(p, "it").trim() === "") out.push(`problem ${p.code}: no message`);
    else if (/\{\w+\}|\bundefined\b|\[object /.test(describeIn(p, "it")) && !/\{\w+\}|undefined|\[object /.test(text)) {
      out.push(`problem ${p.code}: message "${describeIn(p, "it")}"`);
    }
    if (!at(p.line)) out.push(`problem ${p.code}: line ${String(p.line)} of ${lines}`);
  }
  const codes = new Set(plan.nodes.map((n) => n.code));
  for (const n of plan.nodes) if (!at(n.line)) out.push(`node ${n.code}: line ${n.line} of ${lines}`);
  for (const k of plan.kpis) {
    if (!codes.has(k.owner)) out.push(`KPI on line ${k.line}: owner ${k.owner} is not a node`);
    if (!at(k.line)) out.push(`KPI of ${k.owner}: line ${k.line} of ${lines}`);
    if (k.weight !== null && !Number.isFinite(k.weight)) out.push(`KPI on line ${k.line}: weight ${k.weight}`);
    if (k.baseline !== null && !Number.isFinite(k.baseline)) out.push(`KPI on line ${k.line}: baseline ${k.baseline}`);
  }
  // What the import then builds from it must be writable by both adapters.
  const spec = buildWorkbook(plan);
  const names = spec.sheets.map((s) => s.name.toLowerCase());
  if (new Set(names).size !== names.length) out.push(`sheet names repeat: ${names.join(", ")}`);
  for (const s of spec.sheets) {
    if (s.name.length === 0 || s.name.length > 31 || /[[\]:*?/\\]/.test(s.name)) out.push(`sheet name "${s.name}" is not valid in Excel`);
  }
  const tables = spec.sheets.flatMap((s) => s.tables.map((t) => t.name.toLowerCase()));
  if (new Set(tables).size !== tables.length) out.push(`table names repeat: ${tables.join(", ")}`);
  return out;
}

function checkPlan(text: string): void {
  const violations = planViolations(text);
  if (violations.length > 0) expect(violations).toEqual([]);
}

type Mutation =
  | { kind: "delete" | "duplicate" | "tabs-to-spaces" | "strip-tags" | "bold" | "heading"; at: number }
  | { kind: "swap"; at: number; other: number }
  | { kind: "insert" | "replace"; at: number; text: string }
  | { kind: "truncate"; at: number; fraction: number }
  | { kind: "digit"; at: number; digit: string }
  | { kind: "crlf" | "no-final-newline" | "nul" | "bom" };

const lineText = fc.oneof(
  anyText,
  fc.constantFrom(
    "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget",
    "<b>Indicatori testo</b>\t<b>Algoritmo</b>\t<b>Peso</b>\t<b>Stato</b>\t<b>Target</b>",
    "## Area strategica A - Competitività",
    "### Obiettivo strategico A.1 Competitività",
    "#### Obiettivo operativo A.1.1 Digitale",
    "Azione A.1.1.1.",
    "Unità organizzative coinvolte",
    "STAFF 6, S.1.4, AREA I",
    "Visite\tNumero visite\t100\t---\tAnno: 2021 >= 10 Anno: 2021 >= 11",
    "Visite\tNumero visite\t-50\tn.d.\tcirca 10",
    "\t\t\t\t",
    "Programma",
    "Obiettivo operativo",
    "A.1.1.1.1.1.1.1.1.1",
  ),
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom("delete", "duplicate", "tabs-to-spaces", "strip-tags", "bold", "heading"), at: fc.nat() }),
  fc.record({ kind: fc.constant("swap"), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constantFrom("insert", "replace"), at: fc.nat(), text: lineText }),
  fc.record({ kind: fc.constant("truncate"), at: fc.nat(), fraction: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant("digit"), at: fc.nat(), digit: fc.constantFrom("0", "9", "", ",", ".", "-", "%") }),
  fc.record({ kind: fc.constantFrom("crlf", "no-final-newline", "nul", "bom") }),
) as fc.Arbitrary<Mutation>;

function mutate(lines: readonly string[], mutations: readonly Mutation[]): string {
  const ls = [...lines];
  let suffix = "";
  let crlf = false;
  let bom = "";
  for (const m of mutations) {
    const i = ls.length === 0 ? 0 : ("at" in m ? m.at : 0) % ls.length;
    switch (m.kind) {
      case "delete":
        ls.splice(i, 1);
        break;
      case "duplicate":
        ls.splice(i, 0, ls[i] ?? "");
        break;
      case "swap": {
        const j = ls.length === 0 ? 0 : m.other % ls.length;
        [ls[i], ls[j]] = [ls[j] ?? "", ls[i] ?? ""];
        break;
      }
      case "insert":
        ls.splice(i, 0, m.text);
        break;
      case "replace":
        ls[i] = m.text;
        break;
      case "truncate":
        // Cut the text at this line: what remains is a prefix of the document.
        ls.splice(i + 1);
        ls[i] = (ls[i] ?? "").slice(0, Math.floor((ls[i] ?? "").length * m.fraction));
        break;
      case "tabs-to-spaces":
        ls[i] = (ls[i] ?? "").replace(/\t/g, "    ");
        break;
      case "strip-tags":
        ls[i] = (ls[i] ?? "").replace(/<\/?b>/g, "");
        break;
      case "bold":
        ls[i] = `**${ls[i] ?? ""}**`;
        break;
      case "heading":
        ls[i] = `#### ${(ls[i] ?? "").replace(/^#+\s*/, "")}`;
        break;
      case "digit":
        ls[i] = (ls[i] ?? "").replace(/\d/, m.digit);
        break;
      case "crlf":
        crlf = true;
        break;
      case "no-final-newline":
        while (ls.length > 0 && ls[ls.length - 1] === "") ls.pop();
        break;
      case "nul":
        suffix += "\u0000";
        break;
      case "bom":
        bom = "\ufeff";
        break;
    }
  }
  return bom + ls.join(crlf ? "\r\n" : "\n") + suffix;
}

describe("parsePlan", () => {
  test("arbitrary text: never throws; problems have a message and a line", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.array(lineText, { maxLength: 40 }).map((ls) => ls.join("\n"))), (text) => {
        checkPlan(text);
      }),
      { numRuns: 500 },
    );
  });

  test("the seed plan, mutated (lines deleted, duplicated, swapped, cut, retyped): never throws; problems have a message and a line", () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 12 }), (mutations) => {
        checkPlan(mutate(SEED_LINES, mutations));
      }),
      { numRuns: 300 },
    );
  });

  test("every prefix of the seed (a file cut anywhere) parses without throwing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: SEED.length }), (cut) => {
        checkPlan(SEED.slice(0, cut));
      }),
      { numRuns: 60 },
    );
  });

  test("the seed as it is reports no problem (the checks above are not vacuous)", () => {
    const plan = parsePlan(SEED);
    expect(plan.kpis.length).toBeGreaterThan(50);
    expect(plan.problems).toEqual([]);
    checkPlan(SEED);
  });
});

// ------------------------------------------------------------------ the validator

const HEADERS = [
  "Codice", "Obiettivo", "Indicatore", "Indicatori testo", "KPI", "Algoritmo", "Peso", "Peso %", "Weight", "Stato",
  "Target", "Target 2021", "Target 2022", "Valore", "Valore 2021", "Valore 2022", "Consuntivo 2022", "Misura 2022", "Note",
];

const gridCell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 3, arbitrary: anyNumber },
  { weight: 2, arbitrary: numberText },
  { weight: 2, arbitrary: targetText },
  { weight: 1, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom(...HEADERS) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("#DIV/0!", "#N/A", "Totale", "---", "n.d.", "") },
);

/** A header row with the three columns a table needs, in any order, with extras. */
const headerRow: fc.Arbitrary<CellValue[]> = fc
  .shuffledSubarray(HEADERS, { minLength: 0, maxLength: 8 })
  .chain((extra) => fc.shuffledSubarray([...new Set(["Indicatore", "Peso", "Target 2022", ...extra])]))
  .filter((row) => row.includes("Indicatore") && row.includes("Peso") && row.includes("Target 2022"));

const gridRow: fc.Arbitrary<CellValue[]> = fc.oneof(
  { weight: 1, arbitrary: headerRow },
  { weight: 6, arbitrary: fc.array(gridCell, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.constant<CellValue[]>([]) },
);

const sheetGrid: fc.Arbitrary<SheetGrid> = fc.record({
  name: fc.oneof(fc.string({ minLength: 1, maxLength: 31 }), fc.constantFrom("A", "Foglio1", "<img src=x onerror=alert(1)>", "'quoted'")),
  values: fc.array(gridRow, { maxLength: 30 }),
  formats: fc.option(fc.array(fc.array(fc.oneof(fc.constantFrom("0%", "0.00%", "General", "dd/mm/yyyy", '0"%"'), fc.constant(null), fc.string()), { maxLength: 12 }), { maxLength: 30 }), { nil: undefined }),
  origin: fc.option(fc.record({ row: fc.nat({ max: 1_000_000 }), col: fc.nat({ max: 16_000 }) }), { nil: undefined }),
});

describe("validateWorkbook on arbitrary grids", () => {
  test("never throws; statuses, achievements and problems are well formed", () => {
    fc.assert(
      fc.property(fc.array(sheetGrid, { minLength: 0, maxLength: 3 }), fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }), (sheets, year) => {
        const report = validateWorkbook(sheets, { year });
        const names = new Set(sheets.map((s) => s.name));
        expect(report.kpis.length).toBe(report.summary.rows);
        const s = report.summary;
        expect(s.met + s.unmet + s.missing + s.noTarget + s.invalid).toBe(s.rows);
        for (const k of report.kpis) {
          expect(["met", "unmet", "missing", "no_target", "invalid"]).toContain(k.status);
          expect(names).toContain(k.sheet);
          if (k.achievement !== null) {
            expect(Number.isFinite(k.achievement)).toBe(true);
            expect(k.achievement).toBeGreaterThanOrEqual(0);
            expect(k.achievement).toBeLessThanOrEqual(100);
          }
          if (k.value !== null) expect(Number.isFinite(k.value)).toBe(true);
          if (k.weight !== null) expect(Number.isFinite(k.weight)).toBe(true);
          if (k.status === "met" || k.status === "unmet") expect(k.achievement).not.toBeNull();
        }
        for (const g of report.groups) {
          expect(Number.isFinite(g.weightSum)).toBe(true);
          expect(Number.isFinite(g.difference)).toBe(true);
        }
        for (const p of report.problems) {
          expect(describeIn(p, "it").trim()).not.toBe("");
          expect(describeIn(p, "it")).not.toMatch(/\bundefined\b|\[object /);
          if (p.cell !== undefined) {
            expect(names).toContain(p.sheet);
            expect(p.cell).toMatch(/^[A-Z]{1,3}[1-9]\d*(:[A-Z]{1,3}[1-9]\d*)?$/);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  // Excel holds numbers up to 9.99e307; rounding a sum that large must not overflow to Infinity.
  test("a huge weight (9.99e307, Excel's largest) gives a finite weight sum, also when two of them overflow the sum", () => {
    const report = validateWorkbook([{ name: "A", values: [["Indicatore", "Peso", "Target 2022", "Valore 2022"], ["Visite", 9.99e307, ">= 10", 12], ["Visite 2", 9.99e307, ">= 10", 12]] }]);
    expect(report.groups.every((g) => Number.isFinite(g.weightSum) && Number.isFinite(g.difference))).toBe(true);
    expect(report.problems.map((p) => describeIn(p, "it")).join(" ")).not.toMatch(/Infinity/);
  });

  test("English messages are as complete as Italian ones", () => {
    fc.assert(
      fc.property(fc.array(sheetGrid, { minLength: 1, maxLength: 2 }), (sheets) => {
        // One analysis, described in both languages: every English text is there, and fills
        // as many placeholders as the Italian one (a misspelt name would stay visible).
        const report = validateWorkbook(sheets);
        const left = (text: string) => (text.match(/\{\w+\}/g) ?? []).length;
        for (const p of report.problems) {
          expect(describeIn(p, "en").trim()).not.toBe("");
          expect(left(describeIn(p, "en"))).toBe(left(describeIn(p, "it")));
        }
      }),
      { numRuns: 150 },
    );
  });
});
