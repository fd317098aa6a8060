import { pl } from "./plural";

/**
 * The words of `kpi import` (the plan read, the workbook written, cells cut to Excel's limits),
 * Italian and English.
 */
export const IMPORT_TEXT = {
  it: {
    imported: (nodes: number, kpis: number, problems: number) => `Piano letto: ${pl(nodes, "nodo", "nodi")}, ${kpis} KPI, ${pl(problems, "problema", "problemi")}.`,
    nodeCounts: (c: Record<string, number>) =>
      `  aree ${c.area ?? 0} · obiettivi strategici ${c.strategic ?? 0} · programmi ${c.program ?? 0} · obiettivi operativi ${c.operational ?? 0} · azioni ${c.action ?? 0}`,
    planYears: (y: readonly number[]) => `  anni del piano: ${y.length > 0 ? y.join(", ") : "nessuno"}`,
    line: (n: number | undefined) => (n === undefined ? "" : `riga ${n}`),
    written: (f: string) => `Cartella di lavoro scritta: ${f}`,
    strippedChars: (n: number) => `avviso: ${pl(n, "carattere non ammesso", "caratteri non ammessi")} in un file Excel (controllo, U+FFFE, U+FFFF) ${n === 1 ? "è stato tolto" : "sono stati tolti"} dal testo del piano.`,
    cellsCut: (n: number) => `avviso: ${pl(n, "cella supera", "celle superano")} i 32.767 caratteri di Excel: il testo è stato tagliato a 32.767 caratteri.`,
  },
  en: {
    imported: (nodes: number, kpis: number, problems: number) => `Plan read: ${pl(nodes, "node", "nodes")}, ${pl(kpis, "KPI", "KPIs")}, ${pl(problems, "problem", "problems")}.`,
    nodeCounts: (c: Record<string, number>) =>
      `  areas ${c.area ?? 0} · strategic objectives ${c.strategic ?? 0} · programs ${c.program ?? 0} · operational objectives ${c.operational ?? 0} · actions ${c.action ?? 0}`,
    planYears: (y: readonly number[]) => `  plan years: ${y.length > 0 ? y.join(", ") : "none"}`,
    line: (n: number | undefined) => (n === undefined ? "" : `line ${n}`),
    written: (f: string) => `Workbook written: ${f}`,
    strippedChars: (n: number) => `warning: ${pl(n, "character", "characters")} not allowed in an Excel file (controls, U+FFFE, U+FFFF) removed from the plan text.`,
    cellsCut: (n: number) => `warning: ${pl(n, "cell goes", "cells go")} beyond Excel's 32,767 characters: the text was cut to 32,767 characters.`,
  },
} as const;
