import type { Lang } from "../messages";
import type { NodeKind, ParsedPlan, PlanKpi, PlanNode, Problem } from "../types";
import { checkWeights, weightsSumMessage } from "../weights";
import { isKpiHeader, matchHeading, type HeadingMatch } from "./headings";
import { parseKpiRow, problem } from "./kpi-row";
import { programCode } from "./program";
import { splitLines } from "./text";
import { parseUnitLine } from "./units";
import { planYears } from "./years";

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
 * Sections: units under "Unità organizzative coinvolte" belong to the node above; a KPI
 * table belongs to the nearest node above it, whatever the heading levels; a table split
 * by a repeated header stays with the same node. Every line that cannot be used is
 * reported in `problems` with its 1-based line number.
 *
 * @example
 * const plan = parsePlan("## Area strategica: A Imprese\n### Obiettivo strategico: A.1 Crescita\n" +
 *   "Indicatori testo\tAlgoritmo\tPeso\tStato\tTarget\nSoggetti\tNumero soggetti\t100\t---\t>= 10");
 * plan.nodes.map((n) => n.code); // ["A", "A.1"]
 * plan.kpis[0].owner;            // "A.1"
 */
export function parsePlan(text: string, options: { lang?: Lang } = {}): ParsedPlan {
  const lang = options.lang ?? "it";
  return new PlanParser(lang).run(text);
}

interface NodeDraft {
  code: string;
  kind: NodeKind;
  title: string;
  parent: string | null;
  units: string[];
  line: number;
}

interface TableState {
  /** `null`: no valid node above; its rows are counted and reported, not kept. */
  readonly owner: string | null;
  readonly headerLine: number;
  rows: number;
  /** True right after the header or a row: a line here is a row even without tabs. */
  adjacent: boolean;
}

type Mode = "text" | "units" | "table";

/** Marks the stretch after a heading that could not be read: nothing may attach to it. */
const INVALID = Symbol("invalid node");

class PlanParser {
  private readonly nodes: NodeDraft[] = [];
  private readonly byCode = new Map<string, NodeDraft>();
  private readonly kpis: PlanKpi[] = [];
  private readonly problems: Problem[] = [];
  /** Lines before the first heading: where the plan's title (and its years) would be. */
  private readonly preamble: string[] = [];
  private current: NodeDraft | typeof INVALID | null = null;
  private lastStrategic: NodeDraft | null = null;
  private lastArea: NodeDraft | null = null;
  private readonly programsPerParent = new Map<string, number>();
  private mode: Mode = "text";
  private table: TableState | null = null;

  constructor(private readonly lang: Lang) {}

  run(text: string): ParsedPlan {
    const lines = splitLines(text);
    lines.forEach((line, i) => this.line(line, i + 1));
    this.closeTable();
    this.checkParents();
    this.checkWeightSums();
    if (this.nodes.length === 0) this.problems.push(problem("error", "PLAN_EMPTY", this.lang, 1));
    const years = planYears(
      this.kpis.map((k) => k.targets),
      this.preamble,
    );
    if (years.length === 0 && this.kpis.length > 0) {
      this.problems.push(problem("warning", "PLAN_NO_YEARS", this.lang, 1));
    }
    const nodes: PlanNode[] = this.nodes.map((n) => ({ ...n, units: [...n.units] }));
    const problems = [...this.problems].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    return { nodes, kpis: [...this.kpis], problems, years };
  }

