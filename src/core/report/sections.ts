/**
 * The Relazione's sections after the tree: the deviations with their reasons, the unit
 * scorecards, the measurement rules applied and the notes on the data.
 */
import { roundHalfUp } from "../achievement";
import { serialToItalian } from "../dates";
import { describe } from "../messages";
import { formatNumberIt } from "../numbers";
import { missingReason, needsReason } from "../reasons";
import type { UnitRule } from "../rules";
import type { UnitScore } from "../scorecards";
import { formatCondition } from "../targets";
import type { KpiResult, MeasurementRules, Problem } from "../types";
import { NO_DATA } from "../vocabulary";
import { achievementCell, bandCell } from "./node-tables";
import { escapeHtml, formatAchievement, shorten } from "./text";

/** Notes listed at most; the rest are counted. */
const MAX_NOTES = 60;

/** The label that marks a KPI whose reason is missing: the OIV looks for it. */
export const MISSING_REASON_LABEL = "Motivazione mancante";

/**
 * Every KPI that needs a reason, beside its reason: the Relazione must explain each target
 * not met. A blank reason is printed as a marked "Motivazione mancante", never left blank.
 * @example deviationsSection(report.kpis, 3, 2021) // "<section class=\"deviations\" …"
 */
export function deviationsSection(kpis: readonly KpiResult[], n: number, year: number | null): string {
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
    return `<tr><td class="code dev-code">${e(k.owner ?? "")}</td><td class="node">${e(k.indicator)}<span class="where">${e(k.sheet)}, riga ${k.row}</span></td><td class="n">${e(k.target ? formatCondition(k.target) : "—")}</td><td class="n">${e(value(k))}</td><td class="ach">${k.achievement === null ? NO_DATA.it : formatAchievement(k.achievement)}</td>${reason}</tr>`;
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

/**
 * One row per organisational unit: its result, band and the nodes and KPIs behind it.
 * @example unitsSection(workbookUnitScores(analysis), 4, "all", rules) // "<section class=\"units\" …"
 */
export function unitsSection(units: readonly UnitScore[], n: number, rule: UnitRule, rules: MeasurementRules): string {
  const e = escapeHtml;
  const ruleText = rule === "lead"
    ? "il risultato di ogni nodo conta solo per l'unità capofila (la prima elencata)"
    : "il risultato di ogni nodo conta per tutte le unità che vi partecipano";
  const rows = units.map((u) => {
    const measured = u.items.filter((i) => i.achievement !== null).length;
    const items = u.items.map((i) => `${i.kind === "node" ? e(i.code ?? "") : `${e(i.code ?? "")} «${e(shorten(i.title, 40))}»`}${i.achievement === null ? ` (${NO_DATA.it})` : ` (${formatAchievement(i.achievement)})`}`).join(", ");
    return `<tr><th scope="row" class="code">${e(u.unit)}</th>${achievementCell(u)}${bandCell(u.band)}<td class="n">${measured} di ${u.items.length}</td><td class="n">${u.kpis}</td><td class="n">${u.missing}</td><td class="items">${items}</td></tr>`;
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

/**
 * The measurement rules the figures followed, in words.
 * @example rulesList(DEFAULT_RULES) // "<ul class=\"rule-list\">…"
 */
export function rulesList(r: MeasurementRules): string {
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

/**
 * The notes on the data (check, settings and tree problems), the first MAX_NOTES listed and
 * the rest counted (the page leaves the section out when there are none).
 * @example notesSection([{ severity: "warning", code: "ROLLUP_ORPHAN_KPI", message: "…" }], 5) // "<section class=\"notes\" …"
 */
export function notesSection(notes: readonly Problem[], n: number): string {
  const shown = notes.slice(0, MAX_NOTES);
  return `<section class="notes" aria-labelledby="s${n}">
<h2 id="s${n}"><span class="num">${n}.</span> Note sui dati</h2>
<ol>
${shown.map((p) => `<li><span class="sev sev-${p.severity}">${p.severity === "error" ? "Errore" : "Avviso"}</span> ${escapeHtml(describe(p, "it"))}${where(p)}</li>`).join("\n")}
</ol>
${notes.length > shown.length ? `<p class="more">… e altre ${notes.length - shown.length} note (elenco completo con <code>kpi check</code>).</p>` : ""}
</section>`;
}
