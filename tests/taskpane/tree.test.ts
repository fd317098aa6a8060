/**
 * @jest-environment jsdom
 *
 * The roll-up tree in the pane: the model (figures, words, links) and the collapsible view.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { BAND_COLOURS, rollupWorkbook, validateWorkbook } from "../../src/core";
import { runValidate, type ValidateOutcome } from "../../src/excel/actions/validate";
import { en } from "../../src/taskpane/i18n/en";
import { it } from "../../src/taskpane/i18n/it";
import { achievementText, buildTreeView, rowsAddress, type TreeNodeView, type TreeView } from "../../src/taskpane/tree-model";
import { renderTreeCard } from "../../src/taskpane/view/tree";
import { seedWorkbook } from "../support/seed-values";
import { untitledTables } from "../fixtures/workbooks/untitled-tables";
import type { FakeExcel } from "../support/office";
import { fakeFromSpec, hostOf } from "../support/excel-fixtures";

const HOSTILE = "<img src=x onerror=alert(1)>";

let fake: FakeExcel;
let out: ValidateOutcome;
beforeAll(async () => {
  fake = await fakeFromSpec(seedWorkbook(), { platform: "desktop" });
  out = await runValidate(hostOf(fake), { year: 2021, mark: false });
});

function find(nodes: readonly TreeNodeView[], code: string): TreeNodeView | undefined {
  for (const n of nodes) {
    if (n.code === code) return n;
    const below = find(n.children, code);
    if (below) return below;
  }
  return undefined;
}

/** 1-based rows of a sheet whose first column holds `code` (read from the fake, not from the engine). */
function rowsOf(sheet: string, code: string): number[] {
  return fake.workbook.sheet(sheet)!.rows.flatMap((r, i) => (r?.[0] === code ? [i + 1] : []));
}

describe("the model", () => {
  test("achievements: half-up to 2 decimals, always 2 shown, decimal comma in Italian", () => {
    expect(achievementText(83.335, "it")).toBe("83,34");
    expect(achievementText(83.335, "en")).toBe("83.34");
    expect(achievementText(1.005, "it")).toBe("1,01");
    expect(achievementText(80, "it")).toBe("80,00");
    expect(achievementText(100, "en")).toBe("100.00");
    expect(achievementText(81.72083333, "it")).toBe("81,72");
  });

  test("rows as whole-row areas, runs joined", () => {
    expect(rowsAddress([9, 5, 6, 7, 6])).toBe("5:7,9:9");
    expect(rowsAddress([12])).toBe("12:12");
  });

  test("the seed workbook: the tree of Albero, B = 81,72 amber, nodes linked to their KPI rows or their tree row", () => {
    const tree = buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it");
    expect(tree.roots.map((n) => n.code)).toEqual(["A", "B", "C"]);
    expect(tree.count).toBe(out.rollup.nodes.length);
    expect(tree.year).toBe(2021);
    expect(tree.notes).toEqual(["Regole di misurazione dal foglio «Impostazioni».", "Albero dal foglio «Albero»."]);

    const b = find(tree.roots, "B")!;
    expect(b).toMatchObject({ kindLabel: "Area strategica", achievement: 81.72, achievementText: "81,72", band: "amber", bandText: "Giallo", kpis: 0 });
    // An area has no KPI rows: its link is its row on the tree sheet.
    expect(b.link).toEqual({ sheet: "Albero", address: `${rowsOf("Albero", "B")[0]}:${rowsOf("Albero", "B")[0]}`, where: `Albero!${rowsOf("Albero", "B")[0]}:${rowsOf("Albero", "B")[0]}` });

    // B.1.2.2: 62.5, red, 3 KPIs (hand-computed in tests/core/rollup), linked to its rows of sheet B.
    const action = find(tree.roots, "B.1.2.2")!;
    expect(action).toMatchObject({ achievementText: "62,50", band: "red", bandText: "Rosso", kpis: 3, met: 1, unmet: 2, missing: 0 });
    const rows = rowsOf("B", "B.1.2.2");
    expect(rows.length).toBe(3);
    expect(action.link).toEqual({ sheet: "B", address: rowsAddress(rows), where: `B!${rowsAddress(rows)}` });
    expect(action.link!.address).toBe(`${rows[0]}:${rows[2]}`);

    // Depths and children follow the roll-up's pre-order.
    const flat: TreeNodeView[] = [];
    const walk = (ns: readonly TreeNodeView[]) => ns.forEach((n) => (flat.push(n), walk(n.children)));
    walk(tree.roots);
    expect(flat.map((n) => [n.code, n.depth])).toEqual(out.rollup.nodes.map((n) => [n.code, n.depth]));
  });

  test("in English: decimal point and English words", () => {
    const tree = buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, en, "en");
    expect(find(tree.roots, "B")).toMatchObject({ achievementText: "81.72", bandText: "Amber", kindLabel: "Strategic area" });
    expect(tree.notes[1]).toBe("Tree from the sheet “Albero”.");
  });

  test("without a tree sheet the codes are the nodes; a node without rows anywhere has no link", () => {
    const rollup = {
      ...out.rollup,
      tree: "codes" as const,
      nodes: [
        { code: "X.1", kind: "code" as const, title: "X.1", parent: null, achievement: null, band: null, kpis: 1, missing: 1, met: 0, unmet: 0, depth: 0, weight: null, basis: "none" as const },
      ],
    };
    const tree = buildTreeView(rollup, { kpis: [], year: null }, null, { sheet: null }, it, "it");
    expect(tree.roots[0]).toMatchObject({ code: "X.1", title: "", achievementText: "n.d.", bandText: "n.d.", link: null });
    expect(tree.notes).toEqual([it.treeRulesDefault, it.treeFromCodes]);
  });
});

