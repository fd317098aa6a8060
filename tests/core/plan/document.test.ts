import { documentText, parsePlanDocument, type PlanDocument } from "../../../src/core/plan/document";

const doc: PlanDocument = {
  blocks: [
    { type: "paragraph", text: "Piano 2026-2028", level: 1 }, // 1
    { type: "paragraph", text: "", level: null }, // 2 (empty: not emitted, still counted)
    { type: "paragraph", text: "Obiettivo specifico\t2 Accesso", level: 8 }, // 3: a tab inside a paragraph is a space
    {
      type: "table",
      rows: [
        ["Obiettivo operativo 2.1 – Sportello", "", ""], // 4: a title row above the header
        ["Indicatore", "Peso", "Target"], // 5
        ["Pratiche\nonline", "100", ">= 10"], // 6
        ["", "", ""], // 7: empty row
        ["Obiettivo operativo 2.2 – Archivio", "", ""], // 8: a heading between rows
        ["Fascicoli", "100", ">= 5"], // 9
        ["Nota: dati 2025", "", ""], // 10: one filled cell, not a heading: an ordinary row
      ],
    },
    { type: "paragraph", text: "Fine.", level: null }, // 11
  ],
};

test("the text form: # marks for headings, tab rows, blank lines around the table, the header repeated after a heading row", () => {
  const { text, lines } = documentText(doc);
  expect(text.split("\n")).toEqual([
    "# Piano 2026-2028",
    "###### Obiettivo specifico 2 Accesso",
    "",
    "",
    "Obiettivo operativo 2.1 – Sportello",
    "Indicatore\tPeso\tTarget",
    "Pratiche online\t100\t>= 10",
    "",
    "Obiettivo operativo 2.2 – Archivio",
    "Indicatore\tPeso\tTarget",
    "Fascicoli\t100\t>= 5",
    "Nota: dati 2025\t\t",
    "",
    "Fine.",
  ]);
  expect(lines).toEqual([1, 3, 4, 4, 4, 5, 6, 8, 8, 9, 9, 10, 10, 11]);
});

test("parsed with the document's line numbers", () => {
  const plan = parsePlanDocument(doc);
  expect(plan.nodes.map((n) => [n.code, n.parent, n.line])).toEqual([
    ["2", null, 3],
    ["2.1", "2", 4],
    ["2.2", "2", 8],
  ]);
  expect(plan.kpis.map((k) => [k.owner, k.indicator, k.line])).toEqual([
    ["2.1", "Pratiche online", 6],
    ["2.2", "Fascicoli", 9],
    ["2.2", "Nota: dati 2025", 10],
  ]);
  // The note row is a KPI row with a blank weight and target: reported at its document line.
  expect(plan.problems.map((p) => [p.line, p.code])).toEqual([
    [10, "PLAN_BAD_TARGET"],
    [10, "PLAN_BLANK_WEIGHT"], // judged when the table ends: 2 rows with a weight, this one without
  ]);
});
