import { DEFAULT_RULES } from "../../../src/core/achievement";
import { chartNodes, escapeHtml, formatAchievement, italianDate, kpiCounts, renderReport } from "../../../src/core/report";
import { rollup, type RollupKpi, type RollupTreeNode } from "../../../src/core/rollup";
import type { Problem } from "../../../src/core/types";
import { htmlRow } from "../../support/html-rows";

const TREE: RollupTreeNode[] = [
  { code: "A", kind: "area", title: "Imprese & <territorio>", parent: null },
  { code: "A.1", kind: "strategic", title: "Crescita", parent: "A" },
  { code: "A.1/P1", kind: "program", title: "Sostegno", parent: "A.1" },
  { code: "A.1.1", kind: "operational", title: "Servizi <script>alert(1)</script>", parent: "A.1" },
  { code: "A.2", kind: "strategic", title: "Tempi", parent: "A" },
  { code: "B", kind: "area", title: "Ente", parent: null },
  { code: "B.1", kind: "strategic", title: "Senza dati", parent: "B" },
];
const K = (owner: string, weight: number, achievement: number | null): RollupKpi => ({
  owner,
  weight,
  achievement,
  status: achievement === null ? "missing" : achievement >= 100 ? "met" : "unmet",
  algorithmKind: "count",
});
// A.1.1: 100 (met)
// A.1: KPIs 50 -> 100 (met) and 50 -> 66.67 (unmet): (100 + 66.666...)/2 = 83.333... -> "83,33", amber
// A.2: 62.5 -> red; A: (83.333... + 62.5)/2 = 72.9166... -> "72,92", amber; B.1: missing -> n.d.
const KPIS = [K("A.1.1", 100, 100), K("A.1", 50, 100), K("A.1", 50, 200 / 3), K("A.2", 100, 62.5), K("B.1", 100, null)];
const NODES = rollup({ nodes: TREE, kpis: KPIS }).nodes;

function render(extra: Partial<Parameters<typeof renderReport>[0]> = {}): string {
  return renderReport({ year: 2021, generatedOn: "2022-03-31", nodes: NODES, rules: DEFAULT_RULES, body: "CCIAA di Lecce", ...extra });
}

