/**
 * @jest-environment jsdom
 *
 * Congela monitoraggio in the whole pane (store + controller + view) against the fake host:
 * confirmation first, then the hidden Storico sheet; Validate then lists later edits in their
 * own section, each a link to its cell.
 */
import { HISTORY_HEADER } from "../../src/core/history-sheet";
import { en } from "../../src/taskpane/i18n/en";
import { it } from "../../src/taskpane/i18n/it";
import type { Strings } from "../../src/taskpane/i18n";
import { FakeExcel } from "../support/office";
import { kpiRows } from "../support/excel-fixtures";
import { mountPane } from "../support/pane";

/** 30 June 2026, 09:05:07 local time: the clock the controller reads. */
const NOW = new Date(2026, 5, 30, 9, 5, 7);

const pane = (fake: FakeExcel, strings: Strings = it, lang: "it" | "en" = "it") => mountPane(fake, { strings, lang, now: () => NOW });

function book(): FakeExcel {
  const fake = new FakeExcel({ platform: "web" });
  fake.workbook.load({ name: "Area A", values: kpiRows(3) });
  return fake;
}

test("the button asks first, saying what the freeze does; Annulla writes nothing", async () => {
  const fake = book();
  const p = pane(fake);
  await p.controller.validate();
  const before = JSON.stringify(fake.snapshot());
  (p.$("#freeze") as HTMLButtonElement).click();
  const question = p.$(".freeze-question").textContent;
  // The year shown after Validate is 2022 (kpiRows' Valore 2022).
  expect(question).toBe(
    "Congelare i valori del periodo 2022? Verranno copiati nel foglio nascosto «Storico» con la data e l'ora di adesso. Un congelamento precedente dello stesso periodo resta nel foglio ma non conta più.",
  );
  expect(p.$("#freeze").hidden).toBe(true);
  (p.$("#freeze-cancel") as HTMLButtonElement).click();
  await p.idle();
  expect(p.$(".freeze-confirm").hidden).toBe(true);
  expect(JSON.stringify(fake.snapshot())).toBe(before);
});

test("Congela then edit then Valida: the change is listed with a link to its cell", async () => {
  const fake = book();
  const p = pane(fake);
  await p.controller.validate();
  fake.resetStats();
  (p.$("#freeze") as HTMLButtonElement).click();
  (p.$("#freeze-confirm") as HTMLButtonElement).click();
  await p.idle();
  // One Excel.run of 2 syncs: read, write.
  expect(fake.stats).toMatchObject({ runs: 1, syncs: 2 });
  expect(p.$(".status-text").textContent).toBe("Valori congelati: 3 del periodo 2022, nel foglio nascosto «Storico» (30/06/2026 09:05).");
  const storico = fake.workbook.sheet("Storico")!;
  expect(storico.visibility).toBe("Hidden");
  expect(storico.rows[0]).toEqual([...HISTORY_HEADER]);
  expect(storico.rows[1]).toEqual(["Area A", "G2", "A.1", "Indicatore 1", "2022", 12, "2026-06-30 09:05:07"]);

  // The user changes G3 from 5 to 9, then validates again.
  fake.workbook.sheet("Area A")!.rows[2][6] = 9;
  await p.controller.validate();
  const section = p.root.querySelector('[data-section="frozen"]') as HTMLElement;
  expect(section.querySelector(".badge")!.textContent).toBe("1");
  const link = section.querySelector(".item-link") as HTMLButtonElement;
  expect(link.querySelector(".item-where")!.textContent).toBe("Area A!G3");
  expect(link.querySelector(".item-title")!.textContent).toBe("Indicatore 2");
  expect(link.querySelector(".item-detail")!.textContent).toBe(
    "Valore modificato dopo il congelamento del 30/06/2026 09:05 (periodo 2022): era «5», ora è «9».",
  );
  link.click();
  await p.idle();
  expect(fake.workbook.selection).toEqual({ sheet: "Area A", address: "G3" });
});

test("a user's sheet named Storico: the pane says so in English and leaves it", async () => {
  const fake = book();
  fake.workbook.load({ name: "Storico", values: [["My notes"]] });
  const p = pane(fake, en, "en");
  (p.$("#freeze") as HTMLButtonElement).click();
  // Before any Validate the period is the default one, named in words.
  expect(p.$(".freeze-question").textContent).toContain("Freeze the values of the period latest year with values?");
  (p.$("#freeze-confirm") as HTMLButtonElement).click();
  await p.idle();
  expect(p.$(".status-text").textContent).toBe(
    "The sheet “Storico” already exists but is not the freeze history written by this tool: it is left alone. Rename it to freeze the values.",
  );
  expect(fake.workbook.sheet("Storico")!.rows).toEqual([["My notes"]]);
});
