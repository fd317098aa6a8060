/**
 * Plans of other bodies: eight shapes written for these tests (tests/fixtures/plans/), not
 * copied from real documents. Every expected node, KPI, target and weight group below was
 * worked out by hand from the fixture text; line numbers are the fixture's.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan, planDropped } from "../../../src/core/plan/parse";
import type { ParsedPlan, TargetEntry } from "../../../src/core/types";
import { describe as describeIn } from "../../../src/core";

const read = (name: string): ParsedPlan => parsePlan(readFileSync(join(__dirname, "../../fixtures/plans", name), "utf8"));
const tree = (p: ParsedPlan) => p.nodes.map((n) => [n.code, n.kind, n.parent]);
const brief = (p: ParsedPlan) => p.problems.map((x) => [x.line, x.severity, x.code]);
/** `>=70%` style: the op, the value and a `%`/`d` (date) suffix, per year. */
const conds = (entries: readonly TargetEntry[]) =>
  entries.map((e) => {
    const c = e.condition;
    const text = c === null ? "---" : `${c.op}${c.value}${c.unit === "percent" ? "%" : c.unit === "date" ? "d" : ""}`;
    return e.year === null ? text : `${e.year}:${text}`;
  });
const kpis = (p: ParsedPlan) => p.kpis.map((k) => [k.line, k.owner, k.weight, conds(k.targets).join(" ")]);
/**
 * Weight groups as the plan has them: the owners whose KPIs all carry a weight, with the
 * sum. An owner with a KPI without a weight is not a group (no weight check).
 */
const groups = (p: ParsedPlan) => {
  const by = new Map<string, (number | null)[]>();
  for (const k of p.kpis) by.set(k.owner, [...(by.get(k.owner) ?? []), k.weight]);
  return [...by].filter(([, w]) => w.every((x) => x !== null)).map(([o, w]) => [o, w.reduce((a, b) => (a as number) + (b as number), 0)]);
};

// Excel serials: 31/12/2021 is 44561; 31/12/2025 = 44561 + 4 * 365 + 1 (29/02/2024) = 46022.
const APR_30_2026 = 46022 + 31 + 28 + 31 + 30; // 46142
const JUN_30_2026 = 46022 + 31 + 28 + 31 + 30 + 31 + 30; // 46203
const JUN_30_2027 = JUN_30_2026 + 365; // 46568

describe("1. PIAO in Markdown (piao-markdown.md): value-public objectives, | tables, Target YYYY columns", () => {
  const plan = read("piao-markdown.md");

  test("nodes: codes 1 / 1.1 / 1.1.1 hang under their prefix", () => {
    expect(tree(plan)).toEqual([
      ["1", "area", null],
      ["1.1", "strategic", "1"],
      ["1.1.1", "operational", "1.1"],
      ["2", "area", null],
      ["2.1", "strategic", "2"],
    ]);
    expect(plan.nodes[0].title).toBe("Servizi accessibili a cittadini e imprese");
  });

  test("KPIs with per-year targets from the Target 2026 / Target 2027 columns; the rule line is skipped", () => {
    expect(kpis(plan)).toEqual([
      [11, "1.1", 60, "2026:>=70% 2027:>=80%"],
      [12, "1.1", 40, "2026:<=25 2027:<=20"],
      [18, "1.1.1", 100, "2026:>=20 2027:>=30"],
      [26, "2.1", 50, "2026:<=0 2027:<=0"],
      [27, "2.1", 30, "2026:>=85% 2027:>=88%"],
      [28, "2.1", 20, `2026:<=${JUN_30_2026}d 2027:<=${JUN_30_2027}d`],
    ]);
    expect(plan.kpis[0]).toMatchObject({ algorithm: "Pratiche online / Pratiche totali * 100", algorithmKind: "share_pct", baseline: 55 });
    expect(plan.kpis[0].target).toBe("Anno: 2026 >= 70% Anno: 2027 >= 80%");
    expect(plan.kpis[4].baseline).toBeNull(); // "---"
    expect(plan.kpis[5].algorithmKind).toBe("deadline");
  });

  test("three weight groups, each 100 (60 + 40, 100, 50 + 30 + 20); no problem; years from the targets", () => {
    expect(groups(plan)).toEqual([["1.1", 100], ["1.1.1", 100], ["2.1", 100]]);
    expect(plan.problems).toEqual([]);
    expect(plan.years).toEqual([2026, 2027]);
  });
});

