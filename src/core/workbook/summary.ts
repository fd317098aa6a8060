/**
 * The `Riepilogo` sheet: the year's roll-up as a sheet of the workbook description
 * (./description.ts), written by the same adapters as the rest of the workbook.
 *
 * Layout (one sheet, top to bottom):
 * 1. title, date of calculation and the rules used;
 * 2. counts: KPIs measured, met, not met, missing;
 * 3. "Obiettivi strategici": one row per strategic objective with its achievement, band
 *    and a bar;
 * 4. "Albero della performance": every node, indented by depth, with achievement, band,
 *    bar and its own KPI counts.
 *
 * The chart: the description has no chart objects, so each bar is an in-cell bar,
 * `=IF(D12="","",REPT("█",ROUND(D12/5,0)))` (one block per 5 points, 20 at 100), coloured
 * with the band's font colour. It is a formula over the achievement cell next to it, so a
 * user who corrects a figure sees the bar follow; the cached result is written too, so the
 * bar shows where the formula is not recalculated. The band is also written as a word
 * (`Verde`, `Giallo`, `Rosso`) on a coloured fill, so it never relies on colour alone.
 *
 * The figures are values computed when the sheet is built (they are not live formulas):
 * the sheet says when, and the task pane or `kpi` rebuilds it.
 */
import type { Lang } from "../messages";
import { formatNumberIt } from "../numbers";
import { chartNodes, kpiCounts, presentNode } from "../rollup/present";
import type { RollupNode } from "../types";
import type { MeasurementRules } from "../types";
import { cellRef, rangeRef } from "./a1";
import type { CellSpec, SheetSpec } from "./description";
import { barCell, displayDate, FiguresSheet, MUTED } from "./figures-sheet";

export interface SummaryInput {
  readonly year: number | null;
  /** The roll-up, tree order. */
  readonly nodes: readonly RollupNode[];
  readonly rules: MeasurementRules;
  /** When the figures were computed, `yyyy-mm-dd`. */
  readonly generatedOn: string;
  readonly body?: string | null;
}

/** The sheet's name in each language. */
export const SUMMARY_SHEET: Readonly<Record<Lang, string>> = { it: "Riepilogo", en: "Summary" };

const AREA_FILL = "E8EDF3";

interface Words {
  readonly title: (year: number | null) => string;
  readonly computed: (date: string) => string;
  readonly rules: (r: MeasurementRules) => string;
  readonly counts: readonly [string, string, string, string];
  readonly strategic: string;
  readonly tree: string;
  readonly header: readonly [string, string, string, string, string, string, string, string, string];
  readonly noStrategic: string;
}

const WORDS: Readonly<Record<Lang, Words>> = {
  it: {
    title: (y) => `Riepilogo della performance${y === null ? "" : ` ${y}`}`,
    computed: (d) =>
      `Calcolato il ${d} dai valori della cartella di lavoro. Dopo aver modificato valori o target, ricalcolare il riepilogo (riquadro KPI o kpi report).`,
    rules: (r) =>
      `Regole: minore è meglio = ${r.lowerIsBetter === "ratio" ? "target/valore" : "(2×target−valore)/target"}; soglia minima ${r.threshold === null ? "nessuna" : formatNumberIt(r.threshold)}; credito parziale ${r.partialCredit ? "sì" : "no"}; valori mancanti ${r.missing === "skip" ? "esclusi (pesi ridistribuiti)" : "contati come 0"}; semaforo rosso sotto ${formatNumberIt(r.bands.red)}, giallo sotto ${formatNumberIt(r.bands.amber)}, verde da ${formatNumberIt(r.bands.amber)}.`,
    counts: ["Indicatori misurati (con peso e target per l'anno)", "Target raggiunti", "Target non raggiunti", "Valori mancanti"],
    strategic: "Obiettivi strategici",
    tree: "Albero della performance",
    header: ["Codice", "Livello", "Titolo", "Grado di raggiungimento", "Semaforo", "Grafico (0-100)", "Raggiunti", "Non raggiunti", "Mancanti"],
    noStrategic: "Nessun obiettivo strategico nella cartella di lavoro.",
  },
  en: {
    title: (y) => `Performance summary${y === null ? "" : ` ${y}`}`,
    computed: (d) => `Computed on ${d} from the workbook's values. After changing values or targets, compute the summary again (KPI pane or kpi report).`,
    rules: (r) =>
      `Rules: lower is better = ${r.lowerIsBetter === "ratio" ? "target/value" : "(2×target−value)/target"}; minimum threshold ${r.threshold === null ? "none" : String(r.threshold)}; partial credit ${r.partialCredit ? "yes" : "no"}; missing values ${r.missing === "skip" ? "left out (weights renormalised)" : "counted as 0"}; traffic light red below ${r.bands.red}, amber below ${r.bands.amber}, green from ${r.bands.amber}.`,
    counts: ["Indicators measured (with a weight and a target for the year)", "Targets met", "Targets not met", "Missing values"],
    strategic: "Strategic objectives",
    tree: "Performance tree",
    header: ["Code", "Level", "Title", "Achievement", "Traffic light", "Chart (0-100)", "Met", "Not met", "Missing"],
    noStrategic: "No strategic objective in the workbook.",
  },
};

