import { pl } from "./plural";

/**
 * The words of the `kpi check` report (headings, weight groups, problems, KPI lists, summary,
 * highlighted copy), Italian and English. `severity` and `moreProblems` serve the `kpi import`
 * summary too.
 */
export const CHECK_TEXT = {
  it: {
    reportTitle: (f: string) => `Controllo KPI: ${f}`,
    year: (y: number | null, years: readonly number[]) =>
      y === null ? "Anno: nessuno (i target non indicano anni)" : `Anno: ${y}${years.length > 0 ? ` (anni nella cartella di lavoro: ${years.join(", ")})` : ""}`,
    counts: (tables: number, rows: number, groups: number) => `Tabelle KPI: ${tables} · righe KPI: ${rows} · gruppi di pesi: ${groups}`,
    groupsTitle: (n: number, bad: number) => `Gruppi di pesi (${n}; ${bad === 0 ? "tutti validi" : pl(bad, "non valido", "non validi")})`,
    groupOk: "ok",
    groupBad: "NO",
    noOwner: "(tabella)",
    rows: (r: string) => (/^\d+$/.test(r) ? `riga ${r}` : `righe ${r}`),
    sum: (s: string, expected: number) => `somma ${s} su ${expected}`,
    // How far a group's sum is from the total: "5 in più" for 105, "20 in meno" for 80.
    gap: (amount: string, over: boolean) => (over ? `${amount} in più` : `${amount} in meno`),
    problemsTitle: (e: number, w: number, missing: number) =>
      `Problemi (${pl(e, "errore", "errori")}, ${pl(w, "avviso", "avvisi")}${missing > 0 ? `; valori mancanti: ${missing}, elencati sotto` : ""})`,
    severity: { error: "errore", warning: "avviso" },
    noProblems: "  nessuno",
    moreProblems: (n: number) => `  ... e altri ${n} problemi non elencati`,
    period: (p: string, all: readonly string[]) => `Periodo: ${p} (data di monitoraggio; periodi nella cartella di lavoro: ${all.join(", ")})`,
    unreachableTitle: (n: number) => `Non raggiungibili (${n})`,
    atRiskTitle: (n: number) => `A rischio (${n})`,
    onTrackTitle: (n: number) => `In linea (${n})`,
    expected: (x: string) => `atteso alla data ${x}`,
    kpiNotDone: (target: string) => `non ancora realizzato · target ${target}`,
    missingTitle: (n: number) => `Valori mancanti (${n})`,
    unmetTitle: (n: number) => `Target non raggiunti (${n})`,
    metTitle: (n: number) => `Target raggiunti (${n})`,
    kpiLine: (value: string, target: string, ach: string) => `valore ${value} · target ${target} · raggiungimento ${ach}`,
    kpiMissing: (target: string) => `target ${target}`,
    kpiReason: (text: string) => `motivazione: ${text}`,
    kpiReasonMissing: "MOTIVAZIONE MANCANTE (colonna Motivazione scostamento)",
    summary: (s: { rows: number; met: number; unmet: number; missing: number; noTarget: number; invalid: number }, e: number, w: number) =>
      `Riepilogo: ${s.rows} KPI · raggiunti ${s.met} · non raggiunti ${s.unmet} · mancanti ${s.missing} · senza target ${s.noTarget} · non validi ${s.invalid} · errori ${e} · avvisi ${w}`,
    frozenLine: (values: number, periods: readonly string[], changed: number) =>
      `Storico: ${pl(values, "valore congelato", "valori congelati")} (periodi ${periods.join(", ")}); modificati dopo il congelamento: ${changed}`,
    marked: (f: string) => `Copia evidenziata scritta: ${f}`,
    legend:
      "Legenda: arancio-rosso in grassetto = target non raggiunto (o non raggiungibile) · azzurro con bordo punteggiato = a rischio (data intermedia) · verde-azzurro = raggiunto (o in linea) · giallo con bordo tratteggiato = valore mancante.",
  },
  en: {
    reportTitle: (f: string) => `KPI check: ${f}`,
    year: (y: number | null, years: readonly number[]) =>
      y === null ? "Year: none (the targets name no years)" : `Year: ${y}${years.length > 0 ? ` (years in the workbook: ${years.join(", ")})` : ""}`,
    counts: (tables: number, rows: number, groups: number) => `KPI tables: ${tables} · KPI rows: ${rows} · weight groups: ${groups}`,
    groupsTitle: (n: number, bad: number) => `Weight groups (${n}; ${bad === 0 ? "all valid" : `${bad} invalid`})`,
    groupOk: "ok",
    groupBad: "NO",
    noOwner: "(table)",
    rows: (r: string) => (/^\d+$/.test(r) ? `row ${r}` : `rows ${r}`),
    sum: (s: string, expected: number) => `sum ${s} of ${expected}`,
    gap: (amount: string, over: boolean) => (over ? `${amount} too many` : `${amount} short`),
    problemsTitle: (e: number, w: number, missing: number) =>
      `Problems (${pl(e, "error", "errors")}, ${pl(w, "warning", "warnings")}${missing > 0 ? `; missing values: ${missing}, listed below` : ""})`,
    severity: { error: "error", warning: "warning" },
    noProblems: "  none",
    moreProblems: (n: number) => `  ... and ${n} more problems not listed`,
    period: (p: string, all: readonly string[]) => `Period: ${p} (monitoring date; periods in the workbook: ${all.join(", ")})`,
    unreachableTitle: (n: number) => `Unreachable (${n})`,
    atRiskTitle: (n: number) => `At risk (${n})`,
    onTrackTitle: (n: number) => `On track (${n})`,
    expected: (x: string) => `expected by the date ${x}`,
    kpiNotDone: (target: string) => `not done yet · target ${target}`,
    missingTitle: (n: number) => `Missing values (${n})`,
    unmetTitle: (n: number) => `Targets not met (${n})`,
    metTitle: (n: number) => `Targets met (${n})`,
    kpiLine: (value: string, target: string, ach: string) => `value ${value} · target ${target} · achievement ${ach}`,
    kpiMissing: (target: string) => `target ${target}`,
    kpiReason: (text: string) => `reason: ${text}`,
    kpiReasonMissing: "REASON MISSING (column Motivazione scostamento)",
    summary: (s: { rows: number; met: number; unmet: number; missing: number; noTarget: number; invalid: number }, e: number, w: number) =>
      `Summary: ${pl(s.rows, "KPI", "KPIs")} · met ${s.met} · not met ${s.unmet} · missing ${s.missing} · without target ${s.noTarget} · invalid ${s.invalid} · errors ${e} · warnings ${w}`,
    frozenLine: (values: number, periods: readonly string[], changed: number) =>
      `Storico: ${pl(values, "frozen value", "frozen values")} (periods ${periods.join(", ")}); changed after the freeze: ${changed}`,
    marked: (f: string) => `Highlighted copy written: ${f}`,
    legend: "Legend: bold vermillion = target not met (or unreachable) · sky blue with dotted border = at risk (intermediate date) · bluish green = met (or on track) · yellow with dashed border = missing value.",
  },
} as const;