describe("2. Word table pasted as text (word-paste.txt): headings in capitals without colon, tab tables", () => {
  const plan = read("word-paste.txt");

  test("nodes from OBIETTIVO STRATEGICO 1 – ... and OBIETTIVO OPERATIVO 1.1 – ...", () => {
    expect(tree(plan)).toEqual([
      ["1", "strategic", null],
      ["1.1", "operational", "1"],
      ["1.2", "operational", "1"],
      ["2", "strategic", null],
      ["2.1", "operational", "2"],
    ]);
    expect(plan.nodes[1].title).toBe("FATTURE LIQUIDATE ENTRO TRENTA GIORNI");
  });

  test("columns in any order (Unità di misura, Fonte, Note skipped); a two-row header Target over 2026 | 2027 | 2028", () => {
    expect(kpis(plan)).toEqual([
      [7, "1.1", 70, "2026:>=80% 2027:>=85% 2028:>=90%"],
      [8, "1.1", 30, "2026:<=30 2027:<=28 2028:<=25"],
      [13, "1.2", 100, "2026:>=40% 2027:>=45% 2028:>=50%"], // header on lines 11-12
      [18, "2.1", 50, "2026:>=24"],
      [19, "2.1", 50, "2026:>=90%"],
    ]);
    expect(plan.kpis[0].baseline).toBe(72); // Baseline is the third column here
    expect(plan.kpis[3].indicator).toBe("Ore di formazione per dipendente");
  });

  test("groups 70 + 30, 100, 50 + 50; no problem; years from the targets", () => {
    expect(groups(plan)).toEqual([["1.1", 100], ["1.2", 100], ["2.1", 100]]);
    expect(plan.problems).toEqual([]);
    expect(plan.years).toEqual([2026, 2027, 2028]);
  });
});

describe("3. CSV tables (csv-tables.csv): ';' with quoted cells, then ','; codes OS1 / OO1", () => {
  const plan = read("csv-tables.csv");

  test("OO1 and OO2 hang under OS1 by the outline (their codes have no common prefix)", () => {
    expect(tree(plan)).toEqual([
      ["OS1", "strategic", null],
      ["OO1", "operational", "OS1"],
      ["OO2", "operational", "OS1"],
    ]);
  });

  test("quoted cells keep their ';' and their doubled quotes", () => {
    expect(kpis(plan)).toEqual([
      [6, "OO1", 60, ">=95%"],
      [7, "OO1", 40, "<=15"],
      [11, "OO2", 100, ">=10"],
    ]);
    expect(plan.kpis[0].algorithm).toBe("Chiuse nei termini / Totali (escluse sospese; archiviate) * 100");
    expect(plan.kpis[0].algorithmKind).toBe("share_pct");
    expect(plan.kpis[1].indicator).toBe('Tempo "medio" di risposta');
    expect(plan.kpis[0].baseline).toBe(80); // Valore di partenza
  });

  test("groups 60 + 40 and 100; no problem; years from the title", () => {
    expect(groups(plan)).toEqual([["OO1", 100], ["OO2", 100]]);
    expect(plan.problems).toEqual([]);
    expect(plan.years).toEqual([2026, 2027, 2028]);
  });
});

describe("4. Numbered lists (numbered-lists.txt): '1.' and '1.1' before the label, 'a)' and '-' items", () => {
  const plan = read("numbered-lists.txt");

  test("the list number is the code; items without a number get generated codes under their parent", () => {
    expect(tree(plan)).toEqual([
      ["1", "strategic", null],
      ["1.1", "operational", "1"],
      ["1.1/ATT1", "action", "1.1"],
      ["1.1/ATT2", "action", "1.1"],
      ["2", "strategic", null],
      ["2.1", "operational", "2"],
    ]);
  });

  test("a table goes to the heading right above it", () => {
    expect(kpis(plan)).toEqual([
      [6, "1.1", 100, ">=300"],
      [10, "1.1/ATT2", 100, ">=10"],
      [14, "2.1", 100, ">=95%"],
    ]);
    expect(groups(plan)).toEqual([["1.1", 100], ["1.1/ATT2", 100], ["2.1", 100]]);
  });

  test("one warning names the generated codes", () => {
    expect(brief(plan)).toEqual([[7, "warning", "PLAN_CODES_GENERATED"]]);
    expect(describeIn(plan.problems[0], "it")).toContain("2 intestazioni senza codice");
    expect(describeIn(plan.problems[0], "it")).toContain("1.1/ATT1 «Scansione dell'archivio stori…»");
  });
});

