import { formatMessage, type Lang, type MessageCode } from "../messages";
import type { NodeKind, ParsedPlan, PlanKpi, PlanNode, Problem } from "../types";
import { checkWeights, weightsSumMessage } from "../weights";
import { LETTER_CODE, matchHeading, splitCells, type HeadingMatch } from "./headings";
import { parseKpiCells, problem, type RowContext } from "./kpi-row";
import { generatedCode } from "./program";
import { isMarkdownRule, isYearRow, readTableHeader, splitRow, type HeaderReading, type Separator, type TargetColumn } from "./table";
import { foldText, shorten, splitLines, stripDecoration } from "./text";
import { parseUnitLine } from "./units";
import { planYears, titleYears } from "./years";

/**
 * The plan parser: plan text in, tree + KPI rows + problems out. Pure (no I/O).
 *
 * The tree (every node's `parent`):
 * - Area strategica `A`: parent `null`.
 * - Obiettivo strategico `A.1`: the area of its code (`A`).
 * - Programma: no code in the plan; it gets `<strategic>/P<n>` (`A.1/P1`, the n-th program
 *   under that strategic objective) and the strategic objective above it as parent.
 * - Obiettivo operativo `A.1.1`: the strategic objective of its code (`A.1`), not the
 *   program: codes are the plan's own hierarchy and the roll-up of a strategic objective
 *   ("media ponderata degli obiettivi operativi") runs over its operational objectives.
 * - Azione `A.1.3.1`: the operational objective of its code (`A.1.3`).
 *
 * Other labels (PIAO and other bodies' plans, see headings.ts) and codes of any shape:
 * a node whose code is not of the `A.1.2` shape hangs under the node of its code's prefix
 * when there is one (`1.2` under `1`), else under the nearest node above it of a higher
 * rank (the outline). A heading without a code gets a generated one (`OVP1/OS2`), and
 * one warning lists them.
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
  const lang = options.lang ?? "it";
  return new PlanParser(lang).run(text, options.lineNumbers);
}

export interface PlanOptions {
  readonly lang?: Lang;
  /**
   * The line number to show for each text line (`lineNumbers[i]` for line `i + 1`), when the
   * text was made from another source (a .docx: its paragraphs and table rows).
   */
  readonly lineNumbers?: readonly number[];
}

/** Problems that mean a table or a row of the plan was not read (`kpi import` exits 1 on them). */
const DROPPING: ReadonlySet<string> = new Set([
  "PLAN_EMPTY",
  "PLAN_TABLE_NO_OWNER",
  "PLAN_TABLE_AFTER_BAD_HEADING",
  "PLAN_TABLE_HEADER",
  "PLAN_ROW_CELLS",
  "PLAN_ROW_OUTSIDE_TABLE",
]);

/**
 * True when the parser left out a table or a row of the plan (a table without a valid
 * heading or with an unknown header, a row with the wrong number of cells, a row outside
 * any table): the import is incomplete even if the rest reads.
 * @example planDropped(parsePlan("Obiettivo operativo 1.1\nIndicatore\tTarget\nK\t>= 1")) // true
 */
export function planDropped(plan: ParsedPlan): boolean {
  return plan.problems.some((p) => DROPPING.has(p.code));
}

interface NodeDraft {
  code: string;
  kind: NodeKind;
  title: string;
  parent: string | null;
  units: string[];
  line: number;
  /** Outline rank of its label (headings.ts). */
  rank: number;
  /**
   * A program without a code (`Programma: Titolo`): the objectives after it belong to the
   * strategic objective above it (its codes say so in the Lecce plan), not to the program.
   */
  transparent: boolean;
}

interface TableState {
  /** `null`: no valid node above; its rows are counted and reported, not kept. */
  readonly owner: string | null;
  readonly headerLine: number;
  readonly sep: Separator;
  /** `null` when the header was not recognised: rows are counted and reported. */
  ctx: RowContext | null;
  readonly near: { readonly found: readonly string[]; readonly missing: readonly string[] } | null;
  /** The heading not understood that made this table ownerless. */
  readonly blockedBy: { readonly line: number; readonly text: string } | null;
  rows: number;
  /** True right after the header or a row: a line here is a row even without tabs. */
  adjacent: boolean;
  /** True until the first line after the header: it may be the years row of a two-row header. */
  awaitingYears: boolean;
  readonly blankWeights: { line: number; indicator: string }[];
  filledWeights: number;
}

type Mode = "text" | "units" | "table";

/** Marks the stretch after a heading that could not be read: nothing may attach to it. */
const INVALID = Symbol("invalid node");

/** Near misses listed in PLAN_EMPTY: enough to find the pattern, not the whole document. */
const NEAR_LISTED = 5;

