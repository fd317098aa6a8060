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
import { roundHalfUp } from "../achievement";
import { formatNumberIt } from "../numbers";
import type { Lang } from "../messages";
import type { RollupResultNode } from "../rollup/rollup";
import type { Band, MeasurementRules, NodeKind } from "../types";
import { cellRef, rangeRef } from "./a1";
import type { CellSpec, RangeFormatSpec, SheetSpec } from "./description";

export interface SummaryInput {
  readonly year: number | null;
  /** The roll-up, tree order. */
  readonly nodes: readonly RollupResultNode[];
  readonly rules: MeasurementRules;
  /** When the figures were computed, `yyyy-mm-dd`. */
  readonly generatedOn: string;
  readonly body?: string | null;
}

/** The sheet's name in each language. */
export const SUMMARY_SHEET: Readonly<Record<Lang, string>> = { it: "Riepilogo", en: "Summary" };

const BAR_CHAR = "█";
/** One block per this many points: 20 blocks at 100. */
const BAR_STEP = 5;

const BAND_FILL: Readonly<Record<Band, string>> = { green: "D3F0DA", amber: "FCE9C2", red: "F8D4D1" };
// Each at least 4.5:1 (WCAG AA) on its band fill.
const BAND_FONT: Readonly<Record<Band, string>> = { green: "17692B", amber: "8A4F00", red: "B42318" };
const HEADER_FILL = "DDEBF7";
const SECTION_FILL = "1F3B63";
const AREA_FILL = "E8EDF3";

interface Words {
  readonly title: (year: number | null) => string;
  readonly computed: (date: string) => string;
  readonly rules: (r: MeasurementRules) => string;
  readonly counts: readonly [string, string, string, string];
  readonly strategic: string;
  readonly tree: string;
  readonly header: readonly [string, string, string, string, string, string, string, string, string];
  readonly band: Readonly<Record<Band, string>>;
  readonly kind: Readonly<Record<NodeKind | "code", string>>;
  readonly noData: string;
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
    band: { green: "Verde", amber: "Giallo", red: "Rosso" },
    kind: { area: "Area strategica", strategic: "Obiettivo strategico", program: "Programma", operational: "Obiettivo operativo", action: "Azione", code: "Obiettivo" },
    noData: "n.d.",
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
    band: { green: "Green", amber: "Amber", red: "Red" },
    kind: { area: "Strategic area", strategic: "Strategic objective", program: "Program", operational: "Operational objective", action: "Action", code: "Objective" },
    noData: "n/a",
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
  const rows: CellSpec[][] = [];
  const formats: RangeFormatSpec[] = [];
  const at = () => rows.length + 1; // the 1-based row the next push lands on

  // 1. Title and notes.
  rows.push([input.body ? `${w.title(input.year)} – ${input.body}` : w.title(input.year)]);
  formats.push({ range: cellRef(1, 1), bold: true, fontColor: SECTION_FILL });
  rows.push([w.computed(displayDate(input.generatedOn, lang))]);
  rows.push([w.rules(input.rules)]);
  rows.push([]);

  // 2. Counts (labels overflow to the right over the empty cells; numbers in column D).
  const totals = input.nodes.reduce(
    (s, n) => ({ kpis: s.kpis + n.kpis, met: s.met + n.met, unmet: s.unmet + n.unmet, missing: s.missing + n.missing }),
    { kpis: 0, met: 0, unmet: 0, missing: 0 },
  );
  const firstCount = at();
  [totals.kpis, totals.met, totals.unmet, totals.missing].forEach((n, i) => {
    const row: CellSpec[] = [w.counts[i], null, null, n];
    rows.push(row);
  });
  formats.push({ range: rangeRef(firstCount, COL.ach, at() - 1, COL.ach), bold: true, numberFormat: "0", horizontal: "right" });
  rows.push([]);

  // 3. Strategic objectives with bars.
  const strategic = input.nodes.filter((n) => n.kind === "strategic");
  const chart = strategic.length > 0 ? strategic : input.nodes.filter((n) => n.depth === 0 && n.kind !== "program");
  section(w.strategic);
  header();
  if (chart.length === 0) rows.push([null, null, w.noStrategic]);
  for (const n of chart) nodeRow(n, 0, false);
  rows.push([]);

  // 4. The tree.
  section(w.tree);
  header();
  for (const n of input.nodes) nodeRow(n, n.depth, true);

  return {
    name: SUMMARY_SHEET[lang],
    cells: rows,
    columns: WIDTHS.map((width) => ({ width })),
    frozenRows: 0,
    tables: [],
    formats,
    validations: [],
  };

  function section(title: string): void {
    const r = at();
    rows.push([title]);
    formats.push({ range: rangeRef(r, 1, r, COL.missing), bold: true, fill: SECTION_FILL, fontColor: "FFFFFF" });
  }

  function header(): void {
    const r = at();
    rows.push([...w.header]);
    formats.push({ range: rangeRef(r, 1, r, COL.missing), bold: true, fill: HEADER_FILL, wrap: true, vertical: "center" });
    formats.push({ range: rangeRef(r, COL.ach, r, COL.missing), horizontal: "center" });
  }

  function nodeRow(n: RollupResultNode, depth: number, counts: boolean): void {
    const r = at();
    const achRef = cellRef(r, COL.ach);
    const row: CellSpec[] = new Array<CellSpec>(COL.missing).fill(null);
    row[COL.code - 1] = n.code;
    row[COL.kind - 1] = w.kind[n.kind];
    // Indentation with spaces: the description has no indent property, and spaces survive every writer.
    row[COL.title - 1] = `${"   ".repeat(depth)}${n.title === n.code ? "" : n.title}`;
    const measured = n.kind !== "program" || n.achievement !== null;
    if (measured) {
      row[COL.ach - 1] = n.achievement;
      row[COL.band - 1] = n.band === null ? w.noData : w.band[n.band];
      row[COL.bar - 1] = {
        formula: `IF(${achRef}="","",REPT("${BAR_CHAR}",ROUND(${achRef}/${BAR_STEP},0)))`,
        result: n.achievement === null ? "" : BAR_CHAR.repeat(roundHalfUp(n.achievement / BAR_STEP, 0)),
      };
    }
    if (counts && n.kpis > 0) {
      row[COL.met - 1] = n.met;
      row[COL.unmet - 1] = n.unmet;
      row[COL.missing - 1] = n.missing;
    }
    rows.push(row);
    formats.push({ range: achRef, numberFormat: "0.00", horizontal: "right" });
    if (n.band !== null) {
      formats.push({ range: cellRef(r, COL.band), fill: BAND_FILL[n.band], fontColor: BAND_FONT[n.band], bold: true, horizontal: "center" });
      formats.push({ range: cellRef(r, COL.bar), fontColor: BAND_FONT[n.band] });
    } else if (measured) {
      formats.push({ range: cellRef(r, COL.band), fontColor: "5B6470", horizontal: "center" });
    }
    if (counts && n.kind === "area") formats.push({ range: rangeRef(r, 1, r, COL.title), bold: true, fill: AREA_FILL });
    if (counts && n.kind === "strategic") formats.push({ range: rangeRef(r, 1, r, COL.title), bold: true });
    if (n.kind === "program") formats.push({ range: rangeRef(r, 1, r, COL.title), fontColor: "5B6470" });
  }
}

/** `yyyy-mm-dd` as `dd/mm/yyyy` in Italian; as given in English. */
function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang !== "it") return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}