describe("5. PIAO without codes or weights (piao-no-codes.txt): Target primo/secondo/terzo anno", () => {
  const plan = read("piao-no-codes.txt");

  test("generated codes OVP1, OVP1/OSP1 ...: numbered per parent and label", () => {
    expect(tree(plan)).toEqual([
      ["OVP1", "area", null],
      ["OVP1/OSP1", "strategic", "OVP1"],
      ["OVP1/OSP2", "strategic", "OVP1"],
      ["OVP2", "area", null],
      ["OVP2/OSP1", "strategic", "OVP2"],
    ]);
  });

  test("primo/secondo/terzo anno are 2026/2027/2028 from the title 2026-2028; '---' is no target that year", () => {
    expect(kpis(plan)).toEqual([
      [6, "OVP1/OSP1", null, "2026:>=50 2027:>=60 2028:>=70"],
      [7, "OVP1/OSP1", null, "2026:>=80% 2027:>=85% 2028:---"],
      [10, "OVP1/OSP2", null, "2026:>=4"],
      [14, "OVP2/OSP1", 50, "2026:>=90%"],
      [15, "OVP2/OSP1", 50, "2026:>=95%"],
    ]);
  });

  test("tables without a weight column: one note per table, no error per row; one weight group (50 + 50)", () => {
    expect(brief(plan)).toEqual([
      [3, "warning", "PLAN_CODES_GENERATED"],
      [5, "warning", "PLAN_TABLE_NO_WEIGHTS"],
      [9, "warning", "PLAN_TABLE_NO_WEIGHTS"],
    ]);
    expect(groups(plan)).toEqual([["OVP2/OSP1", 100]]);
    expect(describeIn(plan.problems[0], "it")).toContain("5 intestazioni senza codice");
  });

  test("without the title's years, the positional columns are reported and their targets left out", () => {
    const text = readFileSync(join(__dirname, "../../fixtures/plans/piao-no-codes.txt"), "utf8").replace("2026-2028", "");
    const p = parsePlan(text);
    expect(brief(p).filter((x) => x[2] === "PLAN_ORDINAL_NO_YEAR").map((x) => x[0])).toEqual([5, 9, 13]);
    expect(p.kpis[0].targets).toEqual([]);
    expect(describeIn(p.problems.find((x) => x.code === "PLAN_ORDINAL_NO_YEAR")!, "en")).toContain("“Target primo anno”");
  });
});

describe("6. Services, cost centres, perspectives (services-perspectives.txt): codes OS1, OA1.1, 12; a weights-only table", () => {
  const plan = read("services-perspectives.txt");

  test("Prospettiva > Obiettivo strategico > Servizio / Centro di costo > Obiettivo annuale; Azione under the strategic objective", () => {
    expect(tree(plan)).toEqual([
      ["PR1", "area", null],
      ["OS1", "strategic", "PR1"],
      ["OS1/S1", "program", "OS1"], // Servizio: Ragioneria, no code
      ["OA1.1", "operational", "OS1/S1"],
      ["12", "program", "OS1"], // Centro di costo 12 - Tributi
      ["OA1.2", "operational", "12"],
      ["PR2", "area", null],
      ["OS2", "strategic", "PR2"],
      ["OS2/AZ1", "action", "OS2"],
    ]);
  });

  test("a table with weights and no target column keeps its weights; a deadline target", () => {
    expect(kpis(plan)).toEqual([
      [8, "OA1.1", 60, `<=${APR_30_2026}d`],
      [9, "OA1.1", 40, ">=95%"],
      [13, "OA1.2", 50, ""],
      [14, "OA1.2", 50, ""],
      [19, "OS2/AZ1", 100, ">=4"],
    ]);
    expect(groups(plan)).toEqual([["OA1.1", 100], ["OA1.2", 100], ["OS2/AZ1", 100]]);
    expect(plan.kpis[0].algorithmKind).toBe("deadline");
  });

  test("notes: generated codes, the table without targets", () => {
    expect(brief(plan)).toEqual([
      [3, "warning", "PLAN_CODES_GENERATED"],
      [12, "warning", "PLAN_TABLE_NO_TARGETS"],
    ]);
    expect(describeIn(plan.problems[0], "it")).toContain("4 intestazioni senza codice");
  });
});

