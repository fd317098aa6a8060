/**
 * The year-end summary ("Relazione sulla performance") as one self-contained, printable
 * Italian HTML page: no scripts, no external resources (fonts, images, styles are inline),
 * every text from the workbook HTML-escaped. Pure: the date of generation is passed in.
 */
import { roundHalfUp } from "../achievement";
import { describe } from "../messages";
import { formatNumberIt } from "../numbers";
import { serialToItalian } from "../dates";
import { missingReason, needsReason } from "../reasons";
import type { UnitScore } from "../scorecards";
import { formatCondition } from "../targets";
import type { Band, KpiResult, MeasurementRules, NodeKind, Problem } from "../types";
import type { UnitRule } from "../rules";
import type { RollupResultNode } from "../rollup/rollup";

export interface ReportInput {
  /** Default "Relazione sulla performance". */
  readonly title?: string;
  /** The body ("Camera di commercio di Lecce"), when known. */
  readonly body?: string | null;
  readonly year: number | null;
  /** Date of generation, `yyyy-mm-dd` (shown as "12 marzo 2024"). */
  readonly generatedOn: string;
  /** The roll-up, tree order. */
  readonly nodes: readonly RollupResultNode[];
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

/** Notes listed at most; the rest are counted. */
const MAX_NOTES = 60;

const KIND_LABEL: Readonly<Record<NodeKind | "code", string>> = {
  area: "Area strategica",
  strategic: "Obiettivo strategico",
  program: "Programma",
  operational: "Obiettivo operativo",
  action: "Azione",
  code: "Obiettivo",
};

const BAND_LABEL: Readonly<Record<Band, string>> = { green: "Verde", amber: "Giallo", red: "Rosso" };
/** Dark enough for 4.5:1 contrast on white as text, and distinct in greyscale print. */
const BAND_COLOR: Readonly<Record<Band, string>> = { green: "#1e7b34", amber: "#a15c00", red: "#b42318" };
const BAND_FILL: Readonly<Record<Band, string>> = { green: "#2f9e44", amber: "#e8a317", red: "#d64545" };

const MONTHS = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"];

/**
 * Escapes text for HTML content and attribute values.
 * @example escapeHtml('<b>"A&B"</b>') // "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] as string);
}

/**
 * An achievement as the Relazioni print it: rounded half-up to 2 decimals, decimal comma.
 * @example formatAchievement(83.3333) // "83,33"
 * @example formatAchievement(2.345)   // "2,35"
 */
export function formatAchievement(x: number): string {
  return formatNumberIt(roundHalfUp(x, 2), 2);
}

/**
 * A `yyyy-mm-dd` date in Italian words; other text is returned as given.
 * @example italianDate("2024-03-01") // "1 marzo 2024"
 */
export function italianDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) return iso;
  return `${Number(m[3])} ${MONTHS[Number(m[2]) - 1]} ${m[1]}`;
}

/** Counts of the KPIs in the roll-up (rows with a weight and a target for the year). */
export function kpiCounts(nodes: readonly RollupResultNode[]): { kpis: number; met: number; unmet: number; missing: number } {
  return nodes.reduce(
    (s, n) => ({ kpis: s.kpis + n.kpis, met: s.met + n.met, unmet: s.unmet + n.unmet, missing: s.missing + n.missing }),
    { kpis: 0, met: 0, unmet: 0, missing: 0 },
  );
}

/**
 * The nodes the chart shows: the strategic objectives, or, in a workbook without the plan's
 * tree, the top-level nodes.
 */
