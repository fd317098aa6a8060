/**
 * The `Schede unità` sheet: each organisational unit's result for the year
 * (src/core/scorecards.ts), as a sheet of the workbook description, written by the same
 * adapters as `Riepilogo` (./summary.ts).
 *
 * Layout: title, date of calculation and the rule used; one row per unit (result, band in
 * words on a coloured fill, an in-cell bar, nodes measured, KPIs, missing); then the detail,
 * one row per node or KPI a unit's result is made of.
 */
import type { Lang } from "../messages";
import type { UnitRule } from "../rules";
import type { UnitScore } from "../scorecards";
import type { MeasurementRules } from "../types";
import { bandWord, NO_DATA } from "../vocabulary";
import { cellRef, rangeRef } from "./a1";
import type { SheetSpec } from "./description";
import { barCell, displayDate, FiguresSheet } from "./figures-sheet";

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
  const sheet = new FiguresSheet();
  sheet.title(w.title(input.year), input.body, [
    w.computed(displayDate(input.generatedOn, lang)),
    w.rule(input.unitRule, input.rules.missing),
  ]);

  sheet.section(w.units, 7);
  sheet.header(w.header);
  if (input.units.length === 0) sheet.push([w.none]);
  for (const u of input.units) {
    const r = sheet.next();
    const ach = cellRef(r, 2);
    const measured = u.items.filter((i) => i.achievement !== null).length;
    sheet.push([u.unit, u.achievement, bandWord(u.band, lang), barCell(ach, u.achievement), w.of(measured, u.items.length), u.kpis, u.missing]);
    sheet.formats.push({ range: ach, numberFormat: "0.00", horizontal: "right" });
    sheet.formats.push({ range: rangeRef(r, 5, r, 7), horizontal: "center" });
    sheet.band(r, 3, 4, u.band);
  }
  sheet.push([]);

  sheet.section(w.detail, 5);
  sheet.header(w.detailHeader);
  for (const u of input.units) {
    for (const item of u.items) {
      const r = sheet.next();
      sheet.push([u.unit, item.code, item.kind === "node" ? w.node : w.kpi, item.title, item.achievement === null ? NO_DATA[lang] : item.achievement]);
      sheet.formats.push({ range: cellRef(r, 5), numberFormat: "0.00", horizontal: "right" });
    }
  }

  return sheet.spec(UNIT_SHEET[lang], WIDTHS);
}