describe("7. Missions and programs whose objective numbers restart (restarting-numbers.txt)", () => {
  const plan = read("restarting-numbers.txt");

  test("MISSIONE 01 > Programma 01.02 > Obiettivo operativo 1; a repeated number is made unique with its parent", () => {
    expect(tree(plan)).toEqual([
      ["01", "area", null],
      ["01.02", "program", "01"],
      ["1", "operational", "01.02"],
      ["2", "operational", "01.02"],
      ["01.03", "program", "01"],
      ["01.03/1", "operational", "01.03"],
      ["12", "area", null],
      ["12.01", "program", "12"],
      ["12.01/1", "operational", "12.01"],
    ]);
  });

  test("four one-KPI groups of 100; one warning lists the renamed codes", () => {
    expect(kpis(plan)).toEqual([
      [7, "1", 100, "2026:>=100%"],
      [10, "2", 100, "2026:>=95%"],
      [14, "01.03/1", 100, "2026:<=0"],
      [19, "12.01/1", 100, "2026:>=120"],
    ]);
    expect(groups(plan)).toEqual([["1", 100], ["2", 100], ["01.03/1", 100], ["12.01/1", 100]]);
    expect(brief(plan)).toEqual([[12, "warning", "PLAN_CODE_RENAMED"]]);
    expect(describeIn(plan.problems[0], "it")).toContain("1 → 01.03/1, 1 → 12.01/1");
  });
});

describe("8. Nothing readable (near-misses.txt): PLAN_EMPTY says which lines almost matched and why", () => {
  test("a heading without title, a heading without code or colon, a table header without Indicatore", () => {
    const plan = read("near-misses.txt");
    expect(plan.nodes).toEqual([]);
    expect(brief(plan)).toEqual([
      [1, "error", "PLAN_EMPTY"],
      [6, "error", "PLAN_TABLE_HEADER"],
    ]);
    const empty = describeIn(plan.problems[0], "it");
    expect(empty).toContain("riga 3: «OBIETTIVO STRATEGICO 1.1» sembra un'intestazione (OBIETTIVO STRATEGICO) ma non ha un titolo");
    expect(empty).toContain("riga 5: «Obiettivo specifico riduzione dei tempi» inizia con «Obiettivo specifico» ma non ha codice né due punti");
    expect(empty).toContain("riga 6: intestazione di tabella non riconosciuta, colonne trovate Peso, Target, mancano Indicatore");
    expect(describeIn(plan.problems[1], "it")).toBe(
      "Intestazione di tabella non riconosciuta: colonne trovate Peso, Target; mancano Indicatore. Righe ignorate: 2.",
    );
    expect(planDropped(plan)).toBe(true);
  });

  test("in English", () => {
    const plan = read("near-misses.txt");
    expect(describeIn(plan.problems[0], "en")).toContain("line 3: “OBIETTIVO STRATEGICO 1.1” looks like a heading (OBIETTIVO STRATEGICO) but has no title");
    expect(describeIn(plan.problems[0], "en")).toContain("columns found Peso, Target, missing Indicatore");
  });

  test("a text with no near miss says what a heading and a table look like", () => {
    const plan = parsePlan("Relazione annuale.\nNessun obiettivo qui.");
    expect(describeIn(plan.problems[0], "it")).toContain("Nessuna riga somiglia a un'intestazione");
  });
});