export function chartNodes(nodes: readonly RollupResultNode[]): RollupResultNode[] {
  const strategic = nodes.filter((n) => n.kind === "strategic");
  return strategic.length > 0 ? strategic : nodes.filter((n) => n.depth === 0 && n.kind !== "program");
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
<style>${CSS}</style>
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

  // ---- 4. Note
  const notes = input.problems ?? [];
  if (notes.length > 0) {
    const shown = notes.slice(0, MAX_NOTES);
    const n4 = next();
    parts.push(`<section class="notes" aria-labelledby="s${n4}">
<h2 id="s${n4}"><span class="num">${n4}.</span> Note sui dati</h2>
<ol>
${shown.map((p) => `<li><span class="sev sev-${p.severity}">${p.severity === "error" ? "Errore" : "Avviso"}</span> ${e(describe(p, "it"))}${where(p)}</li>`).join("\n")}
</ol>
${notes.length > shown.length ? `<p class="more">… e altre ${notes.length - shown.length} note (elenco completo con <code>kpi check</code>).</p>` : ""}
</section>`);
  }

  parts.push(`<footer class="colophon">
<p>${input.body ? `${e(input.body)} – ` : ""}${e(title + yearText)}. Documento elaborato il ${e(italianDate(input.generatedOn))}${input.source ? ` dal file ${e(input.source)}` : ""}. I valori sono arrotondati a due decimali solo per la presentazione; i calcoli usano la precisione piena.</p>
</footer>
</main>
</body>
</html>
`);
  return parts.join("\n");
}

// ---------------------------------------------------------------- pieces

/** The label that marks a KPI whose reason is missing: the OIV looks for it. */
export const MISSING_REASON_LABEL = "Motivazione mancante";

/**
 * Every KPI that needs a reason, beside its reason: the Relazione must explain each target
 * not met. A blank reason is printed as a marked "Motivazione mancante", never left blank.
 */
function deviationsSection(kpis: readonly KpiResult[], n: number, year: number | null): string {
  const e = escapeHtml;
  const listed = kpis.filter((k) => needsReason(k.status));
  const missing = listed.filter(missingReason).length;
  const value = (k: KpiResult) => {
    if (k.value === null) return "—";
    if (k.target?.unit === "date") return serialToItalian(k.value);
    return `${formatNumberIt(roundHalfUp(k.value, 2))}${k.target?.unit === "percent" ? "%" : ""}`;
  };
  const rows = listed.map((k) => {
    const reason = missingReason(k)
      ? `<td class="reason reason-missing"><span class="flag" aria-hidden="true">⚠</span> <strong>${MISSING_REASON_LABEL}</strong></td>`
      : `<td class="reason">${e(k.reason as string)}</td>`;
    return `<tr><td class="code dev-code">${e(k.owner ?? "")}</td><td class="node">${e(k.indicator)}<span class="where">${e(k.sheet)}, riga ${k.row}</span></td><td class="n">${e(k.target ? formatCondition(k.target) : "—")}</td><td class="n">${e(value(k))}</td><td class="ach">${k.achievement === null ? "n.d." : formatAchievement(k.achievement)}</td>${reason}</tr>`;
  });
  const lead = listed.length === 0
    ? `<p class="lead">Nessun target non raggiunto${year === null ? "" : ` nel ${year}`}: non ci sono scostamenti da motivare.</p>`
    : `<p class="lead">Indicatori con target non raggiunto${year === null ? "" : ` nel ${year}`}: ${listed.length}; motivazioni mancanti: ${missing}. La motivazione è quella scritta nella colonna «Motivazione scostamento» del foglio.</p>`;
  return `<section class="deviations" aria-labelledby="s${n}">
<h2 id="s${n}"><span class="num">${n}.</span> Scostamenti e motivazioni</h2>
${lead}
${listed.length === 0 ? "" : `<table class="deviations">
<thead><tr><th scope="col">Codice</th><th scope="col">Indicatore</th><th scope="col" class="n">Target</th><th scope="col" class="n">Valore</th><th scope="col" class="ach">Grado (%)</th><th scope="col">Motivazione dello scostamento</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`}
</section>`;
}