  private line(raw: string, lineNo: number): void {
    if (raw.trim() === "") {
      if (this.table) this.table.adjacent = false;
      return;
    }
    const heading = matchHeading(raw);
    if (heading) {
      this.closeTable();
      this.heading(heading, lineNo);
      return;
    }
    if (isKpiHeader(raw)) {
      this.openTable(lineNo);
      return;
    }
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

  private heading(h: HeadingMatch, lineNo: number): void {
    if (h.type === "units") {
      this.mode = "units";
      return;
    }
    this.mode = "text";
    if (h.type === "kpis") return;
    if (h.type === "bad-node") {
      this.problems.push(
        problem("error", "PLAN_NODE_NO_CODE", this.lang, lineNo, { label: h.label, example: h.example }),
      );
      this.current = INVALID;
      return;
    }
    if (h.kind === "program") {
      this.current = this.addProgram(h.title, lineNo);
      return;
    }
    const code = h.code as string;
    if (h.mismatch) {
      this.problems.push(
        problem("warning", "PLAN_CODE_KIND", this.lang, lineNo, { code, label: h.label, example: h.mismatch.example }),
      );
    }
    const existing = this.byCode.get(code);
    if (existing) {
      this.problems.push(problem("error", "PLAN_DUPLICATE_NODE", this.lang, lineNo, { code, first: existing.line }));
      this.current = existing;
      return;
    }
    const parent = h.kind === "area" ? null : code.split(".").slice(0, -1).join(".") || null;
    const node = this.addNode({ code, kind: h.kind, title: h.title, parent, units: [], line: lineNo });
    if (h.kind === "area") {
      this.lastArea = node;
      this.lastStrategic = null;
    }
    if (h.kind === "strategic") this.lastStrategic = node;
    this.current = node;
  }

  private addProgram(title: string, lineNo: number): NodeDraft {
    const parent = this.lastStrategic ?? this.lastArea;
    if (!this.lastStrategic) {
      this.problems.push(problem("warning", "PLAN_PROGRAM_NO_PARENT", this.lang, lineNo, { title }));
    }
    const key = parent?.code ?? "";
    const n = (this.programsPerParent.get(key) ?? 0) + 1;
    this.programsPerParent.set(key, n);
    return this.addNode({
      code: programCode(parent?.code ?? null, n),
      kind: "program",
      title,
      parent: parent?.code ?? null,
      units: [],
      line: lineNo,
    });
  }

  private addNode(node: NodeDraft): NodeDraft {
    this.nodes.push(node);
    this.byCode.set(node.code, node);
    return node;
  }

  private openTable(lineNo: number): void {
    const owner = this.current && this.current !== INVALID ? this.current.code : null;
    // A repeated header under the same node continues the table (split tables).
    if (this.table && this.table.owner === owner && owner !== null) {
      this.table.adjacent = true;
    } else {
      this.closeTable();
      this.table = { owner, headerLine: lineNo, rows: 0, adjacent: true };
    }
    this.mode = "table";
  }

  private closeTable(): void {
    const t = this.table;
    if (t && t.owner === null) {
      this.problems.push(problem("error", "PLAN_TABLE_NO_OWNER", this.lang, t.headerLine, { rows: t.rows }));
    }
    this.table = null;
    if (this.mode === "table") this.mode = "text";
  }

  private tableLine(raw: string, lineNo: number): void {
    const t = this.table as TableState;
    // After a blank line, prose (no tab) ends the table; right after a row it is a broken row.
    if (!raw.includes("\t") && !t.adjacent) {
      this.closeTable();
      this.textLine(raw, lineNo);
      return;
    }
    t.adjacent = true;
    t.rows += 1;
    if (t.owner === null) return;
    const { kpi, problems } = parseKpiRow(raw, lineNo, t.owner, this.lang);
    if (kpi) this.kpis.push(kpi);
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
    // Five or more tab-separated cells look like a KPI row whose header got lost.
    if (raw.split("\t").length >= 5) {
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
      if (rows.some((k) => k.weight === null)) continue; // already reported row by row
      const check = checkWeights(rows.map((k) => k.weight));
      if (check.ok) continue;
      const detail = weightsSumMessage(round(check.sum), check.expected, round(check.difference), this.lang);
      this.problems.push(problem("warning", "PLAN_WEIGHTS_SUM", this.lang, rows[0].line, { owner, detail }));
    }
  }
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
