/**
 * The plan's tree as its headings build it: each heading becomes a node whose parent comes
 * from its code or from the outline above it; headings without a code get generated codes.
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
 */
import { problem, type Problem } from "../problem";
import type { NodeKind, PlanNode } from "../types";
import { LETTER_CODE, type HeadingMatch } from "./headings";
import { generatedCode } from "./program";
import { shorten } from "./text";

/** A node while the plan is read: its units are still being listed. */
export interface NodeDraft {
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

/** A heading that names a node (not a near miss, not a units or KPI section title). */
export type NodeHeading = Extract<HeadingMatch, { type: "node" }>;

/** The nodes read so far, by code and in the open outline, with the codes generated or renamed. */
export class PlanOutline {
  readonly nodes: NodeDraft[] = [];
  private readonly byCode = new Map<string, NodeDraft>();
  /** The last node of each rank still open: the outline a node without a code hangs in. */
  private outline: NodeDraft[] = [];
  private readonly generatedPerParent = new Map<string, number>();
  private readonly generated: NodeDraft[] = [];
  private readonly renamed: string[] = [];
  private renamedLine: number | null = null;

  constructor(private readonly problems: Problem[]) {}

  /**
   * The node a heading names: a new one, or the first one of a code that appears again
   * (reported; the two parts are merged).
   * @example outline.add(matchHeading("Area strategica: A Imprese") as NodeHeading, 3).code // "A"
   */
  add(h: NodeHeading, lineNo: number): NodeDraft {
    if (h.mismatch && h.code !== null) {
      this.problems.push(problem("warning", "PLAN_CODE_KIND", { code: h.code, label: h.label, example: h.mismatch.example }, { line: lineNo }));
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
          problem("warning", "PLAN_CODE_REJECTED", { code: shorten(h.rejectedCode, 30), label: h.label, generated: code }, { line: lineNo }),
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
        this.problems.push(problem("error", "PLAN_DUPLICATE_NODE", { code, first: dup.line }, { line: lineNo }));
        return dup;
      }
    }
    const transparent = h.kind === "program" && h.code === null && h.abbr === "P";
    if (transparent) {
      const above = parent === null ? undefined : this.byCode.get(parent);
      if (above?.kind !== "strategic") {
        this.problems.push(problem("warning", "PLAN_PROGRAM_NO_PARENT", { title: h.title }, { line: lineNo }));
      }
    }
    const node: NodeDraft = { code, kind: h.kind, title: h.title, parent, units: [], line: lineNo, rank: h.rank, transparent };
    this.nodes.push(node);
    this.byCode.set(code, node);
    if (h.code === null && h.abbr !== "P") this.generated.push(node);
    this.outline = [...this.outline.filter((n) => n.rank < h.rank), node];
    return node;
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

  /**
   * At the end of the text: a warning for each parent code that never came.
   * @example outline.checkParents(); problems.map((p) => p.code) // ["PLAN_PARENT_MISSING"] for `A.1` without `A`
   */
  checkParents(): void {
    for (const n of this.nodes) {
      if (n.kind === "program" || n.parent === null || this.byCode.has(n.parent)) continue;
      this.problems.push(problem("warning", "PLAN_PARENT_MISSING", { code: n.code, parent: n.parent }, { line: n.line }));
    }
  }

  /**
   * At the end of the text: one warning each for the codes renamed and generated.
   * @example outline.reportCodes(); problems.map((p) => p.code) // ["PLAN_CODES_GENERATED"] for a plan without codes
   */
  reportCodes(): void {
    if (this.renamed.length > 0) {
      const examples = [...this.renamed.slice(0, 3), ...(this.renamed.length > 3 ? ["…"] : [])].join(", ");
      this.problems.push(problem("warning", "PLAN_CODE_RENAMED", { count: this.renamed.length, examples }, { line: this.renamedLine ?? 1 }));
    }
    if (this.generated.length === 0) return;
    const examples = this.generated.slice(0, 3).map((n) => `${n.code} «${shorten(n.title, 30)}»`);
    if (this.generated.length > 3) examples.push("…");
    this.problems.push(problem("warning", "PLAN_CODES_GENERATED", { count: this.generated.length, examples: examples.join(", ") }, { line: this.generated[0].line }));
  }

  /** The nodes as the plan gives them out. */
  planNodes(): PlanNode[] {
    return this.nodes.map((n) => ({ code: n.code, kind: n.kind, title: n.title, parent: n.parent, units: [...n.units], line: n.line }));
  }
}
