/**
 * @jest-environment jsdom
 *
 * The period selector: monitoring dates (`Valore 2026 al 30/06`) in the whole pane (store +
 * controller + view) against the fake Excel host, with the at-risk mark on the sheet.
 */
import { en } from "../../src/taskpane/i18n/en";
import { it } from "../../src/taskpane/i18n/it";
import type { Strings } from "../../src/taskpane/i18n";
import { FakeExcel, type FakeCell } from "../support/office";
import { markedCells } from "../support/excel-fixtures";
import { mountPane } from "../support/pane";

const HEADER: FakeCell[] = ["Codice", "Indicatore", "Algoritmo", "Peso", "Target 2026", "Valore 2026 al 30/06", "Valore 2026 al 30/09", "Valore 2026"];

/**
 * `n` rows in groups of four (weights 25): events >= 200 (a count), 90 at 30/06 and 150 at
 * 30/09; a portal due by 30/09/2026, not done; complaints <= 30 (a count), 31 then 33; and
 * satisfaction >= 80% (not cumulative), 75% then 85%.
 */
function monitoredRows(n: number): FakeCell[][] {
  const rows: FakeCell[][] = [HEADER.slice()];
  for (let i = 0; i < n; i++) {
    const code = `A.${Math.floor(i / 4) + 1}`;
    switch (i % 4) {
      case 0:
        rows.push([code, `Eventi ${i + 1}`, "Numero eventi", 25, ">= 200", 90, 150, ""]);
        break;
      case 1:
        rows.push([code, `Portale ${i + 1}`, "Realizzazione attività", 25, "<= 30/09/2026", "", "", ""]);
        break;
      case 2:
        rows.push([code, `Reclami ${i + 1}`, "Numero reclami", 25, "<= 30", 31, 33, ""]);
        break;
      default:
        rows.push([code, `Soddisfazione ${i + 1}`, "Grado di soddisfazione", 25, ">= 80%", "75%", "85%", ""]);
    }
  }
  return rows;
}

const pane = (fake: FakeExcel, strings: Strings = it, lang: "it" | "en" = "it") => mountPane(fake, { strings, lang });

function book(n = 4): FakeExcel {
  const fake = new FakeExcel({ platform: "desktop" });
  fake.workbook.load({ name: "Obiettivi", values: monitoredRows(n) });
  return fake;
}

async function settle(p: ReturnType<typeof pane>): Promise<void> {
  while (p.store.get().busy) await new Promise((r) => setTimeout(r, 5));
}

test("the selector lists the dates then the year end, the latest filled date (30/09) selected", async () => {
  const p = pane(book());
  await p.controller.validate();
  await settle(p);
  const select = p.$("select") as HTMLSelectElement;
  expect([...select.options].map((o) => [o.value, o.textContent])).toEqual([
    ["2026-06-30", "al 30/06/2026"],
    ["2026-09-30", "al 30/09/2026"],
    ["2026", "2026 (fine anno)"],
  ]);
  expect(select.value).toBe("2026-09-30");
  expect(p.root.querySelector(`label[for="${select.id}"]`)!.textContent).toBe("Periodo");
  expect(p.$(".year-checked").textContent).toBe("Verificato al 30/09/2026");
  // 30/09: events 150 ≥ 200 × 273/365 = 149.59 on track; portal due 30/09, not done: unreachable;
  // complaints 33 > 30: unreachable; satisfaction 85% ≥ 80%: on track.
  expect(p.$('[data-stat="onTrack"] dd').textContent).toBe("2");
  expect(p.$('[data-stat="unreachable"] dd').textContent).toBe("2");
  expect(p.$('[data-stat="atRisk"] dd').textContent).toBe("0");
});

