/**
 * The words of `kpi snapshot` (freezing a period into the hidden Storico sheet), Italian and English.
 */
export const SNAPSHOT_TEXT = {
  it: {
    snapshotNeedsOutput: "Manca la copia da scrivere: indicarla con -o uscita.xlsx (il file di ingresso non viene mai modificato).",
    snapshotDone: (n: number, period: string, f: string, at: string) => `Valori congelati: ${n} del periodo ${period}, il ${at}, nel foglio nascosto «Storico» di ${f}`,
  },
  en: {
    snapshotNeedsOutput: "The copy to write is missing: give it with -o output.xlsx (the input file is never modified).",
    snapshotDone: (n: number, period: string, f: string, at: string) => `Values frozen: ${n} of the period ${period}, at ${at}, in the hidden "Storico" sheet of ${f}`,
  },
} as const;