/** Columns (1-based). */
const COL = { code: 1, kind: 2, title: 3, ach: 4, band: 5, bar: 6, met: 7, unmet: 8, missing: 9 } as const;
const WIDTHS = [12, 20, 62, 13, 11, 22, 10, 13, 10];

/**
 * The `Riepilogo` sheet of a roll-up.
 * @example summarySheet({ year: 2021, nodes: rollupWorkbook(report, sheets).nodes, rules, generatedOn: "2022-03-31" }).name // "Riepilogo"
 */
export function summarySheet(input: SummaryInput, options: { lang?: Lang } = {}): SheetSpec {
  const lang = options.lang ?? "it";
  const w = WORDS[lang];
  const sheet = new FiguresSheet();

  // 1. Title and notes.
  sheet.title(w.title(input.year), input.body, [
    w.computed(displayDate(input.generatedOn, lang)),
    w.rules(input.rules),
  ]);

  // 2. Counts (labels overflow to the right over the empty cells; numbers in column D).
  const totals = kpiCounts(input.nodes);
  const firstCount = sheet.next();
  [totals.kpis, totals.met, totals.unmet, totals.missing].forEach((n, i) => sheet.push([w.counts[i], null, null, n]));
  sheet.formats.push({ range: rangeRef(firstCount, COL.ach, sheet.next() - 1, COL.ach), bold: true, numberFormat: "0", horizontal: "right" });
  sheet.push([]);

  // 3. Strategic objectives with bars.
  const chart = chartNodes(input.nodes);
  section(w.strategic);
  if (chart.length === 0) sheet.push([null, null, w.noStrategic]);
  for (const n of chart) nodeRow(n, 0, false);
  sheet.push([]);

  // 4. The tree.
  section(w.tree);
  for (const n of input.nodes) nodeRow(n, n.depth, true);

  return sheet.spec(SUMMARY_SHEET[lang], WIDTHS);

  /** A section bar and its header row. */
  function section(title: string): void {
    sheet.section(title, COL.missing);
    const r = sheet.header(w.header);
    sheet.formats.push({ range: rangeRef(r, COL.ach, r, COL.missing), horizontal: "center" });
  }

  function nodeRow(n: RollupNode, depth: number, counts: boolean): void {
    const r = sheet.next();
    const achRef = cellRef(r, COL.ach);
    const row: CellSpec[] = new Array<CellSpec>(COL.missing).fill(null);
    row[COL.code - 1] = n.code;
    const shown = presentNode(n, lang);
    row[COL.kind - 1] = shown.kindLabel;
    // Indentation with spaces: the description has no indent property, and spaces survive every writer.
    row[COL.title - 1] = `${"   ".repeat(depth)}${shown.title}`;
    const measured = shown.measured;
    if (measured) {
      // The full-precision figure: the cell's number format rounds it, the bar reads it.
      row[COL.ach - 1] = n.achievement;
      row[COL.band - 1] = shown.bandText;
      row[COL.bar - 1] = barCell(achRef, n.achievement);
    }
    if (counts && n.kpis > 0) {
      row[COL.met - 1] = n.met;
      row[COL.unmet - 1] = n.unmet;
      row[COL.missing - 1] = n.missing;
    }
    sheet.push(row);
    sheet.formats.push({ range: achRef, numberFormat: "0.00", horizontal: "right" });
    if (n.band !== null || measured) sheet.band(r, COL.band, COL.bar, n.band);
    if (counts && n.kind === "area") sheet.formats.push({ range: rangeRef(r, 1, r, COL.title), bold: true, fill: AREA_FILL });
    if (counts && n.kind === "strategic") sheet.formats.push({ range: rangeRef(r, 1, r, COL.title), bold: true });
    if (n.kind === "program") sheet.formats.push({ range: rangeRef(r, 1, r, COL.title), fontColor: MUTED });
  }
}
