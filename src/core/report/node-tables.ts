/**
 * The Relazione's tables of the tree: one row per area first (the figure a reader looks at
 * first), then every node, one table per area, indented by depth.
 */
import { nodeTitle } from "../rollup/present";
import type { RollupNode } from "../types";
import type { Band } from "../types";
import { BAND_WORDS, KIND_WORDS, NO_DATA } from "../vocabulary";
import { escapeHtml, formatAchievement } from "./text";

const KIND_LABEL = KIND_WORDS.it;

/**
 * A node's figure as a table cell.
 * @example achievementCell(node) // "<td class=\"ach\">83,33</td>"
 */
export function achievementCell(n: Pick<RollupNode, "achievement">): string {
  if (n.achievement === null) return `<td class="ach none">${NO_DATA.it}</td>`;
  return `<td class="ach">${formatAchievement(n.achievement)}</td>`;
}

/**
 * A band as a table cell: a coloured light and the band's word.
 * @example bandCell("amber") // "<td class=\"band\"><span class=\"light light-amber\" …></span>Giallo</td>"
 */
export function bandCell(band: Band | null): string {
  if (band === null) return `<td class="band none">—</td>`;
  return `<td class="band"><span class="light light-${band}" aria-hidden="true"></span>${BAND_WORDS.it[band]}</td>`;
}

/**
 * One row per area with its figure: the first table a reader looks at.
 * @example areaTable(nodes) // "<table class=\"areas\">…"
 */
export function areaTable(nodes: readonly RollupNode[]): string {
  const top = nodes.filter((n) => n.depth === 0);
  if (top.length === 0) return "";
  const rows = top
    .map(
      (n) => `<tr><th scope="row"><span class="code">${escapeHtml(n.code)}</span> ${escapeHtml(nodeTitle(n))}</th>${achievementCell(n)}${bandCell(n.band)}</tr>`,
    )
    .join("\n");
  const kind = top.every((n) => n.kind === "area") ? KIND_LABEL.area : KIND_LABEL.code;
  return `<table class="areas">
<caption>Risultato per ${kind.toLowerCase()}</caption>
<thead><tr><th scope="col">${kind}</th><th scope="col" class="ach">Grado di raggiungimento (%)</th><th scope="col" class="band">Fascia</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>`;
}

/**
 * The nodes cut at each top-level node, so that every area gets its own block; without
 * areas (a workbook without the plan's tree) one block holds everything.
 * @example splitByArea(nodes).map((g) => g[0].code) // ["A", "B"]
 */
export function splitByArea(nodes: readonly RollupNode[]): RollupNode[][] {
  if (nodes.length === 0) return [];
  if (!nodes.some((n) => n.depth === 0 && n.kind === "area")) return [nodes.slice()];
  const out: RollupNode[][] = [];
  for (const n of nodes) {
    if (n.depth === 0 || out.length === 0) out.push([n]);
    else out[out.length - 1].push(n);
  }
  return out;
}

/**
 * The table of one area's nodes (or of every node, without areas).
 * @example treeTable(splitByArea(nodes)[0], false) // "<table class=\"nodes\">…"
 */
export function treeTable(nodes: readonly RollupNode[], pageBreak: boolean): string {
  const head = nodes[0];
  const caption = head.kind === "area" ? `${KIND_LABEL.area} ${head.code} – ${head.title}` : "Obiettivi";
  const rows = nodes.map((n) => {
    const kind = KIND_LABEL[n.kind];
    if (n.kind === "program") {
      return `<tr class="program depth-${Math.min(n.depth, 4)}"><td class="code"></td><td class="node" colspan="6"><span class="kind">${KIND_LABEL.program}</span> ${escapeHtml(n.title)}</td></tr>`;
    }
    const counts = n.kpis > 0 ? `<td class="n">${n.met}</td><td class="n">${n.unmet}</td><td class="n">${n.missing}</td>` : `<td class="n dim" colspan="3">media dei nodi sottostanti</td>`;
    return `<tr class="k-${n.kind} depth-${Math.min(n.depth, 4)}"><td class="code">${escapeHtml(n.code)}</td><td class="node"><span class="kind">${kind}</span> ${escapeHtml(nodeTitle(n))}</td>${achievementCell(n)}${bandCell(n.band)}${counts}</tr>`;
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
