/**
 * The product's words for its own concepts, Italian and English, in one place: the kinds of
 * node in the plan's tree, the traffic-light bands (their words and their colours) and the
 * KPI statuses. The HTML Relazione, the Riepilogo and Schede unità sheets, the workbook's
 * tree sheet, the task pane and the custom functions all read them here, so a word or a
 * colour cannot differ from one place to another.
 */
import type { Lang } from "./messages";
import type { Band, KpiStatus, NodeKind } from "./types";

/** A node's kind as a label: `code` is a node known only by its code (no tree sheet). */
export const KIND_WORDS: Readonly<Record<Lang, Readonly<Record<NodeKind | "code", string>>>> = {
  it: {
    area: "Area strategica",
    strategic: "Obiettivo strategico",
    program: "Programma",
    operational: "Obiettivo operativo",
    action: "Azione",
    code: "Obiettivo",
  },
  en: {
    area: "Strategic area",
    strategic: "Strategic objective",
    program: "Program",
    operational: "Operational objective",
    action: "Action",
    code: "Objective",
  },
};

/** A band in words, so that the traffic light never relies on colour alone. */
export const BAND_WORDS: Readonly<Record<Lang, Readonly<Record<Band, string>>>> = {
  it: { green: "Verde", amber: "Giallo", red: "Rosso" },
  en: { green: "Green", amber: "Amber", red: "Red" },
};

/**
 * A band's colours (hex RGB without `#`), one per role:
 * - `fill` and `ink`: the band word on its coloured fill (Riepilogo, Schede unità, the pane);
 *   each ink has at least 4.5:1 contrast (WCAG AA) on its fill;
 * - `light`: the saturated colour of a dot or a bar (the Relazione's lights and chart);
 * - `inkOnWhite`: the band word as coloured text on white (the Relazione's chart), dark
 *   enough for 4.5:1 on white and distinct in greyscale print.
 */
export interface BandColours {
  readonly fill: string;
  readonly ink: string;
  readonly light: string;
  readonly inkOnWhite: string;
}

export const BAND_COLOURS: Readonly<Record<Band, BandColours>> = {
  green: { fill: "D3F0DA", ink: "17692B", light: "2F9E44", inkOnWhite: "1E7B34" },
  amber: { fill: "FCE9C2", ink: "8A4F00", light: "E8A317", inkOnWhite: "A15C00" },
  red: { fill: "F8D4D1", ink: "B42318", light: "D64545", inkOnWhite: "B42318" },
};

/** What is shown where a figure has no data (`n.d.`, "non disponibile"). */
export const NO_DATA: Readonly<Record<Lang, string>> = { it: "n.d.", en: "n/a" };

/** A KPI status in words, lower case as they sit in a sentence or a cell. */
export const STATUS_WORDS: Readonly<Record<Lang, Readonly<Record<KpiStatus, string>>>> = {
  it: {
    met: "raggiunto",
    unmet: "non raggiunto",
    missing: "mancante",
    no_target: "senza target",
    invalid: "non valido",
    on_track: "in linea",
    at_risk: "a rischio",
    unreachable: "non raggiungibile",
  },
  en: {
    met: "met",
    unmet: "not met",
    missing: "missing",
    no_target: "no target",
    invalid: "invalid",
    on_track: "on track",
    at_risk: "at risk",
    unreachable: "unreachable",
  },
};

/**
 * A node kind's label.
 * @example kindWord("strategic", "it") // "Obiettivo strategico"
 */
export function kindWord(kind: NodeKind | "code", lang: Lang): string {
  return KIND_WORDS[lang][kind];
}

/**
 * A band in words, or the no-data mark for a node without a figure.
 * @example bandWord("amber", "en") // "Amber"
 * @example bandWord(null, "it")    // "n.d."
 */
export function bandWord(band: Band | null, lang: Lang): string {
  return band === null ? NO_DATA[lang] : BAND_WORDS[lang][band];
}

/**
 * A KPI status in words.
 * @example statusWord("at_risk", "it") // "a rischio"
 */
export function statusWord(status: KpiStatus, lang: Lang): string {
  return STATUS_WORDS[lang][status];
}
