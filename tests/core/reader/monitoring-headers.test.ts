import { matchHeader } from "../../../src/core/reader/headers";
import { findKpiTables } from "../../../src/core/reader/find-tables";

describe("value headers at a monitoring date", () => {
  test.each([
    ["Valore 2026 al 30/06", { role: "value", year: 2026, date: "06-30" }],
    ["Valore 2026 al 30/09", { role: "value", year: 2026, date: "09-30" }],
    ["Valore al 30/06/2026", { role: "value", year: 2026, date: "06-30" }],
    ["Risultato 2026 al 30 giugno", { role: "value", year: 2026, date: "06-30" }],
    ["Valore rilevato 2026 al 30.06", { role: "value", year: 2026, date: "06-30" }],
    ["Consuntivo al 30/9/2027", { role: "value", year: 2027, date: "09-30" }],
    ["Value 2026 at 30/06", { role: "value", year: 2026, date: "06-30" }],
    // 31/12 is the year end: the plain yearly value column.
    ["Valore al 31/12/2026", { role: "value", year: 2026 }],
    ["Valore 2026", { role: "value", year: 2026 }],
  ])("%s", (text, match) => expect(matchHeader(text)).toEqual(match));

  test.each([
    // No year anywhere: which year is meant cannot be told.
    "Valore al 30/06",
    // A target is not recorded at a date.
    "Target 2026 al 30/06",
    // Two different years.
    "Valore 2025 al 30/06/2026",
    // Not a day of the year.
    "Valore 2026 al 31/06",
    "Misura 2026 al 30/06",
  ])("%s is not a dated value column", (text) => expect(matchHeader(text)?.date).toBeUndefined());

  test("a table keeps its dated columns apart from the year-end ones", () => {
    const [table] = findKpiTables({
      name: "KPI",
      values: [
        ["Indicatore", "Peso", "Target 2026", "Valore 2026 al 30/06", "Valore 2026 al 30/09", "Valore 2026", "Valore al 30/06/2027"],
        ["Eventi", 100, ">= 200", 90, 150, null, 80],
      ],
    });
    expect([...table.columns.values]).toEqual([[2026, 5]]);
    expect([...(table.columns.checkpoints ?? [])].map(([y, dates]) => [y, [...dates]])).toEqual([
      [2026, [["06-30", 3], ["09-30", 4]]],
      [2027, [["06-30", 6]]],
    ]);
  });

  test("a table without dated columns has no checkpoints (the shape of every table read before)", () => {
    const [table] = findKpiTables({ name: "KPI", values: [["Indicatore", "Peso", "Target", "Valore"], ["Eventi", 100, ">= 200", 90]] });
    expect(table.columns.checkpoints).toBeUndefined();
  });
});
