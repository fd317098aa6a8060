/** The words of `kpi report` (the Relazione written, its options), Italian and English. */
export const REPORT_TEXT = {
  it: {
    reportWritten: (f: string, y: number | null, nodes: number, c: { kpis: number; met: number; unmet: number; missing: number }) =>
      `Relazione${y === null ? "" : ` ${y}`} scritta: ${f}\n  ${nodes} nodi · ${c.kpis} indicatori misurati · ${c.met} raggiunti · ${c.unmet} non raggiunti · ${c.missing} mancanti\n`,
    badDate: (d: string) => `Data non valida «${d}»: indicare AAAA-MM-GG, es. --date 2022-03-31.`,
    emptyOption: (o: string) => `L'opzione ${o} richiede un testo.`,
  },
  en: {
    reportWritten: (f: string, y: number | null, nodes: number, c: { kpis: number; met: number; unmet: number; missing: number }) =>
      `Report${y === null ? "" : ` ${y}`} written: ${f}\n  ${nodes} nodes · ${c.kpis} indicators measured · ${c.met} met · ${c.unmet} not met · ${c.missing} missing\n`,
    badDate: (d: string) => `Invalid date "${d}": give YYYY-MM-DD, e.g. --date 2022-03-31.`,
    emptyOption: (o: string) => `The option ${o} needs a text.`,
  },
} as const;
