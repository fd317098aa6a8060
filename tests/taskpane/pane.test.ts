/**
 * @jest-environment jsdom
 *
 * The whole pane (store + controller + view) in jsdom against the fake Excel host.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import { it } from "../../src/taskpane/i18n/it";
import { FakeExcel } from "../support/office";
import { kpiRows, markedCells } from "../support/excel-fixtures";
import { expectWriteRolledBack, mountPane } from "../support/pane";

const SEED = readFileSync(join(__dirname, "../../seeds/000_30336ea7c660fe63.txt"), "utf8");

const pane = (fake: FakeExcel | null) => mountPane(fake);

function book(): FakeExcel {
  const fake = new FakeExcel({ platform: "web" });
  fake.workbook.load({ name: "Area A", values: kpiRows(9) });
  fake.workbook.load({ name: "Nascosto", values: kpiRows(3), visibility: "Hidden" });
  return fake;
}

test("Validate: progress while busy, then summary, lists, marks, and the year selector", async () => {
  const fake = book();
  const p = pane(fake);
  expect(p.$(".status-text").textContent).toBe(it.ready);
  p.$("#validate").focus();
  (p.$("#validate") as HTMLButtonElement).click();
  await new Promise((r) => setTimeout(r, 0));
  expect((p.$("#validate") as HTMLButtonElement).disabled).toBe(true);
  expect(p.root.getAttribute("data-busy")).toBe("true");
  expect(p.root.getAttribute("aria-busy")).toBeNull();
  expect(p.$(".status").getAttribute("aria-live")).toBe("polite");
  await p.controller.validate(); // ignored while busy: returns at once
  while (p.store.get().busy) await new Promise((r) => setTimeout(r, 5));
  const phases = p.seen.filter((s) => s.busy).map((s) => s.busy!.text);
  expect(phases).toEqual(expect.arrayContaining(["Verifica dei KPI…", "Scrittura delle evidenziazioni…"]));
  expect(phases.some((t) => t.startsWith("Lettura dei fogli…"))).toBe(true);
  expect(fake.stats.runs).toBe(1);
  expect(p.root.getAttribute("data-busy")).toBe("false");
  expect(document.activeElement).toBe(p.$("#validate"));
  expect(p.$('[data-stat="unmet"] dd').textContent).toBe("4");
  expect(p.$('[data-stat="met"] dd').textContent).toBe("4");
  expect(p.$('[data-stat="missing"] dd').textContent).toBe("4");
  expect(p.$(".status-text").textContent).toContain("Verifica completata: 12 righe KPI in 2 tabelle.");
  expect(markedCells(fake).size).toBe(12);
  const year = p.$("select") as HTMLSelectElement;
  expect([...year.options].map((o) => o.value)).toEqual(["2022"]);
  expect(year.value).toBe("2022");
  expect(year.disabled).toBe(false);
});

test("a link selects its cell; a hidden sheet is explained in words", async () => {
  const fake = book();
  const p = pane(fake);
  await p.controller.validate();
  (p.root.querySelector('[data-section="unmet"] .item-link') as HTMLButtonElement).click();
  while (p.store.get().busy || fake.workbook.selection === null) await new Promise((r) => setTimeout(r, 5));
  expect(fake.workbook.selection).toEqual({ sheet: "Area A", address: "G3" });
  await p.controller.goTo("Nascosto", "G2");
  expect(p.$(".alert-message").textContent).toBe(it.errHidden.replace("{sheet}", "Nascosto"));
  (p.$(".alert-close") as HTMLButtonElement).click();
  expect(p.$(".alert").textContent).toBe("");
});

test("Clear restores the workbook and says how many marks it removed", async () => {
  const fake = book();
  const before = JSON.stringify(fake.snapshot());
  const p = pane(fake);
  await p.controller.validate();
  await p.controller.clear();
  expect(JSON.stringify(fake.snapshot())).toBe(before);
  expect(p.$(".status-text").textContent).toBe("Evidenziazioni rimosse: 6.");
  await p.controller.clear();
  expect(p.$(".status-text").textContent).toBe(it.doneClearNone);
});

test("host failures: cell-edit mode and a protected sheet in plain words", async () => {
  const fake = book();
  const p = pane(fake);
  fake.cellEditMode = true;
  await p.controller.validate();
  expect(p.$(".alert-message").textContent).toBe(it.errCellEdit);
  expect(p.$(".alert-code").textContent).toBe("Codice: InvalidOperationInCellEditMode");
  fake.cellEditMode = false;
  fake.workbook.sheets[0].protected = true;
  await p.controller.validate();
  expect(p.$(".alert").textContent).toBe("");
  expect(p.$(".status-text").textContent).toContain("Fogli protetti, lasciati senza evidenziazioni: Area A.");
});

test("outside Excel every action explains that the pane needs Excel", async () => {
  const p = pane(null);
  await p.controller.validate();
  expect(p.$(".alert-message").textContent).toBe(it.errNoExcel);
});

test("Import: empty text, a text that is not a plan, the seed plan with a name clash, and a failed write", async () => {
  const fake = book();
  fake.workbook.load({ name: "A", values: [["mio"]] });
  const p = pane(fake);
  const text = p.root.querySelector("textarea")!;
  const button = p.root.querySelector(".import .btn-primary") as HTMLButtonElement;

  button.click();
  expect(p.$(".import-result").textContent).toBe(it.importEmpty);

  await p.controller.importPlan("Solo una lista della spesa.");
  expect(p.$(".import-result").textContent).toContain(it.importNotPlan);
  expect(fake.workbook.sheets).toHaveLength(3);

  text.value = SEED;
  await p.controller.importPlan(text.value);
  const result = p.$(".import-result").textContent!;
  // Every sheet the plan describes, the clashing one renamed (the list comes from the core's description).
  const described = buildWorkbook(parsePlan(SEED), { lang: "it" }).sheets.map((s) => (s.name === "A" ? "A (2)" : s.name));
  expect(described.slice(0, 4)).toEqual(["A (2)", "B", "C", "Albero"]);
  expect(result).toContain(`Fogli creati: ${described.join(", ")}.`);
  expect(result).toContain("Il foglio «A» esisteva già: il nuovo si chiama «A (2)».");
  expect(fake.workbook.sheet("A")!.rows).toEqual([["mio"]]);

  const before = JSON.stringify(fake.snapshot());
  fake.failSync(2, "AccessDenied", 40);
  await p.controller.importPlan(SEED);
  expect(p.$(".import-result").textContent).toContain(it.importRolledBack);
  expect(p.$(".import-result .alert-message").textContent).toBe(it.errProtected);
  expect(JSON.stringify(fake.snapshot())).toBe(before);
});

test("a plan file is read in the page (FileReader) into the text box", async () => {
  const p = pane(book());
  const input = p.root.querySelector('input[type="file"]') as HTMLInputElement;
  const file = new File(["Area strategica: A Imprese"], "piano.txt", { type: "text/plain" });
  Object.defineProperty(input, "files", { value: [file] });
  input.dispatchEvent(new Event("change"));
  // FileReader answers when it is done, not after a set time: wait for the status line (a
  // reader that never answers fails by the test's timeout).
  while (!p.$(".file-status").textContent?.includes("piano.txt")) await new Promise((r) => setTimeout(r, 5));
  expect(p.root.querySelector("textarea")!.value).toBe("Area strategica: A Imprese");
  expect(p.$(".file-status").textContent).toBe("File letto: piano.txt (26 caratteri).");
});

test("after Validate the roll-up tree is shown; a node goes to its rows; Crea riepilogo writes the sheet and says so", async () => {
  const fake = book();
  const p = pane(fake);
  expect(p.$(".tree").hidden).toBe(true);
  await p.controller.validate();
  expect(p.$(".tree").hidden).toBe(false);
  // A hand-made sheet: each code is a node (A.1 has rows 2-5 of "Area A"; kpiRows groups 4 rows per code).
  expect([...p.root.querySelectorAll(".tree-list > .tree-node")].map((n) => n.getAttribute("data-code"))).toEqual(["A.1", "A.2", "A.3"]);
  expect(p.$('[data-code="A.1"] .tree-ach').textContent).toMatch(/^Grado di raggiungimento \d+,\d\d%$/);
  (p.$('[data-code="A.2"] .tree-link') as HTMLButtonElement).click();
  while (p.store.get().busy || fake.workbook.selection === null) await new Promise((r) => setTimeout(r, 5));
  expect(fake.workbook.selection).toEqual({ sheet: "Area A", address: "A6:XFD9" });

  const button = p.$("#summary") as HTMLButtonElement;
  expect(button.textContent).toBe("Crea riepilogo");
  fake.resetStats();
  button.focus();
  button.click();
  await new Promise((r) => setTimeout(r, 0));
  expect(button.disabled).toBe(true);
  while (p.store.get().busy) await new Promise((r) => setTimeout(r, 5));
  const phases = p.seen.filter((s) => s.busy?.action === "summary").map((s) => s.busy!.text);
  expect(phases).toEqual(expect.arrayContaining(["Verifica dei KPI…", "Scrittura del foglio di riepilogo…"]));
  // One Excel.run: 1 read every sheet (cells, markers), 2 write the sheet.
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
  expect(fake.workbook.sheets.map((s) => s.name)).toEqual(["Area A", "Nascosto", "Riepilogo"]);
  expect(p.$(".status-text").textContent).toBe("Riepilogo scritto nel nuovo foglio «Riepilogo».");
  expect(document.activeElement).toBe(button);
  // Again: the same sheet, updated.
  await p.controller.summary();
  expect(p.$(".status-text").textContent).toBe("Riepilogo aggiornato nel foglio «Riepilogo», creato in precedenza da questo riquadro.");
  expect(fake.workbook.sheets).toHaveLength(3);
});

test("Crea riepilogo: a failed write is explained and the workbook is as before", async () => {
  const fake = book();
  const p = pane(fake);
  await p.controller.validate();
  // Sync 2 of Crea riepilogo is the write (sync 1 reads).
  await expectWriteRolledBack(fake, p, () => p.controller.summary(), it.summaryRolledBack);
});

test("Office 2021 (ExcelApi 1.14): a node's rows that are not adjacent select the first group, and the pane says so", async () => {
  const fake = new FakeExcel({ platform: "desktop", apiVersion: "1.14" });
  fake.workbook.load({ name: "Area A", values: kpiRows(9) });
  const p = pane(fake);
  await p.controller.validate();
  await p.controller.goTo("Area A", "2:3,6:6");
  expect(fake.workbook.selection).toEqual({ sheet: "Area A", address: "A2:XFD3" });
  expect(p.$(".status-text").textContent).toBe(it.selectFirstAreaOnly);
  expect(p.$(".alert").textContent).toBe("");
});
