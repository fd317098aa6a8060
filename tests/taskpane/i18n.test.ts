import { CATALOGUES, countText, fmt, formatNumber, langOf } from "../../src/taskpane/i18n";
import { en } from "../../src/taskpane/i18n/en";
import { it } from "../../src/taskpane/i18n/it";
import type { Strings } from "../../src/taskpane/i18n";

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test("both catalogues have the same keys and the same placeholders in each string", () => {
  expect(Object.keys(en).sort()).toEqual(Object.keys(it).sort());
  for (const key of Object.keys(it) as (keyof typeof it)[]) {
    expect([key, placeholders(en[key])]).toEqual([key, placeholders(it[key])]);
    expect(en[key].trim()).not.toBe("");
  }
});

test("the strings the issue names", () => {
  expect(it.validate).toBe("Valida");
  expect(it.clear).toBe("Rimuovi evidenziazioni");
  expect(it.importTitle).toBe("Importa piano");
  // Italian and English differ where they should (no untranslated copy).
  const same = (Object.keys(it) as (keyof typeof it)[]).filter((k) => it[k] === en[k] && !/^\W*$/.test(it[k]));
  expect(same).toEqual([]);
});

test("language from Office's display language: Italian for it-*, English otherwise, Italian when unknown", () => {
  expect(langOf("it-IT")).toBe("it");
  expect(langOf("it-CH")).toBe("it");
  expect(langOf("en-US")).toBe("en");
  expect(langOf("de-DE")).toBe("en");
  expect(langOf(undefined)).toBe("it");
  expect(CATALOGUES[langOf("en-GB")]).toBe(en);
});

test("fmt fills placeholders and leaves unknown ones visible", () => {
  expect(fmt("Anno {year} di {x}", { year: 2022 })).toBe("Anno 2022 di {x}");
});

test("numbers in each language's style", () => {
  expect(formatNumber(1234.5, "it")).toBe("1234,5");
  expect(formatNumber(1234.5, "en")).toBe("1234.5");
  expect(formatNumber(12345.678, "it")).toBe("12.345,68");
  expect(formatNumber(-2, "en")).toBe("-2");
});

test("counts agree with their noun: 1 riga KPI in 1 tabella, 2 righe KPI in 3 tabelle", () => {
  const done = (strings: Strings, lang: "it" | "en", rows: number, tables: number) =>
    fmt(strings.doneValidate, { rows: countText(strings, "kpiRows", rows, lang), tables: countText(strings, "tables", tables, lang) });
  expect(done(it, "it", 1, 1)).toBe("Verifica completata: 1 riga KPI in 1 tabella.");
  expect(done(it, "it", 2, 3)).toBe("Verifica completata: 2 righe KPI in 3 tabelle.");
  expect(done(en, "en", 1, 1)).toBe("Check complete: 1 KPI row in 1 table.");
  expect(done(en, "en", 12000, 2)).toBe("Check complete: 12,000 KPI rows in 2 tables.");
});
