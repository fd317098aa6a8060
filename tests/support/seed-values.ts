/**
 * A chosen set of 2021 values for the plan in seeds/, typed into the `Valore 2021` cells of
 * the workbook the import builds. The roll-up of these values is computed by hand in
 * seed.test.ts (and checked again in the HTML by tests/cli/report.test.ts).
 */
import { readFileSync } from "fs";
import { join } from "path";
import { dateToSerial } from "../../src/core/dates";
import { parsePlan } from "../../src/core/plan/parse";
import type { CellValue, SheetGrid } from "../../src/core/types";
import { buildWorkbook } from "../../src/core/workbook/build";
import type { CellSpec, SheetSpec, WorkbookSpec } from "../../src/core/workbook/description";

export const SEED = join(__dirname, "../../seeds/000_30336ea7c660fe63.txt");

/** The 2021 values: [owner, start of the indicator's text, value]. Everything else stays blank. */
export const VALUES_2021: readonly (readonly [string, string, number])[] = [
  // ---- Area A: only A.1's own KPIs (2021 targets)
  ["A.1", "Soggetti coinvolti nei servizi", 18], // >= +15%: met -> 100
  ["A.1", "Grado di soddisfazione", 7.7], // >= 7: met -> 100
  ["A.1", "Trend percentuale di soggetti partecipanti", 9], // >= +15%: 9/15 -> 60
  ["A.1", "Trend numero d'impresa", 12], // >= +15%: 12/15 -> 80
  // ("Trend soggetti partecipanti ... digitalizzazione" >= +10% stays blank: missing)

  // ---- Area B
  ["B.1", "Trend percentuale di incremento totale procedimenti", 12], // >= +10%: met -> 100
  ["B.1", "Trend percentuale di incremento totale documenti", 6], // >= +10%: 6/10 -> 60
  ["B.1.1.1", "Rilasci firma digitale", 8], // >= 10%: 8/10 -> 80
  ["B.1.1.1", "Attivazione del servizio consegna", dateToSerial(2021, 11, 15)], // <= 30/11/2021: met -> 100
  ["B.1.1.2", "Totale iniziative", 4], // >= 5: 4/5 -> 80
  ["B.1.2.1", "Grado di soddisfazione", 6.3], // >= 7: 6.3/7 -> 90
  // ("Trend incremento dei procedimenti gestiti" >= +10% stays blank: missing)
  ["B.1.2.2", "N. consultazioni", 5.5], // >= 5%: met -> 100
  ["B.1.2.2", "N. imprese utilizzatrici", 15], // >= 20%: 15/20 -> 75
  ["B.1.2.2", "Revisione degli accreditamenti", dateToSerial(2021, 7, 15)], // <= 30/06/2021: late -> 0
  ["B.1.3", "Attivazione accessi", 4], // >= 4: met -> 100
  ["B.2", "Equilibrio economico finanziario", 24], // 2021 >= 30%: 24/30 -> 80
  ["B.2.1.1", "Attività realizzate secondo convenzione", 100], // >= 100%: met -> 100
  ["B.2.1.1", "Percentuale posizioni revisionate", 90], // >= 100%: 90
  ["B.2.1.2", "Verifica della permanenza", 60], // >= 80%: 60/80 -> 75
  ["B.2.1.2", "Verifica delle imprese assegnatarie", 88], // >= 80%: met -> 100
  ["B.2.1.3", "Numero eventi", 1], // >= 2: 1/2 -> 50
  ["B.2.2", "Soggetti coinvolti", 120], // >= 100: met -> 100
  ["B.2.2", "Trend imprese beneficiarie", 12], // >= +15%: 12/15 -> 80
  ["B.2.2", "Attivazione sportello", dateToSerial(2021, 7, 31)], // <= 31/07/2021: on the day -> 100

  // ---- Area C
  ["C.1", "Tempestività", 1.25], // 2021 <= 1 (lower is better): ratio 1/1.25 -> 80; linear (2-1.25)/1 -> 75
  ["C.1", "Customer satisfaction", 8], // >= 7: met -> 100
  ["C.1.1.1", "Tempo medio evasione", 8], // <= 7 days: ratio 7/8 -> 87.5; linear (14-8)/7 -> 85.714...
  ["C.1.1.2", "Efficientamento procedure", 66], // >= 60%: met -> 100
  ["C.1.2.2", "Adozione piano", dateToSerial(2021, 12, 10)], // <= 30/11/2021: late -> 0
  ["C.1.2.6", "Totale attività realizzate", 95], // >= 100%: 95
  ["C.2", "Razionalizzazione costi di funzionamento", 81], // 2021 >= 90%: 81/90 -> 90
  ["C.2", "Equilibrio economico patrimoniale", 150], // >= 140: met -> 100
  ["C.2", "Equilibrio economico strutturale", 0.9], // >= 1: 90
  ["C.2", "Razionalizzazione costi di struttura", 60], // >= 75%: 60/75 -> 80
  ["C.2", "Trend incasso", 0.85], // >= 0,85: met -> 100
  // ("Trend proventi accertati" >= 0,85 stays blank: missing)
];

/**
 * The workbook the import builds from the seed plan, with VALUES_2021 typed into the
 * `Valore 2021` cells (over the trend formulas where there is one, as a user who types the
 * value directly would). Throws when a value finds no row or two rows.
 */
export function seedWorkbook(extraSheets: readonly SheetSpec[] = []): WorkbookSpec {
  const spec = buildWorkbook(parsePlan(readFileSync(SEED, "utf8")));
  const used = new Set<number>();
  const sheets = spec.sheets.map((s) => {
    const header = (s.cells[0] ?? []).map((h) => String(h ?? ""));
    const code = header.indexOf("Codice");
    const indicator = header.indexOf("Indicatore");
    const value = header.indexOf("Valore 2021");
    if (indicator < 0 || value < 0) return s;
    const cells = s.cells.map((row, r) => {
      if (r === 0) return row;
      const copy: CellSpec[] = [...row];
      VALUES_2021.forEach(([owner, start, v], i) => {
        if (row[code] === owner && String(row[indicator]).startsWith(start)) {
          if (used.has(i)) throw new Error(`${owner} "${start}" matches twice`);
          used.add(i);
          copy[value] = v;
        }
      });
      return copy;
    });
    return { ...s, cells };
  });
  const unused = VALUES_2021.filter((_, i) => !used.has(i));
  if (unused.length > 0) throw new Error(`no row for ${JSON.stringify(unused)}`);
  // An extra sheet replaces the built one of the same name (e.g. other rules in Impostazioni).
  const replaced = new Set(extraSheets.map((x) => x.name));
  return { ...spec, sheets: [...sheets.filter((x) => !replaced.has(x.name)), ...extraSheets] };
}

/** A workbook description as the checker sees it: formula cells show their cached result. */
export function gridsOf(spec: WorkbookSpec): SheetGrid[] {
  const plain = (c: CellSpec): CellValue => (c !== null && typeof c === "object" ? c.result : c);
  return spec.sheets.map((s) => ({ name: s.name, values: s.cells.map((row) => row.map(plain)) }));
}


