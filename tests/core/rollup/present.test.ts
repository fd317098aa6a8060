/**
 * The roll-up as shown (src/core/rollup/present.ts): totals, chart nodes, figures as text,
 * bands and kinds in words, the rows of each node's KPIs; and the three readers of it (the
 * HTML Relazione, the Riepilogo sheet, the pane's tree) showing the same thing.
 */
import { renderReport } from "../../../src/core/report";
import {
  achievementText,
  chartNodes,
  isMeasured,
  kpiCounts,
  kpiOwners,
  nodeRows,
  nodeTitle,
  ownerRows,
  presentNode,
  rollup,
  rollupWorkbook,
  rowsAddress,
  treeSheetRows,
} from "../../../src/core/rollup";
import type { CellValue, RollupNode, SheetGrid } from "../../../src/core/types";
import { validateWorkbook } from "../../../src/core/validate";
import { summarySheet } from "../../../src/core/workbook/summary";
import { it as IT } from "../../../src/taskpane/i18n/it";
import { buildTreeView, type TreeNodeView } from "../../../src/taskpane/tree-model";
import { gridsOf, seedWorkbook } from "../../support/seed-values";
import { untitledTables } from "../../fixtures/workbooks/untitled-tables";

const node = (over: Partial<RollupNode>): RollupNode => ({
  code: "X",
  kind: "code",
  title: "X",
  parent: null,
  achievement: null,
  band: null,
  kpis: 0,
  missing: 0,
  met: 0,
  unmet: 0,
  depth: 0,
  weight: null,
  basis: "none",
  ...over,
});

describe("figures and words", () => {
  test("an achievement: half-up to 2 decimals, always 2 shown, comma in Italian", () => {
    // 83.335 is 83.33499… in binary: rounded half-up on the decimal, 83.34.
    expect([achievementText(83.335, "it"), achievementText(83.335, "en")]).toEqual(["83,34", "83.34"]);
    expect([achievementText(1.005, "it"), achievementText(80, "en"), achievementText(0, "it")]).toEqual(["1,01", "80.00", "0,00"]);
    expect(achievementText(200 / 3, "it")).toBe("66,67");
  });

  test("one node in each language; a program without a figure is not measured; a title that is its code is empty", () => {
    const b = node({ code: "B", kind: "area", title: "Ente", achievement: 81.72083333, band: "amber", basis: "children" });
    expect(presentNode(b, "it")).toMatchObject({ kindLabel: "Area strategica", title: "Ente", measured: true, achievement: 81.72, achievementText: "81,72", bandText: "Giallo" });
    expect(presentNode(b, "en")).toMatchObject({ kindLabel: "Strategic area", achievementText: "81.72", bandText: "Amber" });
    const p = node({ code: "A.1/P1", kind: "program", title: "Sostegno" });
    expect([isMeasured(p), isMeasured({ ...p, achievement: 50 }), isMeasured(node({}))]).toEqual([false, true, true]);
    expect(presentNode(node({ code: "X.1", title: "X.1" }), "it")).toMatchObject({ title: "", achievement: null, achievementText: "n.d.", bandText: "n.d." });
    expect(nodeTitle({ code: "A", title: "Imprese" })).toBe("Imprese");
  });

  test("totals over the nodes' own KPIs; the chart shows strategic objectives, else the top-level nodes", () => {
    const nodes = rollup({
      nodes: [
        { code: "A", kind: "area", title: "A", parent: null },
        { code: "A.1", kind: "strategic", title: "A.1", parent: "A" },
        { code: "A.1.1", kind: "operational", title: "A.1.1", parent: "A.1" },
      ],
      kpis: [
        { owner: "A.1", weight: 50, status: "met", achievement: 100, algorithmKind: "count" },
        { owner: "A.1", weight: 50, status: "missing", achievement: null, algorithmKind: "count" },
        { owner: "A.1.1", weight: 100, status: "unmet", achievement: 40, algorithmKind: "count" },
      ],
    }).nodes;
    // A.1: 1 met + 1 missing; A.1.1: 1 unmet; A: none of its own.
    expect(kpiCounts(nodes)).toEqual({ kpis: 3, met: 1, unmet: 1, missing: 1 });
    expect(chartNodes(nodes).map((n) => n.code)).toEqual(["A.1"]);
    const flat = [node({ code: "P", kind: "program" }), node({ code: "Y" }), node({ code: "Y.1", depth: 1 })];
    expect(chartNodes(flat).map((n) => n.code)).toEqual(["Y"]);
  });

  test("rows as whole-row runs", () => {
    expect(rowsAddress([9, 5, 6, 7, 6])).toBe("5:7,9:9");
    expect(rowsAddress([])).toBe("");
  });
});