describe("9. A table after a heading not understood (bad-heading-table.txt) is never given to the objective above", () => {
  const plan = read("bad-heading-table.txt");

  test("1.2 has no title: not a node; its table is reported, not attached to 1.1", () => {
    expect(tree(plan)).toEqual([
      ["1", "strategic", null],
      ["1.1", "operational", "1"],
      ["1.3", "operational", "1"],
    ]);
    expect(kpis(plan)).toEqual([[6, "1.1", 100, ">=90%"]]);
    expect(plan.kpis.some((k) => k.indicator === "Pratiche istruite")).toBe(false);
  });

  test("rows with too many or too few cells are dropped and reported; the import counts as incomplete", () => {
    expect(brief(plan)).toEqual([
      [7, "warning", "PLAN_HEADING_NO_TITLE"],
      [8, "error", "PLAN_TABLE_AFTER_BAD_HEADING"],
      [12, "error", "PLAN_ROW_CELLS"], // 4 cells: a filled cell after Target
      [13, "error", "PLAN_ROW_CELLS"], // 2 cells
    ]);
    expect(describeIn(plan.problems[1], "it")).toBe(
      "Tabella KPI dopo l'intestazione non compresa alla riga 7 («Obiettivo operativo 1.2»): non è attribuita all'obiettivo precedente; righe ignorate: 1.",
    );
    expect(describeIn(plan.problems[2], "it")).toContain("4 celle invece di 3 (Indicatore, Peso, Target");
    expect(planDropped(plan)).toBe(true);
  });
});

describe("headings of every label", () => {
  test.each([
    ["Obiettivo di valore pubblico: Salute", "area"],
    ["Obiettivo valore pubblico 2 - Salute", "area"],
    ["Missione 01 Servizi istituzionali", "area"],
    ["Prospettiva: Utenti", "area"],
    ["Obiettivo specifico 1.2 Accesso", "strategic"],
    ["Obiettivo strategico OS3 - Innovazione", "strategic"],
    ["Programma 01.02 Segreteria", "program"],
    ["Servizio: Tributi", "program"],
    ["Centro di costo 12 - Tributi", "program"],
    ["Obiettivo operativo n. 3 Sportello", "operational"],
    ["Obiettivo annuale 149.1 Archivio", "operational"],
    ["Obiettivo 4 - Formazione", "operational"],
    ["Azione: Formazione", "action"],
    ["Attività: Formazione", "action"],
  ])("%s", (line, kind) => {
    const plan = parsePlan(line);
    expect(plan.nodes.map((n) => n.kind)).toEqual([kind]);
  });

  test("codes of many shapes are kept as written (spaces dropped)", () => {
    const codes = ["Obiettivo operativo n. 3 Sportello", "Obiettivo annuale 149.1 Archivio", "Obiettivo strategico OS 3 - X", "Missione II - Tutela"]
      .map((l) => parsePlan(l).nodes[0]?.code);
    expect(codes).toEqual(["3", "149.1", "OS3", "II"]);
  });

  test("prose is not a heading: 'Obiettivo dell'Ente è ...', 'I servizi ...' after a label", () => {
    expect(parsePlan("Obiettivo dell'Ente è di proseguire con la razionalizzazione dei costi.").nodes).toEqual([]);
    expect(parsePlan("Obiettivo strategico: I servizi digitali").nodes[0]).toMatchObject({ code: "OS1", title: "I servizi digitali" });
  });
});

describe("PDF text with columns aligned by spaces, and weights written as dashes", () => {
  const text = [
    "Piano della performance 2026-2028",
    "OBIETTIVO OPERATIVO 3.1 - SPORTELLO DIGITALE",
    "Indicatore                      Peso     Target 2026    Target 2027",
    "Pratiche evase online           60       >= 90%         >= 95%",
    "Tempo medio di risposta         40       <= 10          <= 8",
    "",
    "Obiettivo operativo 3.2 - Prerequisiti",
    "Indicatore\tPeso\tTarget",
    "Piano approvato\t–\t<= 31/01/2026",
    "Relazione pubblicata\t---\t<= 30/06/2026",
  ].join("\n");
  const plan = parsePlan(text);

  test("the space-aligned table reads like a tab one; dashes are no weight (one note, no error)", () => {
    expect(tree(plan)).toEqual([
      ["3.1", "operational", null],
      ["3.2", "operational", null],
    ]);
    // 31/01/2026 = 46022 + 31; 30/06/2026 as above.
    expect(kpis(plan)).toEqual([
      [4, "3.1", 60, "2026:>=90% 2027:>=95%"],
      [5, "3.1", 40, "2026:<=10 2027:<=8"],
      [9, "3.2", null, `<=${46022 + 31}d`],
      [10, "3.2", null, `<=${JUN_30_2026}d`],
    ]);
    expect(brief(plan)).toEqual([[8, "warning", "PLAN_TABLE_NO_WEIGHTS"]]);
    expect(groups(plan)).toEqual([["3.1", 100]]);
  });
});

