/**
 * The `Schede unità` sheet: each organisational unit's result for the year
 * (src/core/scorecards.ts), as a sheet of the workbook description, written by the same
 * adapters as `Riepilogo` (./summary.ts).
 *
 * Layout: title, date of calculation and the rule used; one row per unit (result, band in
 * words on a coloured fill, an in-cell bar, nodes measured, KPIs, missing); then the detail,
 * one row per node or KPI a unit's result is made of.
 */
import { roundHalfUp } from "../achievement";
import type { Lang } from "../messages";
import type { UnitRule } from "../rules";
import type { UnitScore } from "../scorecards";
import type { Band, MeasurementRules } from "../types";
import { cellRef, rangeRef } from "./a1";
import type { CellSpec, RangeFormatSpec, SheetSpec } from "./description";

export interface UnitSheetInput {
  readonly year: number | null;
  readonly units: readonly UnitScore[];
  readonly rules: MeasurementRules;
  readonly unitRule: UnitRule;
  /** When the figures were computed, `yyyy-mm-dd`. */
  readonly generatedOn: string;
  readonly body?: string | null;
}

/** The sheet's name in each language. */
export const UNIT_SHEET: Readonly<Record<Lang, string>> = { it: "Schede unità", en: "Unit scorecards" };

const BAND_FILL: Readonly<Record<Band, string>> = { green: "D3F0DA", amber: "FCE9C2", red: "F8D4D1" };
const BAND_FONT: Readonly<Record<Band, string>> = { green: "17692B", amber: "8A4F00", red: "B42318" };
const HEADER_FILL = "DDEBF7";
const SECTION_FILL = "1F3B63";
const BAR_CHAR = "█";

const WORDS = {
  it: {
    title: (y: number | null) => `Schede delle unità organizzative${y === null ? "" : ` ${y}`}`,
    computed: (d: string) => `Calcolato il ${d} dai valori della cartella di lavoro. Dopo aver modificato valori o target, ricreare le schede (riquadro KPI o kpi report --unita).`,
    rule: (rule: UnitRule, missing: MeasurementRules["missing"]) =>
      `Regola: risultato dell'unità = media a pesi uguali dei nodi dell'albero a cui partecipa (${rule === "lead" ? "solo come capofila, la prima unità elencata" : "tutte le unità elencate"}; un nodo conta solo se nessun nodo sottostante elenca la stessa unità) e degli indicatori di cui è Struttura responsabile; nodi senza dati ${missing === "skip" ? "esclusi" : "contati come 0"}. Impostazione «Risultato unità» nel foglio Impostazioni.`,
    units: "Risultato per unità",
    header: ["Unità", "Grado di raggiungimento", "Semaforo", "Grafico (0-100)", "Nodi misurati", "N. indicatori", "Mancanti"],
    detail: "Dettaglio: nodi e indicatori di ogni unità",
    detailHeader: ["Unità", "Codice", "Tipo", "Titolo", "Grado di raggiungimento"],
    node: "Nodo",
    kpi: "Indicatore",
    band: { green: "Verde", amber: "Giallo", red: "Rosso" } as Record<Band, string>,
    noData: "n.d.",
    none: "Nessuna unità organizzativa nell'albero (colonna Unità organizzative) o nella colonna Struttura responsabile.",
    of: (a: number, b: number) => `${a} di ${b}`,
  },
  en: {
    title: (y: number | null) => `Organisational unit scorecards${y === null ? "" : ` ${y}`}`,
    computed: (d: string) => `Computed on ${d} from the workbook's values. After changing values or targets, build the scorecards again (KPI pane or kpi report --units).`,
    rule: (rule: UnitRule, missing: MeasurementRules["missing"]) =>
      `Rule: a unit's result = equal-weight mean of the tree nodes it takes part in (${rule === "lead" ? "only as lead unit, the first listed" : "every unit listed"}; a node counts only when no node below it lists the same unit) and of the KPIs it is responsible for; nodes without data ${missing === "skip" ? "left out" : "counted as 0"}. Setting “Unit result” on the Settings sheet.`,
    units: "Result by unit",
    header: ["Unit", "Achievement", "Traffic light", "Chart (0-100)", "Nodes measured", "No. of indicators", "Missing"],
    detail: "Detail: each unit's nodes and indicators",
    detailHeader: ["Unit", "Code", "Kind", "Title", "Achievement"],
    node: "Node",
    kpi: "Indicator",
    band: { green: "Green", amber: "Amber", red: "Red" } as Record<Band, string>,
    noData: "n/a",
    none: "No organisational unit in the tree (Units column) or in a Responsible column.",
    of: (a: number, b: number) => `${a} of ${b}`,
  },
} as const;

