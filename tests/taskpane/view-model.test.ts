import type { CellValue } from "../../src/core";
import { validateWorkbook } from "../../src/core/validate";
import { en } from "../../src/taskpane/i18n/en";
import { it } from "../../src/taskpane/i18n/it";
import { allItems, buildReportView, formatValue, type SectionId } from "../../src/taskpane/view-model";
import { describe as describeIn } from "../../src/core";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** A sheet with one of every kind of result, at known cells (header on row 2, data from row 3). */
function grid(): CellValue[][] {
  return [
    ["Piano 2022"],
    ["Codice", "Indicatore", "Peso", "Target 2022", "Valore 2022"],
    ["A.1", "Visite", 50, ">= 10", 12], // row 3 met
    ["A.1", HOSTILE, 50, ">= 10", 5], // row 4 unmet
    ["A.2", "Pratiche", 60, ">= 10", null], // row 5 missing; A.2 sums to 60 + 30 = 90
    ["A.2", "Reclami", 30, "più di dieci", 3], // row 6 unreadable target
    ["A.3", "Sportelli", "tanti", ">= 1", 2], // row 7 bad weight
    ["A.3", "Eventi", 100, ">= 4", "molti"], // row 8 unreadable value
  ];
}

const report = () => validateWorkbook([{ name: "Area A", values: grid() }]);

const section = (view: ReturnType<typeof buildReportView>, id: SectionId) => view.sections.find((s) => s.id === id)!;

test("every kind of result lands in its section with the cell it leads to", () => {
  const view = buildReportView(report(), it, "it");
  const where = (id: SectionId) => allItems(section(view, id)).map((i) => i.where);
  expect(where("met")).toEqual(["Area A!E3", "Area A!E7"]);
  expect(where("unmet")).toEqual(["Area A!E4"]);
  expect(where("missing")).toEqual(["Area A!E5"]);
  expect(where("targets")).toEqual(["Area A!D6"]);
  expect(where("badWeights")).toEqual(["Area A!C7"]);
  expect(where("values")).toEqual(["Area A!E8"]);
  // A.2 sums to 90: one item, with the sum and the difference, leading to its weights. A.3 is
  // not ok only because of its unreadable weight, listed under the invalid weights.
  const groups = allItems(section(view, "weights"));
  expect(groups).toHaveLength(1);
  expect(groups[0].code).toBe("A.2");
  // 60 + 30 = 90: 10 short, in words (issue 10: a bare difference read the wrong way round).
  expect(groups[0].title).toBe("Somma 90, 10 in meno");
  expect(groups[0].address).toMatch(/^C5/);
  expect(view.clean).toBe(false);
});

test("items name the indicator and the owner; problems carry the engine's message", () => {
  const r = report();
  const view = buildReportView(r, it, "it");
  const unmet = allItems(section(view, "unmet"))[0];
  expect(unmet.code).toBe("A.1");
  expect(unmet.title).toBe(HOSTILE); // as data; the view puts it in the DOM as text
  expect(unmet.detail).toBe("Valore 5, target >= 10 · raggiungimento 50%");
  const target = allItems(section(view, "targets"))[0];
  expect(target.title).toBe("Reclami");
  const engineMessage = describeIn(r.problems.find((p) => p.cell === "D6")!, "it");
  expect(target.detail).toBe(engineMessage);
  expect(allItems(section(view, "missing"))[0].detail).toBe("Nessun valore, target >= 10");
});

test("summary counts come from the report; met starts closed, problems open", () => {
  const r = report();
  const view = buildReportView(r, it, "it");
  expect(view.summary).toMatchObject({ rows: r.summary.rows, met: 2, unmet: 1, missing: 1, year: 2022, groupsBad: 2 });
  expect(section(view, "met").open).toBe(false);
  expect(section(view, "unmet").open).toBe(true);
  expect(section(view, "weights").open).toBe(true);
});

test("English catalogue and English engine messages", () => {
  const view = buildReportView(report(), en, "en");
  expect(allItems(section(view, "weights"))[0].title).toBe("Sum 90, 10 short");
  expect(allItems(section(view, "unmet"))[0].detail).toBe("Value 5, target >= 10 · achievement 50%");
  expect(section(view, "weights").title).toBe("Weights not adding up to 100");
});

