/**
 * The year-end summary ("Relazione sulla performance") as one self-contained, printable
 * Italian HTML page: no scripts, no external resources (fonts, images, styles are inline),
 * every text from the workbook HTML-escaped. Pure: the date of generation is passed in.
 * This file lays the page out; its parts are in ./text.ts (escaping, figures, dates),
 * ./node-tables.ts, ./chart.ts, ./sections.ts and ./style.ts.
 */
import { roundHalfUp } from "../achievement";
import { formatNumberIt } from "../numbers";
import { chartNodes, kpiCounts } from "../rollup/present";
import type { RollupNode } from "../types";
import type { UnitRule } from "../rules";
import type { UnitScore } from "../scorecards";
import type { KpiResult, MeasurementRules, Problem } from "../types";
import { barChart, legend } from "./chart";
import { areaTable, splitByArea, treeTable } from "./node-tables";
import { deviationsSection, notesSection, rulesList, unitsSection } from "./sections";
import { REPORT_CSS } from "./style";
import { escapeHtml, italianDate } from "./text";

export interface ReportInput {
  /** Default "Relazione sulla performance". */
  readonly title?: string;
  /** The body ("Camera di commercio di Lecce"), when known. */
  readonly body?: string | null;
  readonly year: number | null;
  /** Date of generation, `yyyy-mm-dd` (shown as "12 marzo 2024"). */
  readonly generatedOn: string;
  /** The roll-up, tree order. */
  readonly nodes: readonly RollupNode[];
  readonly rules: MeasurementRules;
  /** Notes on the data (roll-up and check problems), listed in an appendix. */
  readonly problems?: readonly Problem[];
  /** The workbook's file name, shown as the source. */
  readonly source?: string | null;
  /**
   * The year's KPI rows: every one that needs a reason (`needsReason`, a target not met) is
   * listed with its reason, or a marked "motivazione mancante". Absent: no such section.
   */
  readonly kpis?: readonly KpiResult[];
  /** The unit scorecards (`kpi report --unita`); absent: no such section. */
  readonly units?: readonly UnitScore[];
  /** The rule the scorecards followed (`Risultato unità`). */
  readonly unitRule?: UnitRule;
}



/**
 * The Relazione as an HTML string.
 * @example
 * renderReport({ year: 2021, generatedOn: "2022-03-31", nodes: rollup(...).nodes, rules: DEFAULT_RULES })
 *   // "<!DOCTYPE html><html lang=\"it\">…"
 */
export function renderReport(input: ReportInput): string {
  const title = input.title ?? "Relazione sulla performance";
  const yearText = input.year === null ? "" : ` ${input.year}`;
  const counts = kpiCounts(input.nodes);
  const areas = splitByArea(input.nodes);
  const e = escapeHtml;
  let sectionCount = 0;
  /** The next section's number: the optional sections move the later ones down. */
  const next = () => ++sectionCount;

  const parts: string[] = [];
  parts.push(`<!DOCTYPE html>
<html lang="it">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kpi report">
<title>${e(title + yearText)}${input.body ? ` – ${e(input.body)}` : ""}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header class="cover">
  ${input.body ? `<p class="body-name">${e(input.body)}</p>` : ""}
  <h1>${e(title)}${input.year === null ? "" : ` <span class="year">${input.year}</span>`}</h1>
  <p class="subtitle">Grado di raggiungimento degli obiettivi${input.year === null ? "" : ` nell'anno ${input.year}`}</p>
  <dl class="meta">
    <div><dt>Anno di riferimento</dt><dd>${input.year === null ? "non indicato" : input.year}</dd></div>
    <div><dt>Data di elaborazione</dt><dd>${e(italianDate(input.generatedOn))}</dd></div>
    ${input.source ? `<div><dt>Fonte dei dati</dt><dd>${e(input.source)}</dd></div>` : ""}
  </dl>
</header>`);

  // ---- 1. Sintesi
  const n1 = next();
  parts.push(`<section class="summary" aria-labelledby="s${n1}">
<h2 id="s${n1}"><span class="num">${n1}.</span> Sintesi dei risultati</h2>
<div class="tiles">
  ${tile("Indicatori misurati", counts.kpis, "con peso e target per l'anno")}
  ${tile("Target raggiunti", counts.met, percentOf(counts.met, counts.kpis))}
  ${tile("Target non raggiunti", counts.unmet, percentOf(counts.unmet, counts.kpis))}
  ${tile("Valori mancanti", counts.missing, percentOf(counts.missing, counts.kpis))}
</div>
${areaTable(input.nodes)}
<h3>Obiettivi strategici</h3>
${barChart(chartNodes(input.nodes), input.rules)}
${legend(input.rules)}
</section>`);

  // ---- 2. Albero, one block per area
  const n2 = next();
  parts.push(`<section class="tree" aria-labelledby="s${n2}">
<h2 id="s${n2}"><span class="num">${n2}.</span> Albero della performance</h2>
<p class="lead">Per ogni nodo dell'albero: grado di raggiungimento${input.year === null ? "" : ` ${input.year}`} (da 0 a 100), fascia del semaforo e indicatori del nodo stesso (raggiunti, non raggiunti, mancanti). Le aree e i nodi senza indicatori propri riportano la media dei nodi sottostanti.</p>
${areas.map((group, i) => treeTable(group, i > 0 && group[0].kind === "area")).join("\n")}
</section>`);

  // ---- Scostamenti e motivazioni; risultati per unità (when asked)
  if (input.kpis) parts.push(deviationsSection(input.kpis, next(), input.year));
  if (input.units) parts.push(unitsSection(input.units, next(), input.unitRule ?? "all", input.rules));

  // ---- Regole
  const n3 = next();
  parts.push(`<section class="rules" aria-labelledby="s${n3}">
<h2 id="s${n3}"><span class="num">${n3}.</span> Criteri di misurazione applicati</h2>
${rulesList(input.rules)}
</section>`);

  // ---- Note
  const notes = input.problems ?? [];
  if (notes.length > 0) parts.push(notesSection(notes, next()));

  parts.push(`<footer class="colophon">
<p>${input.body ? `${e(input.body)} – ` : ""}${e(title + yearText)}. Documento elaborato il ${e(italianDate(input.generatedOn))}${input.source ? ` dal file ${e(input.source)}` : ""}. I valori sono arrotondati a due decimali solo per la presentazione; i calcoli usano la precisione piena.</p>
</footer>
</main>
</body>
</html>
`);
  return parts.join("\n");
}

function tile(label: string, value: number, note: string): string {
  return `<div class="tile"><span class="tile-value">${value}</span><span class="tile-label">${escapeHtml(label)}</span><span class="tile-note">${escapeHtml(note)}</span></div>`;
}

function percentOf(part: number, total: number): string {
  if (total === 0) return "—";
  return `${formatNumberIt(roundHalfUp((part / total) * 100, 1), 1)}% del totale`;
}