describe("formatting helpers", () => {
  it("rounds half-up to 2 decimals with a decimal comma", () => {
    expect(formatAchievement(2.345)).toBe("2,35");
    expect(formatAchievement(83.335)).toBe("83,34");
    expect(formatAchievement(200 / 3)).toBe("66,67");
    expect(formatAchievement(100)).toBe("100,00");
    expect(formatAchievement(0)).toBe("0,00");
  });

  it("escapes HTML", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("writes dates in Italian words", () => {
    expect(italianDate("2022-03-31")).toBe("31 marzo 2022");
    expect(italianDate("2024-01-01")).toBe("1 gennaio 2024");
    expect(italianDate("ieri")).toBe("ieri");
  });

  it("counts the KPIs of the roll-up", () => {
    // met: A.1.1, A.1 first; unmet: A.1 second, A.2; missing: B.1
    expect(kpiCounts(NODES)).toEqual({ kpis: 5, met: 2, unmet: 2, missing: 1 });
  });

  it("charts the strategic objectives, else the top-level nodes", () => {
    expect(chartNodes(NODES).map((n) => n.code)).toEqual(["A.1", "A.2", "B.1"]);
    const flat = rollup({ nodes: [], kpis: [K("X", 1, 50), K("Y", 1, 70)] }).nodes;
    expect(chartNodes(flat).map((n) => n.code)).toEqual(["X", "Y"]);
  });
});

describe("renderReport", () => {
  const html = render();

  it("is one self-contained Italian page", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"it\">")).toBe(true);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\s(src|href)=/);
    expect(html).toContain("@page { size: A4;");
  });

  it("escapes every text from the workbook", () => {
    expect(html).toContain("Imprese &amp; &lt;territorio&gt;");
    expect(html).toContain("Servizi &lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<territorio>");
  });

  it("shows each node's figure and band in words", () => {
    const row = (code: string) => htmlRow(html, `<td class="code">${code}</td>`);
    expect(row("A.1")).toContain(">83,33<");
    expect(row("A.1")).toContain("Giallo");
    expect(row("A.2")).toContain(">62,50<");
    expect(row("A.2")).toContain("Rosso");
    expect(row("A.1.1")).toContain(">100,00<");
    expect(row("A.1.1")).toContain("Verde");
    expect(row("A")).toContain(">72,92<");
    expect(row("A")).toContain("media dei nodi sottostanti");
    expect(row("B.1")).toContain("n.d.");
    // A.1's own KPIs: 1 met, 1 unmet, 0 missing
    expect(row("A.1")).toContain('<td class="n">1</td><td class="n">1</td><td class="n">0</td>');
    // The program is a heading row without figures.
    expect(html).toContain('<span class="kind">Programma</span> Sostegno</td>');
  });

  it("puts each area after the first on a new page", () => {
    expect(html.match(/<table class="nodes break">/g)).toHaveLength(1);
    expect(html.match(/<table class="nodes">/g)).toHaveLength(1);
  });

  it("draws the chart with values and band words, and a text alternative", () => {
    const svg = html.slice(html.indexOf("<svg"), html.indexOf("</svg>"));
    expect(svg).toContain(">83,33%</text>");
    expect(svg).toContain(">62,50%</text>");
    expect(svg).toContain("dato non disponibile");
    expect(svg).toContain("<desc id=\"chart-desc\">A.1: 83,33%, giallo; A.2: 62,50%, rosso; B.1: dato non disponibile</desc>");
    // Band cut-offs at 70 and 90: x = 250 + v/100*300 -> 460 and 520
    expect(svg).toContain('<line x1="460" y1="14" x2="460"');
    expect(svg).toContain('<line x1="520" y1="14" x2="520"');
    // A.1's bar: 83.333.../100*300 = 250 -> width 250
    expect(svg).toContain('width="250" height="18" fill="#e8a317"');
  });

  it("states the rules applied and the counts", () => {
    expect(html).toContain("target/valore (regola del rapporto)");
    expect(html).toContain("esclusi dalla media, con i pesi ridistribuiti");
    const linear = render({ rules: { ...DEFAULT_RULES, lowerIsBetter: "linear", missing: "zero", threshold: 40, bands: { red: 60, amber: 80 } } });
    expect(linear).toContain("(2 × target − valore)/target (regola lineare)");
    expect(linear).toContain("contati come 0");
    expect(linear).toContain("sotto 40 l'indicatore vale 0");
    expect(linear).toContain("rosso sotto 60, giallo sotto 80, verde da 80");
    expect(html).toMatch(/<span class="tile-value">5<\/span><span class="tile-label">Indicatori misurati/);
    expect(html).toMatch(/<span class="tile-value">1<\/span><span class="tile-label">Valori mancanti<\/span><span class="tile-note">20,0% del totale/);
  });

  it("lists the notes, escaped, at most 60", () => {
    const notes: Problem[] = Array.from({ length: 65 }, (_, i) => ({ severity: i === 0 ? "error" : "warning", code: "NOT_A_NUMBER", params: { text: `nota <${i}>` }, sheet: "B", cell: `C${i + 2}` }));
    const out = render({ problems: notes });
    expect(out).toContain('<span class="sev sev-error">Errore</span> «nota &lt;0&gt;» non è un numero. <span class="where">(B!C2)</span>');
    expect(out.match(/<li><span class="sev/g)).toHaveLength(60);
    expect(out).toContain("… e altre 5 note");
    expect(html).not.toContain("Note sui dati");
  });

  it("without a year, a body or a tree", () => {
    const flat = rollup({ nodes: [], kpis: [K("X", 1, 50)] }).nodes;
    const out = renderReport({ year: null, generatedOn: "2022-03-31", nodes: flat, rules: DEFAULT_RULES });
    expect(out).toContain("<title>Relazione sulla performance</title>");
    expect(out).toContain("non indicato");
    expect(out).not.toContain('<p class="body-name">');
    expect(out).not.toContain("nodes break");
    expect(out).toContain("Risultato per obiettivo");
  });
});