test("a clean workbook says so, and notices without a cell are not links", () => {
  const clean = validateWorkbook([{ name: "S", values: [["Indicatore", "Peso", "Target", "Valore"], ["Visite", 100, ">= 10", 12]] }]);
  const view = buildReportView(clean, it, "it");
  expect(view.clean).toBe(true);
  const none = validateWorkbook([{ name: "S", values: [["niente"]] }]);
  const other = allItems(section(buildReportView(none, it, "it"), "other"));
  expect(other).toHaveLength(1);
  expect(other[0]).toMatchObject({ sheet: null, address: null, where: null });
});

test("values read as the user wrote them: percentages, dates, Italian decimals", () => {
  expect(formatValue(12.5, { op: ">=", value: 10, unit: "percent" }, "it")).toBe("12,5%");
  expect(formatValue(44561, { op: "<=", value: 44561, unit: "date" }, "it")).toBe("31/12/2021");
  expect(formatValue(1.5, null, "en")).toBe("1.5");
});

test("items are made only for what is shown", () => {
  const rows: CellValue[][] = [["Indicatore", "Peso", "Target", "Valore"]];
  for (let i = 0; i < 5000; i++) rows.push([`K${i}`, i === 0 ? 100 : 0, ">= 10", 5]);
  const view = buildReportView(validateWorkbook([{ name: "S", values: rows }]), it, "it");
  const unmet = section(view, "unmet");
  expect(unmet.count).toBe(5000);
  expect(unmet.slice(100, 102).map((i) => i.title)).toEqual(["K100", "K101"]);
});

test("a group over its total says how many too many, and a group with a text weight is listed once", () => {
  const r = validateWorkbook([
    {
      name: "B",
      values: [
        ["Codice", "Indicatore", "Peso", "Target", "Valore"],
        ["B.1", "a", 60, ">= 1", 1],
        ["B.1", "b", 45, ">= 1", 1], // B.1: 60 + 45 = 105, 5 too many
        ["B.2", "c", "venti", ">= 1", 1], // B.2: a text weight, the readable 50 is no sum to judge
        ["B.2", "d", 50, ">= 1", 1],
      ],
    },
  ]);
  const view = buildReportView(r, it, "it");
  expect(allItems(section(view, "weights")).map((i) => [i.code, i.title])).toEqual([["B.1", "Somma 105, 5 in più"]]);
  expect(allItems(section(view, "badWeights")).map((i) => i.where)).toEqual(["B!C4"]);
  const inEnglish = buildReportView(validateWorkbook(r.kpis.length > 0 ? [{ name: "B", values: [["Indicatore", "Peso", "Target"], ["a", 105, ">= 1"]] }] : []), en, "en");
  expect(allItems(section(inEnglish, "weights")).map((i) => [i.title, i.detail])).toEqual([["Sum 105, 5 too many", "B · row 2"]]);
  // Two rows: "righe 2–3"; one row: "riga 2", never "righe 2–2".
  expect(allItems(section(view, "weights"))[0].detail).toBe("B · righe 2–3");
});

test("targets not met without a Motivazione scostamento have a section of their own, each leading to its reason cell", () => {
  const values: CellValue[][] = [
    ["Codice", "Indicatore", "Peso", "Target 2022", "Valore 2022", "Motivazione scostamento"],
    ["A.1", "Visite", 40, ">= 10", 5, "Sede chiusa per lavori"], // unmet, with a reason
    ["A.1", "Pratiche", 30, ">= 10", 4, null], // unmet, no reason
    ["A.1", "Eventi", 30, ">= 2", 3, null], // met: no reason needed
  ];
  const view = buildReportView(validateWorkbook([{ name: "Area A", values }]), it, "it");
  const reasons = allItems(section(view, "reasons"));
  expect(reasons.map((i) => [i.title, i.where])).toEqual([["Pratiche", "Area A!F3"]]);
  expect(reasons[0].detail).toMatch(/senza motivazione/);
  expect(section(view, "reasons").title).toBe("Motivazioni dello scostamento mancanti");
  expect(allItems(section(view, "other"))).toEqual([]);
  // Both unmet KPIs are still listed as unmet.
  expect(allItems(section(view, "unmet")).map((i) => i.title)).toEqual(["Visite", "Pratiche"]);
});
