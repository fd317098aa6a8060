/**
 * The vocabulary (src/core/vocabulary.ts): one word per kind, band and status in each
 * language, colours that keep their contrast, and the tree sheet reading its own kind words.
 */
import { readTreeSheet } from "../../src/core/rollup";
import type { Band, KpiStatus, NodeKind } from "../../src/core/types";
import { BAND_COLOURS, BAND_WORDS, bandWord, KIND_WORDS, kindWord, NO_DATA, STATUS_WORDS, statusWord } from "../../src/core/vocabulary";

const KINDS: readonly (NodeKind | "code")[] = ["area", "strategic", "program", "operational", "action", "code"];
const BANDS: readonly Band[] = ["red", "amber", "green"];
const STATUSES: readonly KpiStatus[] = ["met", "unmet", "missing", "no_target", "invalid", "on_track", "at_risk", "unreachable"];

/** WCAG 2 contrast ratio of two `RRGGBB` colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("every kind, band and status has its own word in each language, Italian unlike English", () => {
  for (const [table, keys] of [[KIND_WORDS, KINDS], [BAND_WORDS, BANDS], [STATUS_WORDS, STATUSES]] as const) {
    for (const lang of ["it", "en"] as const) {
      const words = keys.map((k) => (table[lang] as Record<string, string>)[k]);
      expect(words.every((w) => typeof w === "string" && w.trim() !== "")).toBe(true);
      expect(new Set(words).size).toBe(keys.length);
    }
    expect(keys.filter((k) => (table.it as Record<string, string>)[k] === (table.en as Record<string, string>)[k])).toEqual([]);
  }
});

test("the words the documents use", () => {
  expect(kindWord("strategic", "it")).toBe("Obiettivo strategico");
  expect(kindWord("code", "en")).toBe("Objective");
  expect([bandWord("green", "it"), bandWord("amber", "it"), bandWord("red", "it")]).toEqual(["Verde", "Giallo", "Rosso"]);
  expect(bandWord("amber", "en")).toBe("Amber");
  expect([bandWord(null, "it"), bandWord(null, "en")]).toEqual([NO_DATA.it, NO_DATA.en]);
  expect([NO_DATA.it, NO_DATA.en]).toEqual(["n.d.", "n/a"]);
  // KPI.AT_RISK's answers (src/functions/monitoring.ts).
  expect(["on_track", "at_risk", "unreachable"].map((s) => statusWord(s as KpiStatus, "it"))).toEqual(["in linea", "a rischio", "non raggiungibile"]);
});

test("each band's ink reads at 4.5:1 or more on its fill, and its text colour on white", () => {
  for (const band of BANDS) {
    const c = BAND_COLOURS[band];
    for (const hex of Object.values(c)) expect(hex).toMatch(/^[0-9A-F]{6}$/);
    // e.g. red: B42318 on F8D4D1 is 4.80:1; green: 1E7B34 on white is 5.33:1.
    expect([band, contrast(c.ink, c.fill) >= 4.5]).toEqual([band, true]);
    expect([band, contrast(c.inkOnWhite, "FFFFFF") >= 4.5]).toEqual([band, true]);
  }
  // The check itself: black on white is 21:1, a light on its own fill is far below 4.5.
  expect(contrast("000000", "FFFFFF")).toBeCloseTo(21, 5);
  expect(contrast(BAND_COLOURS.amber.light, BAND_COLOURS.amber.fill)).toBeLessThan(4.5);
});

test("the tree sheet reads back the kind words it is written with, in both languages", () => {
  for (const lang of ["it", "en"] as const) {
    const kinds = KINDS.filter((k): k is NodeKind => k !== "code");
    const read = readTreeSheet({
      name: "Albero",
      values: [["Codice", "Tipo", "Titolo", "Padre"], ...kinds.map((k, i) => [`N${i}`, KIND_WORDS[lang][k], "t", null])],
    });
    expect(read.nodes?.map((n) => n.kind)).toEqual(kinds);
  }
});