class PlanParser {
  private readonly nodes: NodeDraft[] = [];
  private readonly byCode = new Map<string, NodeDraft>();
  private readonly kpis: PlanKpi[] = [];
  private readonly problems: Problem[] = [];
  /** Lines before the first heading: where the plan's title (and its years) would be. */
  private readonly preamble: string[] = [];
  private current: NodeDraft | typeof INVALID | null = null;
  private blockedBy: { line: number; text: string } | null = null;
  /** A `#` title without a plan label since the last node: a table after it is given to the node, with a warning. */
  private otherHeading: { line: number; text: string } | null = null;
  /** The last node of each rank still open: the outline a node without a code hangs in. */
  private outline: NodeDraft[] = [];
  private readonly generatedPerParent = new Map<string, number>();
  private readonly generated: NodeDraft[] = [];
  private readonly renamed: string[] = [];
  private renamedLine: number | null = null;
  /** Lines that almost were a heading or a table, for PLAN_EMPTY and PLAN_HEADING_NO_TITLE. */
  private readonly nearMisses: { line: number; text: string; heading?: { text: string; label: string }; headingNoTitle: boolean }[] = [];
  private mode: Mode = "text";
  private table: TableState | null = null;
  /** Header lines of the KPI tables found (recognised headers, repeated ones excluded). */
  private readonly tableLines: number[] = [];

  constructor(private readonly lang: Lang) {}

  run(text: string, lineNumbers?: readonly number[]): ParsedPlan {
    const lines = splitLines(text);
    lines.forEach((line, i) => this.line(line, lineNumbers?.[i] ?? i + 1));
    this.closeTable();
    this.checkParents();
    this.checkWeightSums();
    this.reportNearMisses();
    this.reportGenerated();
    const years = planYears(
      this.kpis.map((k) => k.targets),
      this.preamble,
    );
    if (years.length === 0 && this.kpis.length > 0) {
      this.problems.push(problem("warning", "PLAN_NO_YEARS", this.lang, 1));
    }
    const nodes: PlanNode[] = this.nodes.map((n) => ({
      code: n.code,
      kind: n.kind,
      title: n.title,
      parent: n.parent,
      units: [...n.units],
      line: n.line,
    }));
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
      this.near(heading, lineNo);
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
    if (this.current === null && this.nodes.length === 0) this.preamble.push(raw);
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
    this.nearMisses.push({
      line: lineNo,
      text: formatMessage("PLAN_NEAR_UNLABELLED", this.lang, { line: lineNo, text: shorten(text, 40) }),
      headingNoTitle: false,
    });
    if (this.current === null || this.current === INVALID) return;
    this.otherHeading = { line: lineNo, text: shorten(text) };
  }

  private near(h: Extract<HeadingMatch, { type: "near" }>, lineNo: number): void {
    const code: MessageCode = h.reason === "no-title" ? "PLAN_NEAR_NO_TITLE" : "PLAN_NEAR_PROSE";
    this.nearMisses.push({
      line: lineNo,
      text: formatMessage(code, this.lang, { line: lineNo, text: shorten(h.text), label: h.label }),
      heading: { text: shorten(h.text), label: h.label },
      headingNoTitle: h.reason === "no-title",
    });
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
    if (h.mismatch && h.code !== null) {
      this.problems.push(
        problem("warning", "PLAN_CODE_KIND", this.lang, lineNo, { code: h.code, label: h.label, example: h.mismatch.example }),
      );
    }
    // Lecce-shaped codes carry the hierarchy: `A.1.3` hangs under `A.1` whatever comes between.
    const lecce = h.code !== null && h.depth !== null && LETTER_CODE.test(h.code);
    let parent: string | null;
    if (lecce) {
      parent = h.kind === "area" ? null : (h.code as string).split(".").slice(0, -1).join(".") || null;
    } else {
      parent = this.prefixParent(h.code, h.rank) ?? this.outlineParent(h.rank)?.code ?? null;
    }
    let code = h.code;
    if (code === null) {
      code = this.generate(parent, h.abbr);
      if (h.rejectedCode !== undefined) {
        this.problems.push(
          problem("warning", "PLAN_CODE_REJECTED", this.lang, lineNo, { code: shorten(h.rejectedCode, 30), label: h.label, generated: code }),
        );
      }
    } else {
      const existing = this.byCode.get(code);
      if (existing && !lecce && !(existing.rank === h.rank && existing.parent === parent)) {
        // Numbering that restarts under each node (`Obiettivo operativo 1` under two programs,
        // or under `Obiettivo strategico 1`): the code is made unique with the node above.
        const renamed = parent === null ? `${h.abbr}${code}` : `${parent}/${code}`;
        this.renamed.push(`${code} → ${renamed}`);
        this.renamedLine ??= lineNo;
        code = renamed;
      }
      const dup = this.byCode.get(code);
      if (dup) {
        this.problems.push(problem("error", "PLAN_DUPLICATE_NODE", this.lang, lineNo, { code, first: dup.line }));
        this.current = dup;
        return;
      }
    }
    if (h.kind === "program" && h.code === null && h.abbr === "P") {
      const above = parent === null ? undefined : this.byCode.get(parent);
      if (above?.kind !== "strategic") {
        this.problems.push(problem("warning", "PLAN_PROGRAM_NO_PARENT", this.lang, lineNo, { title: h.title }));
      }
    }
    const transparent = h.kind === "program" && h.code === null && h.abbr === "P";
    const node: NodeDraft = { code, kind: h.kind, title: h.title, parent, units: [], line: lineNo, rank: h.rank, transparent };
    this.nodes.push(node);
    this.byCode.set(code, node);
    if (h.code === null && h.abbr !== "P") this.generated.push(node);
    this.outline = [...this.outline.filter((n) => n.rank < h.rank), node];
    this.current = node;
  }