/** One row per organisational unit: its result, band and the nodes and KPIs behind it. */
function unitsSection(units: readonly UnitScore[], n: number, rule: UnitRule, rules: MeasurementRules): string {
  const e = escapeHtml;
  const ruleText = rule === "lead"
    ? "il risultato di ogni nodo conta solo per l'unità capofila (la prima elencata)"
    : "il risultato di ogni nodo conta per tutte le unità che vi partecipano";
  const rows = units.map((u) => {
    const measured = u.items.filter((i) => i.achievement !== null).length;
    const items = u.items.map((i) => `${i.kind === "node" ? e(i.code ?? "") : `${e(i.code ?? "")} «${e(shorten(i.title, 40))}»`}${i.achievement === null ? " (n.d.)" : ` (${formatAchievement(i.achievement)})`}`).join(", ");
    return `<tr><th scope="row" class="code">${e(u.unit)}</th>${u.achievement === null ? `<td class="ach none">n.d.</td>` : `<td class="ach">${formatAchievement(u.achievement)}</td>`}${bandCell(u.band)}<td class="n">${measured} di ${u.items.length}</td><td class="n">${u.kpis}</td><td class="n">${u.missing}</td><td class="items">${items}</td></tr>`;
  });
  return `<section class="units" aria-labelledby="s${n}">
<h2 id="s${n}"><span class="num">${n}.</span> Risultati per unità organizzativa</h2>
<p class="lead">Per ogni unità organizzativa: media, a pesi uguali, dei risultati dei nodi dell'albero a cui partecipa (${ruleText}; un nodo conta solo se nessun nodo sottostante elenca la stessa unità) e degli indicatori di cui è «Struttura responsabile». I nodi senza dati sono ${rules.missing === "skip" ? "esclusi" : "contati come 0"}.</p>
${units.length === 0 ? `<p class="empty">Nessuna unità organizzativa nell'albero o nella colonna «Struttura responsabile».</p>` : `<table class="unit-table">
<thead><tr><th scope="col">Unità</th><th scope="col" class="ach">Grado (%)</th><th scope="col" class="band">Fascia</th><th scope="col" class="n">Nodi misurati</th><th scope="col" class="n">Indicatori</th><th scope="col" class="n">Mancanti</th><th scope="col">Nodi e indicatori (grado)</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`}
</section>`;
}

function tile(label: string, value: number, note: string): string {
  return `<div class="tile"><span class="tile-value">${value}</span><span class="tile-label">${escapeHtml(label)}</span><span class="tile-note">${escapeHtml(note)}</span></div>`;
}

function percentOf(part: number, total: number): string {
  if (total === 0) return "—";
  return `${formatNumberIt(roundHalfUp((part / total) * 100, 1), 1)}% del totale`;
}

function achievementCell(n: RollupResultNode): string {
  if (n.achievement === null) return `<td class="ach none">n.d.</td>`;
  return `<td class="ach">${formatAchievement(n.achievement)}</td>`;
}

function bandCell(band: Band | null): string {
  if (band === null) return `<td class="band none">—</td>`;
  return `<td class="band"><span class="light light-${band}" aria-hidden="true"></span>${BAND_LABEL[band]}</td>`;
}

