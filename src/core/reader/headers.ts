import { monthDay } from "../dates";
import { memoByText } from "../memo";
import type { CellValue, ColumnRole } from "../types";

/**
 * Header names the reader accepts, after normalisation (see `normaliseHeader`). Workbooks
 * made by hand are the normal case, so the list holds the plan's Italian names, the words
 * of other bodies' plans and of the PIAO's performance section (`Indicatore di performance`,
 * `Formula di calcolo`, `Peso indicatore`, `Valore di partenza`, `Risultato atteso`,
 * `Valore conseguito` ...), the English ones, and the few variants people type (`Peso %`).
 * `target`, `value` and `baseline` also accept a year (`Target 2026`, `Risultato effettivo
 * 2026`, `Baseline 2025`, `Target 2026 (Risultato atteso)`), targets and values a position
 * (`Target primo anno`), and targets a `%` (`Target %`: bare numbers are percentages).
 */
export const HEADER_ALIASES: Readonly<Record<ColumnRole, readonly string[]>> = {
  code: [
    "codice", "obiettivo", "codice obiettivo", "code", "owner", "cod", "cod obiettivo", "objective",
    "id", "codice indicatore", "obiettivo specifico", "obiettivi", "descrizione obiettivo",
  ],
  indicator: [
    "indicatore", "indicatori", "indicatori testo", "indicatore testo", "indicator", "indicators", "kpi",
    "indicatore di performance", "indicatori di performance", "descrizione indicatore", "denominazione indicatore",
    "nome indicatore", "indicatore di risultato", "performance indicator",
  ],
  algorithm: [
    "algoritmo", "algoritmo di calcolo", "algorithm", "formula", "formula di calcolo", "metodo di calcolo",
    "modalita di calcolo", "formula indicatore",
  ],
  weight: ["peso", "peso %", "pesi", "weight", "weight %", "peso indicatore", "peso percentuale", "peso ponderale"],
  baseline: ["stato", "baseline", "valore base", "valore di partenza", "base", "valore iniziale", "valore di riferimento"],
  target: [
    "target", "obiettivo target", "valore atteso", "target value", "risultato atteso", "risultati attesi",
    "valore target", "valore obiettivo", "target atteso",
  ],
  value: [
    "valore", "consuntivo", "actual", "valore consuntivo", "valore rilevato", "actual value", "value",
    "risultato", "risultati", "risultato effettivo", "risultato raggiunto", "risultato conseguito",
    "valore conseguito", "valore raggiunto", "valore effettivo", "valore misurato",
  ],
  source: ["fonte", "fonti", "fonte dati", "fonte dei dati", "fonte del dato", "source", "data source"],
  notes: ["note", "nota", "notes", "osservazioni", "commenti"],
  unit: ["unita di misura", "u m", "udm", "unit of measure"],
  responsible: [
    "struttura responsabile", "responsabile", "ufficio responsabile", "unita organizzativa responsabile",
    "unita organizzativa", "responsible",
  ],
  achieved: [
    "% realizzazione", "% di realizzazione", "percentuale di realizzazione", "grado di realizzazione",
    "% raggiungimento", "% di raggiungimento", "grado di raggiungimento", "% achieved",
  ],
  reason: [
    "motivazione scostamento", "motivazione", "motivazioni", "motivazione dello scostamento", "motivazioni dello scostamento",
    "motivazioni scostamento", "cause dello scostamento", "causa dello scostamento", "cause scostamento", "giustificazione",
    "deviation reason", "deviation reasons", "reason for deviation", "reason",
  ],
};

/** The roles a core KPI table is made of: a header naming two of them is meant as one. */
export const CORE_ROLES: readonly ColumnRole[] = ["indicator", "algorithm", "weight", "baseline", "target", "value"];

/**
 * The first three letters of every alias, after a leading `%` (`% Realizzazione`) and before
 * a space: a cell has punctuation where the alias has a space (`U.M.` for `u m`).
 */
const ALIAS_STARTS: ReadonlySet<string> = new Set(
  Object.values(HEADER_ALIASES)
    .flat()
    .map((a) => a.replace(/^% /, "").slice(0, 3).split(" ")[0]),
);

/**
 * Three ASCII character codes as one number, letters folded to lower case: `| 32` turns an
 * ASCII capital into its small letter and never turns a non-letter into a letter. Lets
 * `mayBeHeader` compare a cell's start with the aliases' without making a string per cell.
 */
const startKey = (a: number, b: number, c: number): number => ((a | 32) << 16) | ((b | 32) << 8) | (c | 32);
const ALIAS_START_KEYS: ReadonlySet<number> = new Set([...ALIAS_STARTS].map((s) => startKey(s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(2))));

