/**
 * A sheet of figures written row by row, as the `Riepilogo` (./summary.ts) and `Schede
 * unità` (./unit-sheet.ts) sheets are: a title with its notes, dark section bars, header
 * rows, band words on their coloured fill and in-cell bars. One builder, so that the two
 * sheets look alike and their colours come from the vocabulary.
 */
import { roundHalfUp } from "../achievement";
import type { Lang } from "../messages";
import type { Band } from "../types";
import { BAND_COLOURS } from "../vocabulary";
import { cellRef, rangeRef } from "./a1";
import type { CellSpec, FormulaSpec, RangeFormatSpec, SheetSpec } from "./description";

const HEADER_FILL = "DDEBF7";
/** The title's ink and the section bars' fill (the Relazione's accent). */
const SECTION_FILL = "1F3B63";
/** Grey for a band cell without data and for programs. */
export const MUTED = "5B6470";

const BAR_CHAR = "█";
/** One block per this many points: 20 blocks at 100. */
const BAR_STEP = 5;

/**
 * An in-cell bar over the achievement cell beside it: a formula, so that a corrected figure
 * moves the bar, with its result cached for applications that do not recalculate.
 * @example barCell("D12", 80) // { formula: 'IF(D12="","",REPT("█",ROUND(D12/5,0)))', result: "████████████████" }
 */
export function barCell(achievementRef: string, achievement: number | null): FormulaSpec {
  return {
    formula: `IF(${achievementRef}="","",REPT("${BAR_CHAR}",ROUND(${achievementRef}/${BAR_STEP},0)))`,
    result: achievement === null ? "" : BAR_CHAR.repeat(roundHalfUp(achievement / BAR_STEP, 0)),
  };
}

/**
 * `yyyy-mm-dd` as `dd/mm/yyyy` in Italian; as given in English.
 * @example displayDate("2022-03-31", "it") // "31/03/2022"
 */
export function displayDate(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m || lang !== "it") return iso;
  return `${m[3]}/${m[2]}/${m[1]}`;
}

/**
 * Rows and their formats, appended top to bottom.
 * @example
 * const sheet = new FiguresSheet();
 * sheet.title("Riepilogo della performance 2021", "CCIAA di Lecce", ["Calcolato il 31/03/2022 …"]);
 * sheet.spec("Riepilogo", [12, 20]).cells.length // 3 (title, note, blank)
 */
export class FiguresSheet {
  readonly rows: CellSpec[][] = [];
  readonly formats: RangeFormatSpec[] = [];

  /** The 1-based row the next push lands on. */
  next(): number {
    return this.rows.length + 1;
  }

  push(row: CellSpec[]): void {
    this.rows.push(row);
  }

  /**
   * The title in row 1 (bold, in the accent colour) with the body's name after it, when
   * known; then its note lines and a blank row.
   */
  title(text: string, body: string | null | undefined, notes: readonly string[]): void {
    this.rows.push([body ? `${text} – ${body}` : text]);
    this.formats.push({ range: cellRef(1, 1), bold: true, fontColor: SECTION_FILL });
    for (const n of notes) this.rows.push([n]);
    this.rows.push([]);
  }

  /** A dark bar with the section's title, `width` columns wide. */
  section(title: string, width: number): void {
    const r = this.next();
    this.rows.push([title]);
    this.formats.push({ range: rangeRef(r, 1, r, width), bold: true, fill: SECTION_FILL, fontColor: "FFFFFF" });
  }

  /** A header row; returns its row number. */
  header(cells: readonly string[]): number {
    const r = this.next();
    this.rows.push([...cells]);
    this.formats.push({ range: rangeRef(r, 1, r, cells.length), bold: true, fill: HEADER_FILL, wrap: true, vertical: "center" });
    return r;
  }

  /** The band word on its fill and the bar in the band's ink; grey without a band. */
  band(row: number, bandCol: number, barCol: number, band: Band | null): void {
    if (band !== null) {
      const { fill, ink } = BAND_COLOURS[band];
      this.formats.push({ range: cellRef(row, bandCol), fill, fontColor: ink, bold: true, horizontal: "center" });
      this.formats.push({ range: cellRef(row, barCol), fontColor: ink });
    } else {
      this.formats.push({ range: cellRef(row, bandCol), fontColor: MUTED, horizontal: "center" });
    }
  }

  /** The sheet, with its columns' widths. */
  spec(name: string, widths: readonly number[]): SheetSpec {
    return { name, cells: this.rows, columns: widths.map((width) => ({ width })), frozenRows: 0, tables: [], formats: this.formats, validations: [] };
  }
}