/** One row per area with its figure: the first table a reader looks at. */
function areaTable(nodes: readonly RollupResultNode[]): string {
  const top = nodes.filter((n) => n.depth === 0);
  if (top.length === 0) return "";
  const rows = top
    .map(
      (n) => `<tr><th scope="row"><span class="code">${escapeHtml(n.code)}</span> ${escapeHtml(n.title === n.code ? "" : n.title)}</th>${achievementCell(n)}${bandCell(n.band)}</tr>`,
    )
    .join("\n");
  const kind = top.every((n) => n.kind === "area") ? "Area strategica" : "Obiettivo";
  return `<table class="areas">
<caption>Risultato per ${kind === "Area strategica" ? "area strategica" : "obiettivo"}</caption>
<thead><tr><th scope="col">${kind}</th><th scope="col" class="ach">Grado di raggiungimento (%)</th><th scope="col" class="band">Fascia</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/** Horizontal bars 0..100 with the band cut-offs as dashed lines, value and band in words. */
function barChart(nodes: readonly RollupResultNode[], rules: MeasurementRules): string {
  if (nodes.length === 0) return `<p class="empty">Nessun obiettivo da rappresentare.</p>`;
  const W = 680;
  const LABEL = 250;
  const BAR = 300;
  const ROW = 30;
  const TOP = 24;
  const H = TOP + nodes.length * ROW + 26;
  const x = (v: number) => LABEL + (Math.max(0, Math.min(100, v)) / 100) * BAR;
  const out: string[] = [];
  const description = nodes
    .map((n) => `${n.code}: ${n.achievement === null ? "dato non disponibile" : `${formatAchievement(n.achievement)}%, ${BAND_LABEL[n.band as Band].toLowerCase()}`}`)
    .join("; ");
  out.push(
    `<figure class="chart"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-labelledby="chart-title chart-desc">`,
    `<title id="chart-title">Grado di raggiungimento degli obiettivi strategici</title>`,
    `<desc id="chart-desc">${escapeHtml(description)}</desc>`,
  );
  // Scale and grid.
  for (const v of [0, 25, 50, 75, 100]) {
    out.push(`<line x1="${x(v)}" y1="${TOP - 6}" x2="${x(v)}" y2="${H - 22}" class="grid"/>`);
    out.push(`<text x="${x(v)}" y="${H - 8}" class="axis" text-anchor="middle">${v}</text>`);
  }
  // The band cut-offs: dashed lines labelled with their value (the legend says what they mean).
  for (const v of [rules.bands.red, rules.bands.amber]) {
    out.push(`<line x1="${x(v)}" y1="${TOP - 10}" x2="${x(v)}" y2="${H - 22}" class="cut"/>`);
    out.push(`<text x="${x(v)}" y="${TOP - 13}" class="cut-label" text-anchor="middle">${formatNumberIt(v)}</text>`);
  }
  nodes.forEach((n, i) => {
    const y = TOP + i * ROW;
    const label = shorten(`${n.code} ${n.title === n.code ? "" : n.title}`.trim(), 40);
    out.push(`<text x="${LABEL - 8}" y="${y + 19}" class="label" text-anchor="end">${escapeHtml(label)}</text>`);
    out.push(`<rect x="${LABEL}" y="${y + 6}" width="${BAR}" height="18" class="track"/>`);
    if (n.achievement === null || n.band === null) {
      out.push(`<text x="${LABEL + 6}" y="${y + 19}" class="value none">dato non disponibile</text>`);
      return;
    }
    const w = x(n.achievement) - LABEL;
    out.push(`<rect x="${LABEL}" y="${y + 6}" width="${round1(w)}" height="18" fill="${BAND_FILL[n.band]}" class="bar bar-${n.band}"/>`);
    out.push(
      `<text x="${LABEL + BAR + 8}" y="${y + 19}" class="value">${formatAchievement(n.achievement)}%</text>`,
      `<text x="${W - 4}" y="${y + 19}" class="band-text" text-anchor="end" fill="${BAND_COLOR[n.band]}">${BAND_LABEL[n.band]}</text>`,
    );
  });
  out.push(`</svg><figcaption>Grado di raggiungimento degli obiettivi strategici (0–100). Le linee tratteggiate segnano le soglie del semaforo (${formatNumberIt(rules.bands.red)} e ${formatNumberIt(rules.bands.amber)}).</figcaption></figure>`);
  return out.join("\n");
}

function legend(rules: MeasurementRules): string {
  const { red, amber } = rules.bands;
  return `<p class="legend"><span class="light light-green" aria-hidden="true"></span><strong>Verde</strong>: da ${formatNumberIt(amber)} a 100 · <span class="light light-amber" aria-hidden="true"></span><strong>Giallo</strong>: da ${formatNumberIt(red)} a meno di ${formatNumberIt(amber)} · <span class="light light-red" aria-hidden="true"></span><strong>Rosso</strong>: meno di ${formatNumberIt(red)} · <strong>n.d.</strong>: nessun dato per l'anno</p>`;
}

/**
 * The nodes cut at each top-level node, so that every area gets its own block; without
 * areas (a workbook without the plan's tree) one block holds everything.
 */
function splitByArea(nodes: readonly RollupResultNode[]): RollupResultNode[][] {
  if (nodes.length === 0) return [];
  if (!nodes.some((n) => n.depth === 0 && n.kind === "area")) return [nodes.slice()];
  const out: RollupResultNode[][] = [];
  for (const n of nodes) {
    if (n.depth === 0 || out.length === 0) out.push([n]);
    else out[out.length - 1].push(n);
  }
  return out;
}