  /** `1.2` under `1` when `1` is a node of a higher rank. */
  private prefixParent(code: string | null, rank: number): string | null {
    if (code === null) return null;
    const parts = code.split(".");
    for (let n = parts.length - 1; n > 0; n--) {
      const p = this.byCode.get(parts.slice(0, n).join("."));
      if (p && p.rank < rank) return p.code;
    }
    return null;
  }

  private outlineParent(rank: number): NodeDraft | null {
    for (let i = this.outline.length - 1; i >= 0; i--) {
      const n = this.outline[i];
      if (n.rank < rank && !(n.transparent && rank > n.rank)) return n;
    }
    return null;
  }

  /** The next free generated code for a label's letters under a parent. */
  private generate(parent: string | null, abbr: string): string {
    const key = `${parent ?? ""}|${abbr}`;
    let n = this.generatedPerParent.get(key) ?? 0;
    let code: string;
    do {
      n += 1;
      code = generatedCode(parent, abbr, n);
    } while (this.byCode.has(code));
    this.generatedPerParent.set(key, n);
    return code;
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
        problem("warning", "PLAN_TABLE_UNDER_OTHER_HEADING", this.lang, lineNo, {
          text: this.otherHeading.text,
          heading: this.otherHeading.line,
          owner,
        }),
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
        this.problems.push(problem("warning", "PLAN_ORDINAL_NO_YEAR", this.lang, lineNo, { column: ordinal.header }));
      }
    } else {
      this.nearMisses.push({
        line: lineNo,
        text: formatMessage("PLAN_NEAR_TABLE", this.lang, {
          line: lineNo,
          found: header.found.join(", "),
          missing: header.missing.join(", "),
        }),
        headingNoTitle: false,
      });
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
    if (!t) return;
    const line = t.headerLine;
    if (t.ctx === null && t.near) {
      this.problems.push(
        problem("error", "PLAN_TABLE_HEADER", this.lang, line, {
          found: t.near.found.join(", "),
          missing: t.near.missing.join(", "),
          rows: t.rows,
        }),
      );
      return;
    }
    if (t.owner === null) {
      if (t.blockedBy) {
        this.problems.push(
          problem("error", "PLAN_TABLE_AFTER_BAD_HEADING", this.lang, line, { heading: t.blockedBy.line, text: t.blockedBy.text, rows: t.rows }),
        );
      } else {
        this.problems.push(problem("error", "PLAN_TABLE_NO_OWNER", this.lang, line, { rows: t.rows }));
      }
      return;
    }
    if (t.ctx === null || t.rows === 0) return;
    const owner = t.owner;
    if (t.ctx.columns.weight === null || (t.filledWeights === 0 && t.blankWeights.length > 0)) {
      this.problems.push(problem("warning", "PLAN_TABLE_NO_WEIGHTS", this.lang, line, { owner }));
    } else {
      for (const b of t.blankWeights) {
        this.problems.push(problem("error", "PLAN_BLANK_WEIGHT", this.lang, b.line, { indicator: b.indicator }));
      }
    }
    if (t.ctx.columns.targets.length === 0) {
      this.problems.push(problem("warning", "PLAN_TABLE_NO_TARGETS", this.lang, line, { owner }));
    }
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
    const { kpi, problems, blankWeight } = parseKpiCells(cells, t.ctx, lineNo, t.owner, this.lang);
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
        this.problems.push(problem("warning", "PLAN_UNITS_NO_NODE", this.lang, lineNo));
      }
      return;
    }
    if (unit.type === "unknown") {
      this.problems.push(problem("warning", "PLAN_UNIT_UNRECOGNISED", this.lang, lineNo, { text: unit.text }));
      return;
    }
    if (!this.current.units.includes(unit.code)) this.current.units.push(unit.code);
  }

  private textLine(raw: string, lineNo: number): void {
    // Five or more tab-separated cells (or a Markdown row) look like a KPI row whose header got lost.
    if (raw.split("\t").length >= 5 || (raw.trim().startsWith("|") && (splitRow(raw, "|") ?? []).length >= 3 && !isMarkdownRule(raw))) {
      this.problems.push(problem("warning", "PLAN_ROW_OUTSIDE_TABLE", this.lang, lineNo));
    }
  }

  private checkParents(): void {
    for (const n of this.nodes) {
      if (n.kind === "program" || n.parent === null || this.byCode.has(n.parent)) continue;
      this.problems.push(problem("warning", "PLAN_PARENT_MISSING", this.lang, n.line, { code: n.code, parent: n.parent }));
    }
  }

  /** Weights of one owner must add up to 100 (or 1); a readable warning at its first row. */
  private checkWeightSums(): void {
    const byOwner = new Map<string, PlanKpi[]>();
    for (const k of this.kpis) byOwner.set(k.owner, [...(byOwner.get(k.owner) ?? []), k]);
    for (const [owner, rows] of byOwner) {
      if (rows.some((k) => k.weight === null)) continue; // already reported row by row, or no weights
      const check = checkWeights(rows.map((k) => k.weight));
      if (check.ok) continue;
      const detail = weightsSumMessage(round(check.sum), check.expected, round(check.difference), this.lang);
      this.problems.push(problem("warning", "PLAN_WEIGHTS_SUM", this.lang, rows[0].line, { owner, detail }));
    }
  }

  /** No node: PLAN_EMPTY says which lines almost matched. Else headings without a title are reported one by one. */
  private reportNearMisses(): void {
    if (this.nodes.length === 0) {
      const listed = this.nearMisses.slice(0, NEAR_LISTED).map((n) => n.text);
      const tables = this.tableLines.slice(0, NEAR_LISTED).join(", ") + (this.tableLines.length > NEAR_LISTED ? ", …" : "");
      const detail =
        (listed.length > 0
          ? formatMessage("PLAN_EMPTY_NEAR", this.lang, { list: listed.join("; ") })
          : this.tableLines.length > 0
            ? ""
            : formatMessage("PLAN_EMPTY_NOTHING", this.lang)) +
        (this.tableLines.length > 0 ? formatMessage("PLAN_EMPTY_TABLES", this.lang, { lines: tables }) : "");
      this.problems.push(problem("error", "PLAN_EMPTY", this.lang, 1, { detail }));
      return;
    }
    for (const n of this.nearMisses) {
      if (!n.headingNoTitle || !n.heading) continue;
      this.problems.push(problem("warning", "PLAN_HEADING_NO_TITLE", this.lang, n.line, { ...n.heading }));
    }
  }

  private reportGenerated(): void {
    if (this.renamed.length > 0) {
      const examples = [...this.renamed.slice(0, 3), ...(this.renamed.length > 3 ? ["…"] : [])].join(", ");
      this.problems.push(
        problem("warning", "PLAN_CODE_RENAMED", this.lang, this.renamedLine ?? 1, { count: this.renamed.length, examples }),
      );
    }
    if (this.generated.length === 0) return;
    const examples = this.generated.slice(0, 3).map((n) => `${n.code} «${shorten(n.title, 30)}»`);
    if (this.generated.length > 3) examples.push("…");
    this.problems.push(
      problem("warning", "PLAN_CODES_GENERATED", this.lang, this.generated[0].line, {
        count: this.generated.length,
        examples: examples.join(", "),
      }),
    );
  }
}

