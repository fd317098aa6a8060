import type { Lang } from "../messages";
import type { NodeKind, Problem } from "../types";
import { KIND_WORDS } from "../vocabulary";

/**
 * The words the workbook shows, Italian and English. The KPI column headers are also a
 * contract with the KPI-table reader (`src/core/reader/`), which recognises `Codice`/`Code`,
 * `Indicatore`/`Indicator`, `Algoritmo`/`Algorithm`, `Peso`/`Weight`, `Stato`/`Baseline`,
 * `Target`, `Target YYYY` and `Valore YYYY`/`Actual YYYY`; `Tipo` and `Misura YYYY` are
 * extra columns it ignores.
 */
export interface WorkbookLabels {
  /** The tree sheet's `Tipo` column (from the vocabulary; read back by src/core/rollup/tree.ts). */
  readonly kind: Readonly<Record<NodeKind, string>>;
  readonly kpi: {
    readonly code: string;
    readonly kind: string;
    readonly indicator: string;
    readonly algorithm: string;
    readonly weight: string;
    readonly baseline: string;
    readonly target: string;
    readonly value: string;
    readonly targetYear: (year: number) => string;
    readonly measureYear: (year: number) => string;
    readonly valueYear: (year: number) => string;
    /** A value at a monitoring date (`date` as `30/06`): `Valore 2026 al 30/06`. */
    readonly valueAt: (year: number, date: string) => string;
  };
  readonly tree: {
    readonly sheet: string;
    readonly table: string;
    readonly code: string;
    readonly kind: string;
    readonly title: string;
    readonly parent: string;
    readonly program: string;
    readonly units: string;
    readonly weight: string;
    /** Prompt of the tree's weight cells. */
    readonly weightPrompt: string;
  };
  readonly problems: {
    readonly sheet: string;
    readonly table: string;
    readonly line: string;
    readonly severity: string;
    readonly code: string;
    readonly message: string;
    readonly levels: Readonly<Record<Problem["severity"], string>>;
  };
  readonly weightValidation: {
    readonly errorTitle: string;
    readonly error: string;
    readonly promptTitle: string;
    readonly prompt: string;
  };
  readonly title: string;
}

export const LABELS: Readonly<Record<Lang, WorkbookLabels>> = {
  it: {
    kind: KIND_WORDS.it,
    kpi: {
      code: "Codice",
      kind: "Tipo",
      indicator: "Indicatore",
      algorithm: "Algoritmo",
      weight: "Peso",
      baseline: "Stato",
      target: "Target",
      value: "Valore",
      targetYear: (y) => `Target ${y}`,
      measureYear: (y) => `Misura ${y}`,
      valueYear: (y) => `Valore ${y}`,
      valueAt: (y, d) => `Valore ${y} al ${d}`,
    },
    tree: {
      sheet: "Albero",
      table: "Nodi",
      code: "Codice",
      kind: "Tipo",
      title: "Titolo",
      parent: "Padre",
      program: "Programma",
      units: "Unità organizzative",
      weight: "Peso",
      weightPrompt: "Peso del nodo nel suo padre, tra 0 e 100; vuoto = pesi uguali tra i fratelli.",
    },
    problems: {
      sheet: "Problemi",
      table: "Problemi_piano",
      line: "Riga",
      severity: "Gravità",
      code: "Codice problema",
      message: "Messaggio",
      levels: { error: "errore", warning: "avviso" },
    },
    weightValidation: {
      errorTitle: "Peso non valido",
      error: "Il peso è un numero tra 0 e 100 (i pesi di un obiettivo sommano a 100).",
      promptTitle: "Peso",
      prompt: "Un numero tra 0 e 100; i pesi dello stesso codice sommano a 100.",
    },
    title: "Piano della performance: KPI",
  },
  en: {
    kind: KIND_WORDS.en,
    kpi: {
      code: "Code",
      kind: "Kind",
      indicator: "Indicator",
      algorithm: "Algorithm",
      weight: "Weight",
      baseline: "Baseline",
      target: "Target",
      value: "Actual",
      targetYear: (y) => `Target ${y}`,
      measureYear: (y) => `Measure ${y}`,
      valueYear: (y) => `Actual ${y}`,
      valueAt: (y, d) => `Actual ${y} at ${d}`,
    },
    tree: {
      sheet: "Tree",
      table: "Nodes",
      code: "Code",
      kind: "Kind",
      title: "Title",
      parent: "Parent",
      program: "Program",
      units: "Organisational units",
      weight: "Weight",
      weightPrompt: "The node's weight in its parent, between 0 and 100; blank = equal weights among siblings.",
    },
    problems: {
      sheet: "Problems",
      table: "Plan_problems",
      line: "Line",
      severity: "Severity",
      code: "Problem code",
      message: "Message",
      levels: { error: "error", warning: "warning" },
    },
    weightValidation: {
      errorTitle: "Invalid weight",
      error: "A weight is a number between 0 and 100 (an objective's weights add up to 100).",
      promptTitle: "Weight",
      prompt: "A number between 0 and 100; the weights of one code add up to 100.",
    },
    title: "Performance plan: KPIs",
  },
};