function treeTable(nodes: readonly RollupResultNode[], pageBreak: boolean): string {
  const head = nodes[0];
  const caption = head.kind === "area" ? `${KIND_LABEL.area} ${head.code} – ${head.title}` : "Obiettivi";
  const rows = nodes.map((n) => {
    const kind = KIND_LABEL[n.kind];
    if (n.kind === "program") {
      return `<tr class="program depth-${Math.min(n.depth, 4)}"><td class="code"></td><td class="node" colspan="6"><span class="kind">Programma</span> ${escapeHtml(n.title)}</td></tr>`;
    }
    const counts = n.kpis > 0 ? `<td class="n">${n.met}</td><td class="n">${n.unmet}</td><td class="n">${n.missing}</td>` : `<td class="n dim" colspan="3">media dei nodi sottostanti</td>`;
    return `<tr class="k-${n.kind} depth-${Math.min(n.depth, 4)}"><td class="code">${escapeHtml(n.code)}</td><td class="node"><span class="kind">${kind}</span> ${escapeHtml(n.title === n.code ? "" : n.title)}</td>${achievementCell(n)}${bandCell(n.band)}${counts}</tr>`;
  });
  return `<table class="nodes${pageBreak ? " break" : ""}">
<caption>${escapeHtml(caption)}</caption>
<colgroup><col class="c-code"><col class="c-node"><col class="c-ach"><col class="c-band"><col class="c-n"><col class="c-n"><col class="c-n"></colgroup>
<thead>
<tr><th scope="col" rowspan="2">Codice</th><th scope="col" rowspan="2">Obiettivo / azione</th><th scope="col" rowspan="2" class="ach">Grado (%)</th><th scope="col" rowspan="2" class="band">Fascia</th><th scope="colgroup" colspan="3" class="n">Indicatori</th></tr>
<tr><th scope="col" class="n">raggiunti</th><th scope="col" class="n">non raggiunti</th><th scope="col" class="n">mancanti</th></tr>
</thead>
<tbody>
${rows.join("\n")}
</tbody>
</table>`;
}

function rulesList(r: MeasurementRules): string {
  const items = [
    `<li><strong>Grado di raggiungimento di un indicatore</strong>: con target «maggiore o uguale» è valore/target; con target «minore o uguale» è ${
      r.lowerIsBetter === "ratio" ? "target/valore (regola del rapporto)" : "(2 × target − valore)/target (regola lineare)"
    }; una scadenza rispettata vale 100, mancata 0. Il risultato è limitato a 100 prima di ogni media.</li>`,
    `<li><strong>Raggiungimento parziale</strong>: ${r.partialCredit ? "sì, in proporzione al target" : "no: 100 se il target è raggiunto, altrimenti 0"}.</li>`,
    `<li><strong>Soglia minima</strong>: ${r.threshold === null ? "nessuna" : `sotto ${formatNumberIt(r.threshold)} l'indicatore vale 0`}.</li>`,
    `<li><strong>Aggregazione</strong>: il grado di un obiettivo è la media dei suoi indicatori ponderata con i pesi del piano; gli indicatori «Media ponderata delle azioni» e «… degli obiettivi operativi» assumono il grado dei nodi sottostanti; le aree sono la media, a pesi uguali, dei loro obiettivi strategici.</li>`,
    `<li><strong>Valori mancanti</strong>: ${r.missing === "skip" ? "esclusi dalla media, con i pesi ridistribuiti sugli altri indicatori" : "contati come 0"}.</li>`,
    `<li><strong>Semaforo</strong>: rosso sotto ${formatNumberIt(r.bands.red)}, giallo sotto ${formatNumberIt(r.bands.amber)}, verde da ${formatNumberIt(r.bands.amber)}.</li>`,
  ];
  return `<ul class="rule-list">\n${items.join("\n")}\n</ul>`;
}

function where(p: Problem): string {
  const at = [p.sheet, p.cell].filter(Boolean).join("!");
  const line = p.line !== undefined ? `riga ${p.line}` : "";
  const text = [at, line].filter(Boolean).join(", ");
  return text ? ` <span class="where">(${escapeHtml(text)})</span>` : "";
}