/**
 * The years row of a two-row header (`Target` merged over `2026 | 2027 | 2028`): each year
 * cell becomes a target column of the header cell above it or, under a merged (blank) cell,
 * of the nearest header cell to its left.
 */
function withYearRow(ctx: RowContext, cells: readonly string[]): RowContext {
  const names = ctx.columns.names;
  const targets: TargetColumn[] = [];
  cells.forEach((cell, col) => {
    const m = /((?:19|20)\d{2})/.exec(cell);
    if (!m) return;
    let base = col;
    while (base > 0 && (names[base] ?? "") === "") base--;
    const above = ctx.columns.targets.find((t) => t.col === base && t.year === null);
    if (above) targets.push({ ...above, col, year: Number(m[1]), ordinal: null, header: `${above.header} ${m[1]}` });
  });
  if (targets.length === 0) return ctx;
  let width = cells.length;
  while (width > ctx.width && cells[width - 1] === "") width--;
  const kept = ctx.columns.targets.filter((t) => t.year !== null && !targets.some((x) => x.col === t.col));
  return {
    ...ctx,
    width: Math.max(ctx.width, width),
    columns: {
      ...ctx.columns,
      targets: [...kept, ...targets],
      names: Array.from({ length: Math.max(ctx.width, width) }, (_, i) => names[i] ?? ""),
    },
  };
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