/** How every alias (optionally after tags, a leading year or a `%`) begins: a cheap first filter. */
const QUICK = new RegExp(`^\\s*(?:<[^>]*>\\s*)*(?:(?:19|20)\\d\\d\\s+)?(?:%\\s*)?(?:${[...ALIAS_STARTS].map(escapeRegExp).join("|")})`, "i");

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const isAsciiLetter = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isDigit = (code: number): boolean => code >= 48 && code <= 57;
/** The ASCII characters `\s` matches: tab, line feed, vertical tab, form feed, return, space. */
const isAsciiSpace = (code: number): boolean => code === 32 || (code >= 9 && code <= 13);

/**
 * False when a cell cannot begin like a header (fails the QUICK test), decided from its
 * first characters where they are plain ASCII: every data cell of every row is offered to
 * `matchHeader`, and most start with a letter, a digit or a sign that settles it without
 * normalising the text. Tags, spaces, accents and leading years are left to the full test.
 */
function mayBeHeader(cell: string): boolean {
  const first = cell.charCodeAt(0);
  if (first === 37 /* % */) return true;
  if (isAsciiLetter(first)) {
    // Short headers ("N.", "Nr.", "Id") are left to the full test, which remembers each text.
    if (cell.length <= 4) return true;
    // No tag or year in front: the alias's first three letters are the cell's, unless an
    // accent (non-ASCII) among them needs normalising first.
    const second = cell.charCodeAt(1);
    const third = cell.charCodeAt(2);
    if (second < 128 && third < 128) return ALIAS_START_KEYS.has(startKey(first, second, third));
  } else if (isDigit(first)) {
    // Only a leading year (19xx, 20xx) can come before an alias.
    if (!cell.startsWith("19") && !cell.startsWith("20")) return false;
  } else if (first === 60 /* < */) {
    // A tag ("<b>") needs its ">" among the characters QUICK reads; "≯" becomes ">" in NFD.
    // Without one the "<" opens a condition ("<= 31/12/2021"), not a tag.
    if (!closesTagWithin(cell, ">", 24) && !closesTagWithin(cell, "\u226f", 24)) return false;
  } else if (first < 128 && !isAsciiSpace(first)) {
    // Any other ASCII sign ("(", ">=", "#", "-") cannot begin a header.
    return false;
  }
  return true;
}

function closesTagWithin(cell: string, char: string, length: number): boolean {
  const at = cell.indexOf(char);
  return at >= 0 && at < length;
}

/**
 * True when a cell could be a header cell by its first characters alone: the cheap part of
 * `matchHeader`, for telling a data row from a repeated header without reading it as one.
 * @example mayBeHeaderCell("Peso") // true
 * @example mayBeHeaderCell(">= 15%") // false
 */
export function mayBeHeaderCell(cell: CellValue | undefined): boolean {
  return typeof cell === "string" && cell.length <= 48 && mayBeHeader(cell);
}

/** Roles whose header may carry a year: `Target 2022`, `Consuntivo 2021`, `Baseline 2025`. */
const YEAR_ROLES: readonly ColumnRole[] = ["target", "value", "baseline"];
/** Roles whose header may name the year by position: `Target primo anno`. */
const ORDINAL_ROLES: readonly ColumnRole[] = ["target", "value"];

/** A recognised header cell: its role and, for yearly columns, the year. */
export interface HeaderMatch {
  readonly role: ColumnRole;
  /** `null` for a column without a year (`Target`), the year for `Target 2022`. */
  readonly year: number | null;
  /** A target column whose header says `%` (`Target %`); absent otherwise. */
  readonly percent?: true;
  /** The year by position, 1 for `Target primo anno`; absent otherwise. */
  readonly ordinal?: number;
  /**
   * A value column at an intermediate monitoring date (`Valore 2026 al 30/06`), as `MM-DD`;
   * absent for the year end (`Valore 2026`, `Valore al 31/12/2026`) and every other column.
   */
  readonly date?: string;
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
  // Every data cell of every row is offered here: reject most of them before normalising.
  if (typeof cell !== "string" || !mayBeHeaderCell(cell)) return null;
  return matchHeaderText(cell);
}

/**
 * The rest of `matchHeader`, once per distinct text: the data cells that get this far are
 * mostly a column's repeated values (a `Tipo` column's "Obiettivo operativo", targets such
 * as "<= 31/12/2021"). The matches are frozen because the cache hands out the same object.
 */
