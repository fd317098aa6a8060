/**
 * The words of `kpi demo` (the sample plan and the next step), Italian and English.
 */
export const DEMO_TEXT = {
  it: {
    demoKept: (f: string) => `${f} esiste già (da un'esecuzione precedente): lo controllo così com'è, con i valori scritti. Per ripartire dal piano, cancellarlo.`,
    seedMissing: (f: string) => `Il piano di esempio non è stato trovato: ${f}`,
    demoNext: (f: string, y: number) =>
      `Passo successivo: scrivere i valori nelle colonne «Valore ${y}» (o le misure nelle colonne «Misura ${y}») di ${f} e controllare di nuovo con: npm run --silent kpi -- check ${f} -o ${f.replace(/\.xlsx$/i, "")}-evidenziato.xlsx`,
  },
  en: {
    demoKept: (f: string) => `${f} already exists (from an earlier run): checking it as it is, with the values typed in. Delete it to start again from the plan.`,
    seedMissing: (f: string) => `The sample plan was not found: ${f}`,
    demoNext: (f: string, y: number) =>
      `Next step: type the values in the "Valore ${y}" columns (or the measures in the "Misura ${y}" columns) of ${f} and check again with: npm run --silent kpi -- check ${f} -o ${f.replace(/\.xlsx$/i, "")}-highlighted.xlsx`,
  },
} as const;
