/**
 * The Relazione's chart of the strategic objectives (an inline SVG of horizontal bars with
 * the band cut-offs) and the traffic light's legend.
 */
import { formatNumberIt } from "../numbers";
import type { RollupNode } from "../types";
import type { Band, MeasurementRules } from "../types";
import { BAND_COLOURS, BAND_WORDS, NO_DATA } from "../vocabulary";
import { cssColour, escapeHtml, formatAchievement, shorten } from "./text";

const BAND_LABEL = BAND_WORDS.it;

/**
 * Horizontal bars 0..100 with the band cut-offs as dashed lines, value and band in words.
 * @example barChart(chartNodes(nodes), DEFAULT_RULES) // "<figure class=\"chart\"><svg …"
 */
export function barChart(nodes: readonly RollupNode[], rules: MeasurementRules): string {
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
    out.push(`<rect x="${LABEL}" y="${y + 6}" width="${round1(w)}" height="18" fill="${cssColour(BAND_COLOURS[n.band].light)}" class="bar bar-${n.band}"/>`);
    out.push(
      `<text x="${LABEL + BAR + 8}" y="${y + 19}" class="value">${formatAchievement(n.achievement)}%</text>`,
      `<text x="${W - 4}" y="${y + 19}" class="band-text" text-anchor="end" fill="${cssColour(BAND_COLOURS[n.band].inkOnWhite)}">${BAND_LABEL[n.band]}</text>`,
    );
  });
  out.push(`</svg><figcaption>Grado di raggiungimento degli obiettivi strategici (0–100). Le linee tratteggiate segnano le soglie del semaforo (${formatNumberIt(rules.bands.red)} e ${formatNumberIt(rules.bands.amber)}).</figcaption></figure>`);
  return out.join("\n");
}

/**
 * The traffic light's legend: each band's word and range under the rules' cut-offs.
 * @example legend(DEFAULT_RULES) // "<p class=\"legend\">… <strong>Verde</strong>: da 90 a 100 · …"
 */
export function legend(rules: MeasurementRules): string {
  const { red, amber } = rules.bands;
  return `<p class="legend"><span class="light light-green" aria-hidden="true"></span><strong>${BAND_LABEL.green}</strong>: da ${formatNumberIt(amber)} a 100 · <span class="light light-amber" aria-hidden="true"></span><strong>${BAND_LABEL.amber}</strong>: da ${formatNumberIt(red)} a meno di ${formatNumberIt(amber)} · <span class="light light-red" aria-hidden="true"></span><strong>${BAND_LABEL.red}</strong>: meno di ${formatNumberIt(red)} · <strong>${NO_DATA.it}</strong>: nessun dato per l'anno</p>`;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}
