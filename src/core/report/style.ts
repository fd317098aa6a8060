/**
 * The Relazione's stylesheet: A4 print first (page numbers, page breaks before the tree and
 * the rules), readable on screen too. The traffic-light colours come from the vocabulary.
 */
import type { Band } from "../types";
import { BAND_COLOURS } from "../vocabulary";
import { cssColour } from "./text";

const light = (b: Band) => cssColour(BAND_COLOURS[b].light);
const ink = (b: Band) => cssColour(BAND_COLOURS[b].inkOnWhite);

/** The page's `<style>` content. */
export const REPORT_CSS = `
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
.light-green { background: ${light("green")}; }
.light-amber { background: ${light("amber")}; }
.light-red { background: ${light("red")}; }
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
.sev-error { color: ${ink("red")}; } .sev-warning { color: ${ink("amber")}; }
.where, .more { color: var(--muted); }
.deviations td.reason { font-size: 8.5pt; }
.deviations td.reason-missing { color: ${ink("red")}; background: #fdecea; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.deviations .where { display: block; font-size: 7.5pt; }
.unit-table td.items { font-size: 8pt; color: var(--muted); }
.unit-table th[scope=row] { vertical-align: top; background: none; border-bottom: .5pt solid var(--rule); font-size: 9pt; }
.colophon { margin-top: 8mm; border-top: .75pt solid var(--rule); padding-top: 2mm; font-size: 8pt; color: var(--muted); }
@media screen { body { background: #e9ecf0; } main { background: #fff; padding: 16mm; margin: 8mm auto; box-shadow: 0 1px 4px rgba(0,0,0,.2); max-width: 210mm; } }
@media print { main { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
