import type { CellValue, ColumnRole } from "../types";

/**
 * Header names the reader accepts, after normalisation (see `normaliseHeader`). Workbooks
 * made by hand are the normal case, so the list holds the plan's Italian names, the
 * English ones, and the few variants people type (`Peso %`, `Algoritmo di calcolo`).
 * `target` and `value` also accept a year suffix (`Target 2022`, `Valore 2022`).
 */
export const HEADER_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  code: ["codice", "obiettivo", "codice obiettivo", "code", "owner", "cod", "cod obiettivo", "objective"],
  indicator: ["indicatore", "indicatori", "indicatori testo", "indicatore testo", "indicator", "indicators", "kpi"],
  algorithm: ["algoritmo", "algoritmo di calcolo", "algorithm", "formula", "formula di calcolo"],
  weight: ["peso", "peso %", "pesi", "weight", "weight %"],
  baseline: ["stato", "baseline", "valore base", "valore di partenza", "base"],
  target: ["target", "obiettivo target", "valore atteso", "target value"],
  value: ["valore", "consuntivo", "actual", "valore consuntivo", "valore rilevato", "actual value", "value"],
};

/** How every alias (optionally after tags or a leading year) begins: a cheap first filter. */
const QUICK = new RegExp(
  `^\\s*(?:<[^>]*>\\s*)*(?:(?:19|20)\\d\\d\\s+)?(?:${[...new Set(Object.values(HEADER_ALIASES).flat().map((a) => a.slice(0, 3)))].join("|")})`,
  "i",
);

/** Roles whose header may carry a year: `Target 2022`, `Consuntivo 2021`. */
const YEAR_ROLES: readonly ColumnRole[] = ["target", "value"];

/** A recognised header cell: its role and, for yearly columns, the year. */
export interface HeaderMatch {
  readonly role: ColumnRole;
  /** `null` for a column without a year (`Target`), the year for `Target 2022`. */
  readonly year: number | null;
}

const LOOKUP: ReadonlyMap<string, ColumnRole> = new Map(
  (Object.keys(HEADER_ALIASES) as ColumnRole[]).flatMap((role) =>
    HEADER_ALIASES[role].map((alias) => [alias, role] as const),
  ),
);

/**
 * The comparable form of a header text: no accents, lower case, one space between words,
 * brackets, colons, dashes and underscores treated as spaces, `%` kept as its own word.
 * Text pasted from PDFs brings NBSPs and line breaks inside cells; they count as spaces.
 * @example normaliseHeader("  PESO (%) ") // "peso %"
 * @example normaliseHeader("Unità\norganizzativa") // "unita organizzativa"
 */
export function normaliseHeader(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/<\/?[a-z][^>]*>/g, " ")
    .replace(/%/g, " % ")
    .replace(/[()[\]{}:;_\-–—.*]/g, " ")
    .replace(/[\s\u00a0\u202f]+/g, " ")
    .trim();
}

/**
 * The role of a header cell, or `null` when the cell is not a KPI column header.
 * `Misura 2021` and other measure columns are deliberately not recognised: they hold the
 * raw measures a trend is computed from, not the KPI value.
 * @example matchHeader("Target 2022")  // { role: "target", year: 2022 }
 * @example matchHeader("Peso %")       // { role: "weight", year: null }
 * @example matchHeader("Misura 2021")  // null
 */
export function matchHeader(cell: CellValue | undefined): HeaderMatch | null {
  // The longest alias with a year ("Target anno 2022", "Algoritmo di calcolo") is far shorter.
  if (typeof cell !== "string" || cell.length > 48) return null;
  // Every data cell of every row is offered here: reject most of them before normalising.
  if (!QUICK.test(cell.slice(0, 24).normalize("NFD").replace(/[\u0300-\u036f]/g, ""))) return null;
  const text = normaliseHeader(cell);
  if (text === "" || text.length > 60) return null;
  const role = LOOKUP.get(text);
  if (role) return { role, year: null };
  // A trailing (or, in "Anno 2022 target" style, leading) four-digit year on a yearly role.
  const m = /^(?:(?:anno|year) )?(.*?) (?:(?:anno|year) )?((?:19|20)\d{2})$/.exec(text) ?? null;
  if (m) {
    const yearly = LOOKUP.get(m[1]);
    if (yearly && YEAR_ROLES.includes(yearly)) return { role: yearly, year: Number(m[2]) };
  }
  const lead = /^((?:19|20)\d{2}) (.+)$/.exec(text);
  if (lead) {
    const yearly = LOOKUP.get(lead[2]);
    if (yearly && YEAR_ROLES.includes(yearly)) return { role: yearly, year: Number(lead[1]) };
  }
  return null;
}