test("choosing 30/06 validates again: at-risk KPIs listed and marked with their own mark", async () => {
  const fake = book();
  const p = pane(fake);
  await p.controller.validate();
  await settle(p);
  const select = p.$("select") as HTMLSelectElement;
  select.value = "2026-06-30";
  select.dispatchEvent(new Event("change"));
  await new Promise((r) => setTimeout(r, 0));
  await settle(p);
  expect(p.store.get().period).toEqual({ year: 2026, date: "06-30" });
  expect(select.value).toBe("2026-06-30");
  // 30/06: events 90 < 200 × 181/365 = 99.18 at risk; portal not yet due on track;
  // complaints 31 > 30 unreachable; satisfaction 75% < 80% at risk.
  expect(p.$('[data-stat="atRisk"] dd').textContent).toBe("2");
  expect(p.$('[data-stat="onTrack"] dd').textContent).toBe("1");
  expect(p.$('[data-stat="unreachable"] dd').textContent).toBe("1");
  const atRisk = [...p.root.querySelectorAll('[data-section="atRisk"] .item-link')].map((b) => b.textContent);
  expect(atRisk).toHaveLength(2);
  expect(atRisk[0]).toContain("Eventi 1");
  expect(atRisk[0]).toContain("atteso alla data 99,18");
  expect(p.root.querySelector('[data-section="onTrack"]')!.textContent).toContain("Non ancora realizzato, target <= 30/09/2026");
  // The value cells of 30/06 (column F) carry the marks: at_risk for F2 and F5.
  expect(Object.fromEntries(markedCells(fake))).toEqual({
    "Obiettivi!F2": "at_risk",
    "Obiettivi!F3": "met",
    "Obiettivi!F4": "unmet",
    "Obiettivi!F5": "at_risk",
  });
  // Validate again keeps the period asked for.
  await p.controller.validate();
  await settle(p);
  expect(select.value).toBe("2026-06-30");
  // The year end: no date statuses, the at-risk tiles gone.
  select.value = "2026";
  select.dispatchEvent(new Event("change"));
  await new Promise((r) => setTimeout(r, 0));
  await settle(p);
  expect(p.root.querySelector('[data-stat="atRisk"]')).toBeNull();
  expect(p.$('[data-stat="missing"] dd').textContent).toBe("4");
  expect(p.$(".year-checked").textContent).toBe("Anno verificato: 2026");
});

test("in English: period words", async () => {
  const p = pane(book(), en, "en");
  await p.controller.validate({ year: 2026, date: "06-30" });
  await settle(p);
  const select = p.$("select") as HTMLSelectElement;
  expect([...select.options].map((o) => o.textContent)).toEqual(["at 30/06/2026", "at 30/09/2026", "2026 (year end)"]);
  expect(p.$(".year-checked").textContent).toBe("Checked at 30/06/2026");
  expect(p.$('[data-stat="atRisk"] dt').textContent).toBe("At risk");
});

test.each([8, 800])("Validate at a monitoring date: 2 syncs for %i rows, as at a year end", async (n) => {
  const fake = book(n);
  const p = pane(fake);
  fake.stats.syncs = 0;
  await p.controller.validate({ year: 2026, date: "06-30" });
  await settle(p);
  expect(fake.stats.syncs).toBe(2);
  // Half the rows at risk (events and satisfaction).
  expect(p.$('[data-stat="atRisk"] dd').textContent).toBe(String(n / 2));
});

test("the year end after a date removes the at-risk marks, and Clear removes them too", async () => {
  const fake = book();
  const p = pane(fake);
  await p.controller.validate({ year: 2026, date: "06-30" });
  await settle(p);
  expect([...markedCells(fake).values()].filter((k) => k === "at_risk")).toHaveLength(2);
  await p.controller.validate(2026);
  await settle(p);
  // Year end: column H is blank, every value missing; no at-risk mark is left behind in F.
  expect([...markedCells(fake).entries()].filter(([, k]) => k === "at_risk")).toEqual([]);
  await p.controller.validate({ year: 2026, date: "06-30" });
  await settle(p);
  await p.controller.clear();
  await settle(p);
  expect(markedCells(fake).size).toBe(0);
});