const WIDTHS = [22, 14, 12, 22, 14, 12, 10];

/**
 * The `Schede unità` sheet of a set of scorecards.
 * @example unitSheet({ year: 2021, units: workbookUnitScores(analysis), rules, unitRule: "all", generatedOn: "2022-03-31" }).name // "Schede unità"
 */
export function unitSheet(input: UnitSheetInput, options: { lang?: Lang } = {}): SheetSpec {
  const lang = options.lang ?? "it";
  const w = WORDS[lang];
  const rows: CellSpec[][] = [];
  const formats: RangeFormatSpec[] = [];
  const at = () => rows.length + 1;

  rows.push([input.body ? `${w.title(input.year)} – ${input.body}` : w.title(input.year)]);
  formats.push({ range: cellRef(1, 1), bold: true, fontColor: SECTION_FILL });
  rows.push([w.computed(displayDate(input.generatedOn, lang))]);
  rows.push([w.rule(input.unitRule, input.rules.missing)]);
  rows.push([]);

  section(w.units, 7);
  header(w.header);
  if (input.units.length === 0) rows.push([w.none]);
  for (const u of input.units) {
    const r = at();
    const ach = cellRef(r, 2);
    const measured = u.items.filter((i) => i.achievement !== null).length;
    rows.push([
      u.unit,
      u.achievement,
      u.band === null ? w.noData : w.band[u.band],
      { formula: `IF(${ach}="","",REPT("${BAR_CHAR}",ROUND(${ach}/5,0)))`, result: u.achievement === null ? "" : BAR_CHAR.repeat(roundHalfUp(u.achievement / 5, 0)) },
      w.of(measured, u.items.length),
      u.kpis,
      u.missing,
    ]);
    formats.push({ range: ach, numberFormat: "0.00", horizontal: "right" });
    formats.push({ range: rangeRef(r, 5, r, 7), horizontal: "center" });
    if (u.band !== null) {
      formats.push({ range: cellRef(r, 3), fill: BAND_FILL[u.band], fontColor: BAND_FONT[u.band], bold: true, horizontal: "center" });
      formats.push({ range: cellRef(r, 4), fontColor: BAND_FONT[u.band] });
    } else {
      formats.push({ range: cellRef(r, 3), fontColor: "5B6470", horizontal: "center" });
    }
  }
  rows.push([]);

  section(w.detail, 5);
  header(w.detailHeader);
  for (const u of input.units) {
    for (const item of u.items) {
      const r = at();
      rows.push([u.unit, item.code, item.kind === "node" ? w.node : w.kpi, item.title, item.achievement === null ? w.noData : item.achievement]);
      formats.push({ range: cellRef(r, 5), numberFormat: "0.00", horizontal: "right" });
    }
  }

  return { name: UNIT_SHEET[lang], cells: rows, columns: WIDTHS.map((width) => ({ width })), frozenRows: 0, tables: [], formats, validations: [] };

  function section(title: string, width: number): void {
    const r = at();
    rows.push([title]);
    formats.push({ range: rangeRef(r, 1, r, width), bold: true, fill: SECTION_FILL, fontColor: "FFFFFF" });
  }

  function header(cells: readonly string[]): void {
    const r = at();
    rows.push([...cells]);
    formats.push({ range: rangeRef(r, 1, r, cells.length), bold: true, fill: HEADER_FILL, wrap: true, vertical: "center" });
  }
}

/** `yyyy-mm-dd` as `dd/mm/yyyy` in Italian; as given in English. */
function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang !== "it") return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