describe("a code the parser does not read is quoted", () => {
  test("`3bis` and `#4` stay in the title; the warning quotes them and names the generated code", () => {
    const plan = parsePlan(["Obiettivo strategico: OS1 Servizi", "Obiettivo operativo: 3bis Sportello", "Obiettivo operativo: #4 Archivio"].join("\n"));
    expect(plan.nodes.map((n) => [n.code, n.title])).toEqual([
      ["OS1", "Servizi"],
      ["OS1/OO1", "3bis Sportello"],
      ["OS1/OO2", "#4 Archivio"],
    ]);
    expect(brief(plan)).toEqual([
      [2, "warning", "PLAN_CODE_REJECTED"],
      [2, "warning", "PLAN_CODES_GENERATED"],
      [3, "warning", "PLAN_CODE_REJECTED"],
    ]);
    expect(describeIn(plan.problems[0], "it")).toBe(
      "«3bis» dopo «Obiettivo operativo» non è letto come codice (codici come 1.1, A.1, OS1, n. 3, II): resta nel titolo e il nodo prende il codice generato OS1/OO1.",
    );
  });

  test("a year is neither a code nor a rejected one", () => {
    const plan = parsePlan("Obiettivo annuale: 2026 senza ritardi");
    expect(plan.nodes.map((n) => [n.code, n.title])).toEqual([["OA1", "2026 senza ritardi"]]);
    expect(plan.problems.map((p) => p.code)).toEqual(["PLAN_CODES_GENERATED"]);
  });
});

describe("a table after a title that is not a plan heading is given to the node above, with a warning", () => {
  const plan = parsePlan(
    [
      "## Obiettivo operativo 1.1 – Sportello", // 1
      "### Indicatori", // 2: introduces the table, no warning
      "| Indicatore | Peso | Target |", // 3
      "|---|---|---|",
      "| Pratiche | 100 | >= 10 |", // 5
      "",
      "## Digitalizzazione degli archivi", // 7: a title without a label
      "| Indicatore | Peso | Target |", // 8
      "|---|---|---|",
      "| Fascicoli | 100 | >= 5 |", // 10
    ].join("\n"),
  );

  test("both tables belong to 1.1; the second is reported with the title it follows", () => {
    expect(kpis(plan)).toEqual([
      [5, "1.1", 100, ">=10"],
      [10, "1.1", 100, ">=5"],
    ]);
    expect(brief(plan)).toEqual([
      [1, "warning", "PLAN_NO_YEARS"],
      [5, "warning", "PLAN_WEIGHTS_SUM"], // 100 + 100 = 200 for 1.1: the warning that tells the user something is off
      [8, "warning", "PLAN_TABLE_UNDER_OTHER_HEADING"],
    ]);
    expect(describeIn(plan.problems[2], "it")).toContain("«Digitalizzazione degli archivi» (riga 7)");
  });
});

describe("PLAN_EMPTY for a document whose headings carry no plan label", () => {
  test("the titles and the tables are named, so the user knows where to add the labels", () => {
    const plan = parsePlan(
      ["# Digitalizzazione", "| Indicatore | Peso | Target |", "|---|---|---|", "| Pratiche | 100 | >= 1 |", "", "## Trasparenza", "Indicatore\tTarget", "Pubblicazioni\t>= 10"].join("\n"),
    );
    expect(brief(plan)).toEqual([
      [1, "error", "PLAN_EMPTY"],
      [2, "error", "PLAN_TABLE_NO_OWNER"],
      [7, "error", "PLAN_TABLE_NO_OWNER"],
    ]);
    const m = describeIn(plan.problems[0], "it");
    expect(m).toContain("riga 1: «Digitalizzazione» è un titolo ma non inizia con un'etichetta del piano");
    expect(m).toContain("riga 6: «Trasparenza» è un titolo");
    expect(m).toContain("Tabelle KPI trovate alle righe 2, 7, ma senza un'intestazione del piano sopra.");
  });

  test("tables without any title: only the tables are named", () => {
    const plan = parsePlan("Indicatore\tPeso\tTarget\nPratiche\t100\t>= 1");
    expect(describeIn(plan.problems.find((p) => p.code === "PLAN_EMPTY")!, "en")).toMatch(/a performance plan or a PIAO\. KPI tables found at lines 1, but without a plan heading above them\.$/);
  });
});