describe("owners and their rows", () => {
  const grid = (name: string, values: CellValue[][]): SheetGrid => ({ name, values });
  const HEAD = ["Codice", "Indicatore", "Peso", "Target", "Valore"];

  test("a code's rows on the first sheet that has them, the code compared without a trailing dot", () => {
    const sheets = [
      grid("S1", [HEAD, ["A.1.", "k1", 50, ">= 1", 1], ["B", "k2", 100, ">= 1", 1], ["A.1", "k3", 50, ">= 1", 1]]),
      grid("S2", [HEAD, ["A.1", "k4", 100, ">= 1", 1]]),
    ];
    const rows = ownerRows(validateWorkbook(sheets));
    expect(rows.get("A.1")).toEqual({ sheet: "S1", rows: [2, 4] });
    expect(rows.get("B")).toEqual({ sheet: "S1", rows: [3] });
  });

  test("tables without a Codice column: the sheet's name, with the table's first row when the sheet has several", () => {
    const sheets = untitledTables();
    const report = validateWorkbook(sheets);
    expect(kpiOwners(report)).toEqual(["Foglio1!2", "Foglio1!2", "Foglio1!6", "Foglio2"]);
    const rows = ownerRows(report);
    expect([...rows.keys()]).toEqual(["Foglio1!2", "Foglio1!6", "Foglio2"]);
    // The roll-up names its nodes the same way, so every node finds its rows.
    expect(rollupWorkbook(report, sheets).nodes.map((n) => [n.code, rows.get(n.code)?.rows])).toEqual([
      ["Foglio1!2", [2, 3]],
      ["Foglio1!6", [6]],
      ["Foglio2", [2]],
    ]);
  });
});

describe("a node's rows", () => {
  test("on the tree sheet: under the code header, origin applied, the first row of a code winning", () => {
    // The grid starts at row 3 (origin.row 2): the header is sheet row 4, `A` row 5, `A.1` row 6.
    const albero: SheetGrid = { name: "Albero", origin: { row: 2, col: 0 }, values: [["note"], ["Codice", "Tipo"], ["A", "Area"], ["A.1.", "x"], [null], ["A", "again"]] };
    expect([...treeSheetRows(albero)]).toEqual([["A", 5], ["A.1", 6]]);
    expect(treeSheetRows({ name: "Vuoto", values: [["A"], ["B"]] }).size).toBe(0);
  });

  test("its own KPI rows first, else its tree row, else none", () => {
    const sheets: SheetGrid[] = [
      { name: "S", values: [["Codice", "Indicatore", "Peso", "Target", "Valore"], ["A.1", "k", 100, ">= 1", 1]] },
    ];
    const albero: SheetGrid = { name: "Albero", values: [["Codice"], ["A"], ["A.1"]] };
    const rows = nodeRows(validateWorkbook(sheets), albero);
    expect(rows.get("A.1")).toEqual({ sheet: "S", rows: [2] });
    expect(rows.get("A")).toEqual({ sheet: "Albero", rows: [2] });
    expect(rows.has("B")).toBe(false);
    expect(nodeRows(validateWorkbook(sheets), null).has("A")).toBe(false);
  });
});

describe("the three readers agree", () => {
  const sheets = gridsOf(seedWorkbook());
  const report = validateWorkbook(sheets, { year: 2021 });
  const roll = rollupWorkbook(report, sheets);
  const measured = roll.nodes.filter((n) => n.band !== null);

  test("the seed's roll-up has nodes of every band to compare", () => {
    expect(new Set(measured.map((n) => n.band))).toEqual(new Set(["red", "amber", "green"]));
  });

  test("the pane's tree shows each node's kind, figure and band as the presentation does", () => {
    const tree = buildTreeView(roll, report, null, { sheet: null }, IT, "it");
    const flat: TreeNodeView[] = [];
    const walk = (ns: readonly TreeNodeView[]) => ns.forEach((n) => (flat.push(n), walk(n.children)));
    walk(tree.roots);
    expect(flat.map((v) => [v.code, v.kindLabel, v.achievementText, v.bandText])).toEqual(
      roll.nodes.map((n) => {
        const p = presentNode(n, "it");
        return [n.code, p.kindLabel, p.achievementText, p.bandText];
      }),
    );
  });

  test("the Riepilogo's tree rows and the Relazione's node rows carry the same kind and band words", () => {
    const spec = summarySheet({ year: 2021, nodes: roll.nodes, rules: roll.rules, generatedOn: "2022-03-31" });
    const html = renderReport({ year: 2021, generatedOn: "2022-03-31", nodes: roll.nodes, rules: roll.rules });
    // The tree is the sheet's last section: its rows are the last ones with a node's code.
    const treeRows = spec.cells.slice(-roll.nodes.length);
    for (const n of measured) {
      const p = presentNode(n, "it");
      const row = treeRows.find((r) => r[0] === n.code);
      expect([n.code, row?.[1], row?.[4]]).toEqual([n.code, p.kindLabel, p.bandText]);
      if (n.kind === "program") continue;
      const cell = new RegExp(
        `<td class="code">${n.code.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}</td><td class="node"><span class="kind">${p.kindLabel}</span>[^<]*</td><td class="ach">${p.achievementText}</td><td class="band"><span class="light light-${n.band}" aria-hidden="true"></span>${p.bandText}</td>`,
      );
      expect([n.code, cell.test(html)]).toEqual([n.code, true]);
    }
  });
});