function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

// ---------------------------------------------------------------- style

const CSS = `
@page { size: A4; margin: 18mm 16mm 20mm 16mm;
  @bottom-right { content: "Pagina " counter(page) " di " counter(pages); font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; }
  @bottom-left { content: "Relazione sulla performance"; font: 8.5pt "Liberation Sans", Arial, sans-serif; color: #555; } }
:root { --ink: #1b1f24; --muted: #5b6470; --rule: #c9ced6; --head: #eef1f5; --accent: #1f3b63; }
* { box-sizing: border-box; }
html { font-size: 10.5pt; }
body { margin: 0; color: var(--ink); background: #fff; font-family: "Liberation Serif", "Times New Roman", Georgia, serif; line-height: 1.4; }
main { max-width: 180mm; margin: 0 auto; padding: 12mm 0; }
h1, h2, h3, caption, th, .tile, .meta, .legend, .chart, .kind, .code, .band, .ach, .n, footer, .sev { font-family: "Liberation Sans", Arial, Helvetica, sans-serif; }
.cover { border-bottom: 2.5pt solid var(--accent); padding-bottom: 6mm; margin-bottom: 7mm; }
.body-name { margin: 0 0 2mm; font: 600 11pt "Liberation Sans", Arial, sans-serif; letter-spacing: .06em; text-transform: uppercase; color: var(--accent); }
h1 { margin: 0; font-size: 22pt; line-height: 1.15; color: var(--accent); }
h1 .year { font-weight: 400; }
.subtitle { margin: 1.5mm 0 4mm; font-size: 12pt; color: var(--muted); font-style: italic; }
.meta { display: flex; flex-wrap: wrap; gap: 2mm 10mm; margin: 0; font-size: 9pt; }
.meta div { display: flex; gap: 2mm; }
.meta dt { color: var(--muted); }
.meta dt::after { content: ":"; }
.meta dd { margin: 0; font-weight: 600; }
h2 { font-size: 14pt; color: var(--accent); border-bottom: .75pt solid var(--rule); padding-bottom: 1.5mm; margin: 8mm 0 4mm; break-after: avoid; }
h2 .num { color: var(--muted); margin-right: 1.5mm; }
h3 { font-size: 11pt; margin: 6mm 0 2mm; break-after: avoid; }
.lead { margin: 0 0 4mm; color: var(--muted); font-size: 9.5pt; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 5mm; }
.tile { border: .75pt solid var(--rule); border-top: 2.5pt solid var(--accent); padding: 2.5mm 3mm; display: flex; flex-direction: column; }
.tile-value { font-size: 20pt; font-weight: 700; line-height: 1.1; }
.tile-label { font-size: 9pt; font-weight: 600; }
.tile-note { font-size: 8pt; color: var(--muted); }
table { width: 100%; border-collapse: collapse; font-size: 9pt; }
caption { text-align: left; font-weight: 700; font-size: 10pt; padding: 0 0 1.5mm; color: var(--ink); }
thead { display: table-header-group; }
th { background: var(--head); text-align: left; font-weight: 600; padding: 1.6mm 2mm; border-bottom: 1pt solid var(--ink); vertical-align: bottom; font-size: 8.5pt; }
td { padding: 1.4mm 2mm; border-bottom: .5pt solid var(--rule); vertical-align: top; }
tr { break-inside: avoid; }
.ach { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.ach { font-weight: 700; }
.band { white-space: nowrap; }
.n { text-align: center; font-variant-numeric: tabular-nums; }
td.n.dim, td.none { color: var(--muted); font-weight: 400; font-style: italic; font-size: 8pt; }
.areas { margin-bottom: 4mm; }
.areas th[scope=row] { background: none; border-bottom: .5pt solid var(--rule); font-weight: 400; font-size: 9.5pt; }
.code { white-space: nowrap; font-weight: 600; font-size: 8.5pt; }
.kind { display: block; font-size: 7pt; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
.light { display: inline-block; width: 2.6mm; height: 2.6mm; border-radius: 50%; margin-right: 1.5mm; vertical-align: -0.2mm; border: .5pt solid rgba(0,0,0,.35); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.light-green { background: ${BAND_FILL.green}; }
.light-amber { background: ${BAND_FILL.amber}; }
.light-red { background: ${BAND_FILL.red}; }
.nodes { margin: 0 0 6mm; }
.nodes.break { break-before: page; }
.nodes col.c-code { width: 17mm; } .nodes col.c-ach { width: 18mm; } .nodes col.c-band { width: 18mm; } .nodes col.c-n { width: 15mm; }
.nodes tr.k-area td { background: #dfe6ef; font-weight: 700; border-bottom: 1pt solid var(--accent); -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.nodes tr.k-strategic td { background: var(--head); font-weight: 600; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.nodes tr.k-strategic td.node, .nodes tr.k-area td.node { font-weight: 700; }
.nodes tr.program td { border-bottom: none; padding-top: 2.5mm; padding-bottom: .5mm; font-style: italic; color: var(--muted); }
.nodes tr.program .kind { display: inline; margin-right: 1mm; font-style: normal; }
.nodes tr.depth-1 td.node { padding-left: 5mm; } .nodes tr.depth-2 td.node { padding-left: 9mm; }
.nodes tr.depth-3 td.node { padding-left: 13mm; } .nodes tr.depth-4 td.node { padding-left: 17mm; }
.nodes tr.k-action td { font-size: 8.5pt; }
.chart { margin: 0 0 2mm; break-inside: avoid; }
.chart svg { display: block; max-width: 100%; font-family: "Liberation Sans", Arial, sans-serif; }
.chart .grid { stroke: #d5dae1; stroke-width: 1; }
.chart .cut { stroke: #5b6470; stroke-width: 1.2; stroke-dasharray: 4 3; }
.chart .cut-label { font-size: 10px; font-weight: 700; fill: #5b6470; }
.chart .axis { font-size: 10px; fill: #5b6470; }
.chart .label { font-size: 11px; fill: #1b1f24; }
.chart .track { fill: #f1f3f6; }
.chart .bar { stroke: rgba(0,0,0,.35); stroke-width: .6; }
.chart .value { font-size: 11px; font-weight: 700; fill: #1b1f24; }
.chart .value.none { font-weight: 400; font-style: italic; fill: #5b6470; }
.chart .band-text { font-size: 11px; font-weight: 700; }
.chart figcaption { font-size: 8pt; color: var(--muted); margin-top: 1mm; }
figure { margin: 0; }
.legend { font-size: 8.5pt; color: var(--ink); margin: 2mm 0 0; }
.tree, .rules { break-before: page; }
.rule-list { padding-left: 5mm; margin: 0; }
.rule-list li { margin-bottom: 2mm; }
.notes ol { font-size: 8.5pt; padding-left: 6mm; margin: 0; }
.notes li { margin-bottom: 1mm; break-inside: avoid; }
.sev { font-size: 7pt; text-transform: uppercase; letter-spacing: .04em; padding: 0 1mm; border: .5pt solid currentColor; border-radius: 1mm; }
.sev-error { color: ${BAND_COLOR.red}; } .sev-warning { color: ${BAND_COLOR.amber}; }
.where, .more { color: var(--muted); }
.deviations td.reason { font-size: 8.5pt; }
.deviations td.reason-missing { color: ${BAND_COLOR.red}; background: #fdecea; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.deviations .where { display: block; font-size: 7.5pt; }
.unit-table td.items { font-size: 8pt; color: var(--muted); }
.unit-table th[scope=row] { vertical-align: top; background: none; border-bottom: .5pt solid var(--rule); font-size: 9pt; }
.colophon { margin-top: 8mm; border-top: .75pt solid var(--rule); padding-top: 2mm; font-size: 8pt; color: var(--muted); }
@media screen { body { background: #e9ecf0; } main { background: #fff; padding: 16mm; margin: 8mm auto; box-shadow: 0 1px 4px rgba(0,0,0,.2); max-width: 210mm; } }
@media print { main { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