describe("owners of tables without a Codice column", () => {
  // Two such tables on one sheet are two nodes, `Foglio1!2` and `Foglio1!6` (named by the
  // roll-up after the table's first row); each must link to its own rows, not to none.
  const sheets = untitledTables();

  test("each table's node links to that table's rows", () => {
    const report = validateWorkbook(sheets);
    const tree = buildTreeView(rollupWorkbook(report, sheets), report, null, { sheet: null }, it, "it");
    // Foglio1 rows 2-3 are the first table, row 6 the second; Foglio2 has one table, row 2.
    expect(tree.roots.map((n) => [n.code, n.link?.where ?? null])).toEqual([
      ["Foglio1!2", "Foglio1!2:3"],
      ["Foglio1!6", "Foglio1!6:6"],
      ["Foglio2", "Foglio2!2:2"],
    ]);
  });
});

describe("the view", () => {
  function card(tree: TreeView) {
    document.body.replaceChildren();
    const calls: [string, string][] = [];
    let summaries = 0;
    const c = renderTreeCard(it, "it", (sheet, address) => calls.push([sheet, address]), () => summaries++);
    document.body.append(c.element);
    c.update(tree);
    return { c, calls, summaries: () => summaries, $: (s: string) => c.element.querySelector(s) as HTMLElement, $$: (s: string) => [...c.element.querySelectorAll(s)] as HTMLElement[] };
  }

  test("areas open, deeper levels closed and not even built; a toggle opens and closes; a node link goes to its rows", () => {
    const tree = buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it");
    const v = card(tree);
    expect(v.c.element.hidden).toBe(false);
    const area = v.$('[data-code="B"]');
    const toggle = area.querySelector(":scope > .tree-row > .tree-toggle") as HTMLButtonElement;
    expect(toggle.getAttribute("aria-expanded")).toBe("true");
    expect(toggle.getAttribute("aria-label")).toBe("Mostra i livelli sotto B");
    expect(document.getElementById(toggle.getAttribute("aria-controls")!)!.hidden).toBe(false);
    // B's children are there; their children are not built yet.
    const b1 = v.$('[data-code="B.1"]');
    expect(b1).not.toBeNull();
    expect(v.$('[data-code="B.1.2.2"]')).toBeNull();
    const b1Toggle = b1.querySelector(":scope > .tree-row > .tree-toggle") as HTMLButtonElement;
    expect(b1Toggle.getAttribute("aria-expanded")).toBe("false");
    b1Toggle.click();
    expect(b1Toggle.getAttribute("aria-expanded")).toBe("true");
    expect(v.$('[data-code="B.1.2"]')).not.toBeNull();
    b1Toggle.click();
    expect(document.getElementById(b1Toggle.getAttribute("aria-controls")!)!.hidden).toBe(true);

    // The node's figures in words, and its link.
    const link = area.querySelector(":scope > .tree-row > .tree-link") as HTMLButtonElement;
    expect(link.tagName).toBe("BUTTON");
    expect(link.querySelector(".tree-ach")!.textContent).toBe("Grado di raggiungimento 81,72%");
    expect(link.querySelector(".band")!.textContent).toBe("Giallo");
    expect(link.querySelector(".band")!.className).toBe("band band-amber");
    expect(link.getAttribute("title")).toBe(`Vai alle righe di B: ${find(tree.roots, "B")!.link!.where}`);
    link.click();
    expect(v.calls).toEqual([["Albero", find(tree.roots, "B")!.link!.address]]);
    (v.$("#summary") as HTMLButtonElement).click();
    expect(v.summaries()).toBe(1);
  });

  test("the bands' colours in the stylesheet are the vocabulary's (the Riepilogo sheet's)", () => {
    const css = readFileSync(join(__dirname, "../../src/taskpane/taskpane.css"), "utf8");
    const value = (name: string) => new RegExp(`${name}:\\s*(#[0-9a-fA-F]{6});`).exec(css)?.[1].toUpperCase() ?? null;
    for (const band of ["green", "amber", "red"] as const) {
      expect([band, value(`--band-${band}-bg`), value(`--band-${band}-fg`)]).toEqual([band, `#${BAND_COLOURS[band].fill}`, `#${BAND_COLOURS[band].ink}`]);
      expect(css).toContain(`.band-${band} {\n  background: var(--band-${band}-bg);\n  color: var(--band-${band}-fg);`);
    }
    // The red band as the Riepilogo sheet writes it (tests/core/report/summary.test.ts).
    expect(BAND_COLOURS.red).toMatchObject({ fill: "F8D4D1", ink: "B42318" });
  });

  test("counts are shown for nodes with KPIs of their own", () => {
    const v = card(buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it"));
    (v.$('[data-code="B.1"] .tree-toggle') as HTMLButtonElement).click();
    (v.$('[data-code="B.1.2"] .tree-toggle') as HTMLButtonElement).click();
    expect(v.$('[data-code="B.1.2.2"] .tree-counts').textContent).toBe("Raggiunti 1 · Non raggiunti 2 · Mancanti 0");
    expect(v.$('[data-code="B"] > .tree-row .tree-counts')).toBeNull();
  });

  test("a program without a figure shows none (it only groups objectives), as on the Riepilogo sheet", () => {
    const tree = buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it");
    const program = out.rollup.nodes.find((n) => n.kind === "program" && n.achievement === null)!;
    expect(find(tree.roots, program.code)).toMatchObject({ measured: false, kindLabel: "Programma" });
    const v = card(tree);
    (v.$(`[data-code="${program.parent}"] .tree-toggle`) as HTMLButtonElement).click();
    const row = v.$(`[data-code="${program.code}"] > .tree-row`);
    expect(row.querySelector(".tree-title")!.textContent).toBe(program.title);
    expect(row.querySelector(".tree-figures")).toBeNull();
    // Measured nodes always show a figure, "n.d." included.
    expect(find(tree.roots, "B.1")!.measured).toBe(true);
  });

  test("the open nodes are remembered across a new report; titles are text, never HTML", () => {
    const tree = buildTreeView(out.rollup, out.report, out.treeSheet, out.rules, it, "it");
    const v = card(tree);
    (v.$('[data-code="C"] .tree-toggle') as HTMLButtonElement).click(); // close an area
    (v.$('[data-code="B.1"] .tree-toggle') as HTMLButtonElement).click(); // open an objective
    const hostile: TreeView = { ...tree, roots: tree.roots.map((r) => (r.code === "A" ? { ...r, title: HOSTILE } : r)) };
    v.c.update(hostile);
    expect(v.$('[data-code="C"] .tree-toggle').getAttribute("aria-expanded")).toBe("false");
    expect(v.$('[data-code="B.1"] .tree-toggle').getAttribute("aria-expanded")).toBe("true");
    expect(v.$('[data-code="A"] .tree-title').textContent).toBe(HOSTILE);
    expect(document.querySelectorAll("img").length).toBe(0);
  });

  test("thousands of codes: closed, a page at a time, and 'show more'", () => {
    const node = (i: number): TreeNodeView => ({
      code: `A.${i}`,
      kind: "code",
      kindLabel: "Obiettivo",
      title: "",
      depth: 0,
      measured: true,
      achievement: 50,
      achievementText: "50,00",
      band: "red",
      bandText: "Rosso",
      kpis: 4,
      met: 1,
      unmet: 2,
      missing: 1,
      link: { sheet: "Area A", address: `${i * 4 - 2}:${i * 4 + 1}`, where: `Area A!${i * 4 - 2}:${i * 4 + 1}` },
      children: [],
    });
    const roots = Array.from({ length: 12_500 }, (_, i) => node(i + 1));
    const v = card({ roots, count: roots.length, year: 2022, notes: [] });
    expect(v.$$(".tree-list > .tree-node").length).toBe(100);
    const more = v.$(".tree-more .more") as HTMLButtonElement;
    expect(more.textContent).toBe("Mostra altre 100 voci");
    more.click();
    expect(v.$$(".tree-list > .tree-node").length).toBe(200);
    expect(document.activeElement?.closest(".tree-node")?.getAttribute("data-code")).toBe("A.101");
    (v.$('[data-code="A.7"] .tree-link') as HTMLButtonElement).click();
    expect(v.calls).toEqual([["Area A", "26:29"]]);
  });
});