const matchHeaderText = memoByText((cell: string): HeaderMatch | null => {
  if (!QUICK.test(cell.slice(0, 24).normalize("NFD").replace(/[\u0300-\u036f]/g, ""))) return null;
  const text = normaliseHeader(cell);
  if (text === "" || text.length > 60) return null;
  const match = matchNormalised(text);
  if (match) return match;
  // "Target %", "Target 2026 (%)": a target column in percent. The `%` is what tells it apart.
  if (/(?:^| )%(?: |$)/.test(text)) {
    const bare = text.replace(/(?:^| )%(?= |$)/g, "").trim();
    const inner = bare === "" ? null : matchNormalised(bare);
    if (inner && inner.role === "target") return Object.freeze({ ...inner, percent: true as const });
  }
  return null;
});

/** Words between a role and its year that say nothing more: "Target anno 2022", "Target al 2026". */
const YEAR_FILLER = /(?:^| )(?:anno|year|al|per il|nel)$/;
const ORDINALS: Readonly<Record<string, number>> = { primo: 1, secondo: 2, terzo: 3, quarto: 4, quinto: 5, "1": 1, "2": 2, "3": 3, i: 1, ii: 2, iii: 3 };

const MONTH_WORDS = [
  "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre",
];
/**
 * A monitoring date at the end of a value header: `al 30/06`, `al 30/06/2026`, `al 30 giugno`,
 * `at 30/06`, `30 06 2026` (dots and dashes are spaces by then).
 */
const DATE_SUFFIX = new RegExp(
  `^(.+?) (?:(?:al|at|as of|as at|alla data del) )?(\\d{1,2})(?:/| )(\\d{1,2}|${MONTH_WORDS.join("|")})(?:(?:/| )((?:19|20)\\d{2}))?$`,
);

/**
 * A value header with a monitoring date: `Valore 2026 al 30/06`, `Valore al 30/06/2026`,
 * `Risultato 2026 al 30 giugno`. The year comes from the header or from the date; `31/12` is
 * the year end (no `date`).
 */
function matchDated(text: string): HeaderMatch | null {
  const m = DATE_SUFFIX.exec(text);
  if (!m) return null;
  const day = Number(m[2]);
  const month = /^\d+$/.test(m[3]) ? Number(m[3]) : MONTH_WORDS.indexOf(m[3]) + 1;
  // 29 February is a day of a leap year: checked against one.
  if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(2028, month, 0)).getUTCDate()) return null;
  const rest = matchNormalised(m[1].replace(YEAR_FILLER, "").trim());
  if (!rest || rest.role !== "value" || rest.ordinal !== undefined) return null;
  const dateYear = m[4] === undefined ? null : Number(m[4]);
  if (rest.year !== null && dateYear !== null && rest.year !== dateYear) return null;
  const year = rest.year ?? dateYear;
  if (year === null) return null;
  const date = monthDay(month, day);
  return Object.freeze(date === "12-31" ? { role: "value" as const, year } : { role: "value" as const, year, date });
}

/** `matchHeaderText` on a normalised text, without the `%` rule. */
function matchNormalised(text: string): HeaderMatch | null {
  const dated = /\d(?:\/| )(?:\d|[a-z])/.test(text) ? matchDated(text) : null;
  if (dated) return dated;
  const role = LOOKUP.get(text);
  if (role) return Object.freeze({ role, year: null });
  // A four-digit year after the role, before it ("Anno 2022 target") or between the role and
  // a second name of it ("Target 2026 (Risultato atteso)").
  const y = /(?:^| )((?:19|20)\d{2})(?: |$)/.exec(text);
  if (y) {
    const year = Number(y[1]);
    const before = text.slice(0, y.index).trim().replace(YEAR_FILLER, "").trim();
    const after = text.slice(y.index + y[0].length).trim();
    const a = before === "" ? undefined : LOOKUP.get(before);
    const b = after === "" ? undefined : LOOKUP.get(after);
    // Every name beside the year must be a name of the same role.
    const yearly = before === "" ? b : after === "" || a === b ? a : undefined;
    if (yearly && YEAR_ROLES.includes(yearly)) return Object.freeze({ role: yearly, year });
    return null;
  }
  // "Target primo anno", "Risultato atteso secondo anno", "Target anno 1", "Target I anno".
  const o = /^(.+?) (?:(primo|secondo|terzo|quarto|quinto|i|ii|iii) anno|anno (1|2|3))$/.exec(text);
  if (o) {
    const ordinalRole = LOOKUP.get(o[1]);
    if (ordinalRole && ORDINAL_ROLES.includes(ordinalRole)) return Object.freeze({ role: ordinalRole, year: null, ordinal: ORDINALS[o[2] ?? o[3]] });
  }
  return null;
}
