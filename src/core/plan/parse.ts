import { problem, type Problem } from "../problem";
import type { ParsedPlan, PlanKpi } from "../types";
import { matchHeading, splitCells, type HeadingMatch } from "./headings";
import { parseKpiCells, type RowContext } from "./kpi-row";
import { NearMisses } from "./near-misses";
import { PlanOutline, type NodeDraft } from "./outline";
import { isMarkdownRule, isYearRow, readTableHeader, splitRow, type HeaderReading } from "./table";
import { closedTableProblems, withYearRow, type TableState } from "./table-state";
import { foldText, shorten, splitLines, stripDecoration } from "./text";
import { parseUnitLine } from "./units";
import { ownerWeightProblems } from "./weight-sums";
import { planYears, titleYears } from "./years";

export { planDropped } from "./dropped";

/**
 * The plan parser: plan text in, tree + KPI rows + problems out. Pure (no I/O).
 *
 * The tree, every node's parent, is built by the headings (outline.ts).
 *
 * Sections: units under "Unità organizzative coinvolte" belong to the node above; a KPI
 * table belongs to the nearest node above it, whatever the heading levels; a table split
 * by a repeated header stays with the same node. A table after a line that looks like a
 * heading but could not be read is reported, never given to the node above. Tables may
 * be tab separated, Markdown or CSV (table.ts). Every line that cannot be used is
 * reported in `problems` with its 1-based line number; when no node is found, `PLAN_EMPTY`
 * lists the lines that almost matched and why they were not taken.
 *
 * @example
 * const plan = parsePlan("## Area strategica: A Imprese\n### Obiettivo strategico: A.1 Crescita\n" +
 *   "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget\nSoggetti\tNumero soggetti\t100\t---\t>= 10");
 * plan.nodes.map((n) => n.code); // ["A", "A.1"]
 * plan.kpis[0].owner;            // "A.1"
 */
export function parsePlan(text: string, options: PlanOptions = {}): ParsedPlan {
  return new PlanParser().run(text, options.lineNumbers);
}

export interface PlanOptions {
  /**
   * The line number to show for each text line (`lineNumbers[i]` for line `i + 1`), when the
   * text was made from another source (a .docx: its paragraphs and table rows).
   */
  readonly lineNumbers?: readonly number[];
}

type Mode = "text" | "units" | "table";

/** Marks the stretch after a heading that could not be read: nothing may attach to it. */
const INVALID = Symbol("invalid node");


class PlanParser {
  private readonly kpis: PlanKpi[] = [];
  private readonly problems: Problem[] = [];
  private readonly outline = new PlanOutline(this.problems);
  /** Lines before the first heading: where the plan's title (and its years) would be. */
  private readonly preamble: string[] = [];
  private current: NodeDraft | typeof INVALID | null = null;
  private blockedBy: { line: number; text: string } | null = null;
  /** A `#` title without a plan label since the last node: a table after it is given to the node, with a warning. */
  private otherHeading: { line: number; text: string } | null = null;
  /** Lines that almost were a heading or a table, for PLAN_EMPTY and PLAN_HEADING_NO_TITLE. */
  private readonly nearMisses = new NearMisses();
  private mode: Mode = "text";
  private table: TableState | null = null;
  /** Header lines of the KPI tables found (recognised headers, repeated ones excluded). */
  private readonly tableLines: number[] = [];

