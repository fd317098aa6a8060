/**
 * @jest-environment jsdom
 *
 * Crea schede unità in the whole pane (store + controller + view) against the fake Excel host:
 * the button next to Crea riepilogo, its phases, the sheet written in one Excel.run with
 * 2 syncs, the notice, the update in place, and a failed write explained.
 */
import { en } from "../../src/taskpane/i18n/en";
import { it } from "../../src/taskpane/i18n/it";
import { seedWorkbook } from "../support/seed-values";
import type { FakeExcel } from "../support/office";
import { fakeFromSpec, kpiWorkbook } from "../support/excel-fixtures";
import { expectWriteRolledBack, mountPane } from "../support/pane";

const pane = (fake: FakeExcel) => mountPane(fake);

const idle = (p: ReturnType<typeof pane>) => p.idle();

test("Crea schede unità sits next to Crea riepilogo and writes the Schede unità sheet in 2 syncs", async () => {
  const fake = await fakeFromSpec(seedWorkbook(), { platform: "desktop" });
  const p = pane(fake);
  await p.controller.validate(2021);
  const button = p.$("#units") as HTMLButtonElement;
  expect(button.textContent).toBe("Crea schede unità");
  // In the tree card's actions, after the summary button, with its hint.
  expect(button.closest(".tree")).not.toBeNull();
  expect(p.$("#summary").compareDocumentPosition(button) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  expect(document.getElementById(button.getAttribute("aria-describedby")!)!.textContent).toBe(it.unitsHint);

  fake.resetStats();
  button.click();
  await new Promise((r) => setTimeout(r, 0));
  expect(button.disabled).toBe(true);
  expect((p.$("#summary") as HTMLButtonElement).disabled).toBe(true);
  await idle(p);
  expect(button.disabled).toBe(false);
  const phases = p.seen.filter((s) => s.busy?.action === "units").map((s) => s.busy!.text);
  expect(phases).toEqual(expect.arrayContaining(["Verifica dei KPI…", "Scrittura delle schede delle unità…"]));
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
  const sheet = fake.workbook.sheet("Schede unità")!;
  // The seed plan's units (20 in 2021; tests/core/scorecards.test.ts): STAFF 1 = 80.125.
  expect(sheet.rows.find((r) => r?.[0] === "STAFF 1")![1]).toBeCloseTo(80.125, 9);
  const count = p.store.get().notice!.lines[0];
  expect(count).toMatch(/^Schede di \d+ unità scritte nel nuovo foglio «Schede unità»\.$/);
  expect(p.$(".status-text").textContent).toBe(count);
  // The year shown stays 2021.
  expect(p.store.get().report!.year).toBe(2021);

  await p.controller.units();
  expect(p.$(".status-text").textContent).toMatch(/aggiornate nel foglio «Schede unità», creato in precedenza/);
  expect(fake.workbook.sheets.filter((s) => s.name.startsWith("Schede unità"))).toHaveLength(1);
});

test("a workbook without units: nothing written, and the pane says where units come from", async () => {
  const fake = kpiWorkbook(12);
  const p = pane(fake);
  await p.controller.validate();
  const before = JSON.stringify(fake.snapshot());
  await p.controller.units();
  expect(p.$(".status-text").textContent).toBe(it.unitsNone);
  expect(JSON.stringify(fake.snapshot())).toBe(before);
});

test("a failed write is explained and the workbook is as before", async () => {
  const fake = await fakeFromSpec(seedWorkbook(), { platform: "desktop" });
  const p = pane(fake);
  await expectWriteRolledBack(fake, p, () => p.controller.units(), it.unitsRolledBack);
});

test("the English catalogue has every units string, with the same placeholders", () => {
  for (const key of ["unitsButton", "unitsHint", "phaseUnitsWriting", "unitsDone", "unitsReplaced", "unitsNone", "unitsRolledBack", "unitsIncomplete"] as const) {
    expect(en[key]).not.toBe(it[key]);
    expect(en[key].match(/\{\w+\}/g) ?? []).toEqual(it[key].match(/\{\w+\}/g) ?? []);
  }
});
