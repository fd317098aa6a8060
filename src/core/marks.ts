/**
 * The marks a validation leaves on the sheet, and their look, shared by every adapter:
 * the task pane writes them as Office.js conditional formats (src/excel/marks.ts), the CLI
 * as conditional-formatting rules in a copy of the .xlsx (src/cli/xlsx-marks.ts), and the
 * pane's legend wears the same colours (src/taskpane/taskpane.css, checked by a test). So a
 * workbook marked by `kpi check -o` looks the same as one marked from the pane.
 *
 * The palette: light tints of the Okabe-Ito colour-blind-safe colours, vermillion (#D55E00),
 * bluish green (#009E73) and yellow (#F0E442), chosen so that
 * - black text on every fill has a contrast ratio of at least 12:1 (WCAG AAA asks for 7:1);
 * - the three fills stay apart (CIEDE2000 difference of at least 12) for normal vision and
 *   under simulated protanopia, deuteranopia and tritanopia (Machado et al. 2009, full
 *   severity), which tests/core/marks.test.ts recomputes;
 * - colour is never the only cue: unmet values are bold with a solid vermillion border, met
 *   values have a solid bluish-green border, missing values a dashed dark-yellow border.
 *
 * At an intermediate monitoring date (see monitoring.ts) a fourth mark says *a rischio*: a
 * tint of Okabe-Ito sky blue (#56B4E9) with a dotted blue (#0072B2) border. *In linea* wears
 * the met mark and *non raggiungibile* the unmet one: what they ask of the user is the same.
 */
import type { Lang } from "./messages";
import type { KpiStatus, ValidationReport } from "./types";

/** What a mark says about a KPI's value cell. */
export type MarkKind = "unmet" | "met" | "missing" | "at_risk";

/** The kinds in the order the pane lists them (the most urgent first). */
export const MARK_KINDS: readonly MarkKind[] = ["unmet", "at_risk", "met", "missing"];

export interface MarkStyle {
  /** Cell fill, `#RRGGBB`. */
  readonly fill: string;
  /** Border (and the pane's accent) colour, `#RRGGBB`. */
  readonly border: string;
  /** Border line: Excel's `Continuous`/`Dash`, the xlsx `thin`/`dashed`, CSS `solid`/`dashed`. */
  readonly borderStyle: "solid" | "dashed" | "dotted";
  /** A second cue besides colour: unmet values are bold. */
  readonly bold: boolean;
  /** The Okabe-Ito colour the fill is a tint of. */
  readonly base: string;
  /** What the mark means, as the legends say it. */
  readonly label: Readonly<Record<Lang, string>>;
}

/** The one palette of the marks. */
export const MARK_STYLES: Readonly<Record<MarkKind, MarkStyle>> = {
  unmet: {
    fill: "#EDBB94",
    border: "#D55E00",
    borderStyle: "solid",
    bold: true,
    base: "#D55E00",
    label: { it: "Target non raggiunto (o non raggiungibile)", en: "Target not met (or unreachable)" },
  },
  met: {
    fill: "#A3DCCD",
    border: "#009E73",
    borderStyle: "solid",
    bold: false,
    base: "#009E73",
    label: { it: "Target raggiunto (o in linea)", en: "Target met (or on track)" },
  },
  missing: {
    fill: "#F3E968",
    // Okabe-Ito yellow itself is too light for a line on white (1.3:1); this darker yellow has 4:1.
    border: "#8F7F00",
    borderStyle: "dashed",
    bold: false,
    base: "#F0E442",
    label: { it: "Valore mancante", en: "Missing value" },
  },
  at_risk: {
    fill: "#D6EDFA",
    border: "#0072B2",
    borderStyle: "dotted",
    bold: false,
    base: "#56B4E9",
    label: { it: "A rischio (data intermedia)", en: "At risk (intermediate date)" },
  },
};

/** One cell to mark. */
export interface Mark {
  readonly sheet: string;
  /** A1 address of the value cell, e.g. `H5`. */
  readonly cell: string;
  readonly kind: MarkKind;
}

const KIND_OF_STATUS: Readonly<Partial<Record<KpiStatus, MarkKind>>> = {
  unmet: "unmet",
  met: "met",
  missing: "missing",
  on_track: "met",
  at_risk: "at_risk",
  unreachable: "unmet",
};

/**
 * The mark kind of a KPI status; `null` for the statuses that are not marked (no target
 * for the year, unreadable: those are listed in the pane and the report instead).
 * @example markKindOfStatus("unmet") // "unmet"
 */
export function markKindOfStatus(status: KpiStatus): MarkKind | null {
  return KIND_OF_STATUS[status] ?? null;
}

/**
 * The cells a validation asks to mark: the value cell of every met, unmet and missing KPI,
 * in the report's order. Rows without a value column are skipped.
 * @example marksFor(validateWorkbook(sheets)) // [{ sheet: "A", cell: "J3", kind: "unmet" }, ...]
 */
export function marksFor(report: Pick<ValidationReport, "kpis">): Mark[] {
  const marks: Mark[] = [];
  for (const k of report.kpis) {
    if (k.valueCell === null) continue;
    const kind = markKindOfStatus(k.status);
    if (kind) marks.push({ sheet: k.sheet, cell: k.valueCell, kind });
  }
  return marks;
}