  run(text: string, lineNumbers?: readonly number[]): ParsedPlan {
    const lines = splitLines(text);
    lines.forEach((line, i) => this.line(line, lineNumbers?.[i] ?? i + 1));
    this.closeTable();
    this.outline.checkParents();
    this.problems.push(...ownerWeightProblems(this.kpis));
    this.nearMisses.report(this.outline.nodes.length, this.tableLines, this.problems);
    this.outline.reportCodes();
    const years = planYears(
      this.kpis.map((k) => k.targets),
      this.preamble,
    );
    if (years.length === 0 && this.kpis.length > 0) {
      this.problems.push(problem("warning", "PLAN_NO_YEARS", {}, { line: 1 }));
    }
    const nodes = this.outline.planNodes();
    const problems = [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { nodes, kpis: [...this.kpis], problems, years };
  }

  private line(raw: string, lineNo: number): void {
    if (raw.trim() === "") {
      if (this.table) this.table.adjacent = false;
      return;
    }
    const heading = matchHeading(raw);
    if (heading && heading.type === "near") {
      this.nearMisses.heading(heading, lineNo);
      if (heading.blocks) {
        this.closeTable();
        this.mode = "text";
        this.current = INVALID;
        this.blockedBy = { line: lineNo, text: shorten(heading.text) };
        return;
      }
    } else if (heading) {
      this.closeTable();
      this.heading(heading, lineNo);
      return;
    }
    const header = readTableHeader(raw);
    if (header) {
      this.openTable(header, lineNo);
      return;
    }
    if (this.mode !== "units" && /^\s*#/.test(raw) && !heading) this.noteOtherHeading(raw, lineNo);
    if (this.current === null && this.outline.nodes.length === 0) this.preamble.push(raw);
    switch (this.mode) {
      case "table":
        return this.tableLine(raw, lineNo);
      case "units":
        return this.unitLine(raw, lineNo);
      default:
        return this.textLine(raw, lineNo);
    }
  }

  /**
   * A Markdown or Word heading without a plan label (`## Digitalizzazione`), unless it only
   * introduces the table (`### Indicatori`, `Tabella 3`, `Target e risultati attesi`).
   */
  private noteOtherHeading(raw: string, lineNo: number): void {
    const text = stripDecoration(raw);
    const folded = foldText(text);
    if (folded === "" || /^(?:indicator|kpi|target|tabell|risultat|misurazion|valori|pesi\b|peso\b)/.test(folded)) return;
    // Listed only if no node is ever found (a document whose headings carry no label).
    this.nearMisses.unlabelled(text, lineNo);
    if (this.current === null || this.current === INVALID) return;
    this.otherHeading = { line: lineNo, text: shorten(text) };
  }

  private heading(h: Exclude<HeadingMatch, { type: "near" }>, lineNo: number): void {
    if (h.type === "units") {
      this.mode = "units";
      return;
    }
    this.mode = "text";
    if (h.type === "kpis") return;
    this.blockedBy = null;
    this.otherHeading = null;
    this.current = this.outline.add(h, lineNo);
  }

  private openTable(header: HeaderReading, lineNo: number): void {
    const owner = this.current && this.current !== INVALID ? this.current.code : null;
    const width = header.type === "table" ? header.columns.names.length : 0;
    // A repeated header under the same node continues the table (split tables).
    const t = this.table;
    if (t && t.owner === owner && owner !== null && t.sep === header.sep && t.ctx && t.ctx.width === width) {
      t.adjacent = true;
      this.mode = "table";
      return;
    }
    this.closeTable();
    if (owner !== null && this.otherHeading) {
      this.problems.push(
        problem("warning", "PLAN_TABLE_UNDER_OTHER_HEADING", {
          text: this.otherHeading.text,
          heading: this.otherHeading.line,
          owner,
        }, { line: lineNo }),
      );
      this.otherHeading = null;
    }
    let ctx: RowContext | null = null;
    if (header.type === "table") {
      this.tableLines.push(lineNo);
      const firstYear = titleYears(this.preamble)[0] ?? null;
      ctx = { columns: header.columns, width, firstYear };
      const ordinal = header.columns.targets.find((c) => c.ordinal !== null && c.year === null);
      if (ordinal && firstYear === null) {
        this.problems.push(problem("warning", "PLAN_ORDINAL_NO_YEAR", { column: ordinal.header }, { line: lineNo }));
      }
    } else {
      this.nearMisses.table(lineNo, header.found, header.missing);
    }
    this.table = {
      owner,
      headerLine: lineNo,
      sep: header.sep,
      ctx,
      near: header.type === "near" ? { found: header.found, missing: header.missing } : null,
      blockedBy: owner === null && this.current === INVALID ? this.blockedBy : null,
      rows: 0,
      adjacent: true,
      awaitingYears: true,
      blankWeights: [],
      filledWeights: 0,
    };
    this.mode = "table";
  }

  private closeTable(): void {
    const t = this.table;
    this.table = null;
    if (this.mode === "table") this.mode = "text";
    if (t) this.problems.push(...closedTableProblems(t));
  }

  private tableLine(raw: string, lineNo: number): void {
    const t = this.table as TableState;
    let cells: string[];
    if (t.sep === "\t") {
      // After a blank line, prose (no tab) ends the table; right after a row it is a broken row.
      if (!raw.includes("\t") && !t.adjacent) {
        this.closeTable();
        this.textLine(raw, lineNo);
        return;
      }
      cells = splitCells(raw);
    } else {
      // Markdown and CSV tables end at a blank line or at a line that is not a row of theirs.
      const split = splitRow(raw, t.sep);
      if (!t.adjacent || split === null) {
        this.closeTable();
        this.textLine(raw, lineNo);
        return;
      }
      if (t.sep === "|" && isMarkdownRule(raw)) return;
      cells = split;
    }
    t.adjacent = true;
    if (t.awaitingYears) {
      t.awaitingYears = false;
      if (t.ctx && isYearRow(cells)) {
        t.ctx = withYearRow(t.ctx, cells);
        return;
      }
    }
    t.rows += 1;
    if (t.owner === null || t.ctx === null) return;
    const { kpi, problems, blankWeight } = parseKpiCells(cells, t.ctx, lineNo, t.owner);
    if (kpi) {
      this.kpis.push(kpi);
      if (blankWeight) t.blankWeights.push({ line: lineNo, indicator: shorten(kpi.indicator) });
      else if (kpi.weight !== null) t.filledWeights += 1;
    }
    this.problems.push(...problems);
  }

  private unitLine(raw: string, lineNo: number): void {
    const unit = parseUnitLine(raw);
    if (unit.type === "separator") return;
    if (this.current === null || this.current === INVALID) {
      if (unit.type === "unit" && this.current === null) {
        this.problems.push(problem("warning", "PLAN_UNITS_NO_NODE", {}, { line: lineNo }));
      }
      return;
    }
    if (unit.type === "unknown") {
      this.problems.push(problem("warning", "PLAN_UNIT_UNRECOGNISED", { text: unit.text }, { line: lineNo }));
      return;
    }
    if (!this.current.units.includes(unit.code)) this.current.units.push(unit.code);
  }

  private textLine(raw: string, lineNo: number): void {
    // Five or more tab-separated cells (or a Markdown row) look like a KPI row whose header got lost.
    if (raw.split("\t").length >= 5 || (raw.trim().startsWith("|") && (splitRow(raw, "|") ?? []).length >= 3 && !isMarkdownRule(raw))) {
      this.problems.push(problem("warning", "PLAN_ROW_OUTSIDE_TABLE", {}, { line: lineNo }));
    }
  }
}
