/**
 * The tree sheet (`Albero`) of a workbook built from a plan: one row per node with its code,
 * kind, title, parent, program and units, and a blank `Peso` for weighting the children.
 * src/core/rollup/tree.ts reads it back.
 */
import type { PlanNode } from "../types";
import { rangeRef } from "./a1";
import type { CellSpec, SheetSpec } from "./description";
import { FORMATS, TABLE_STYLE, weightValidation } from "./formats";
import type { WorkbookLabels } from "./labels";
import { safeTableName } from "./names";

/**
 * The tree sheet of the plan's nodes, named `name`.
 * @example treeSheet("Albero", plan.nodes, LABELS.it).cells[0] // ["Codice", "Tipo", "Titolo", "Padre", "Programma", "Unità organizzative", "Peso"]
 */
export function treeSheet(name: string, nodes: readonly PlanNode[], labels: WorkbookLabels): SheetSpec {
  const T = labels.tree;
  const header = [T.code, T.kind, T.title, T.parent, T.program, T.units, T.weight];
  const programs = programOf(nodes);
  const rows: CellSpec[][] = [header];
  for (const n of nodes) {
    rows.push([n.code, labels.kind[n.kind], n.title, n.parent, programs.get(n.code) ?? null, n.units.join(", "), null]);
  }
  const last = Math.max(nodes.length + 1, 2);
  if (nodes.length === 0) rows.push(header.map(() => null));
  return {
    name,
    cells: rows,
    columns: [12, 20, 60, 11, 30, 40, 9].map((width) => ({ width })),
    frozenRows: 1,
    tables: [{ name: safeTableName(T.table), range: rangeRef(1, 1, last, header.length), style: TABLE_STYLE }],
    formats: [
      { range: rangeRef(1, 1, 1, header.length), bold: true, wrap: true, vertical: "center" },
      { range: rangeRef(2, 1, last, header.length), vertical: "top" },
      { range: rangeRef(2, 3, last, 3), wrap: true },
      { range: rangeRef(2, 5, last, 6), wrap: true },
      { range: rangeRef(2, 7, last, 7), numberFormat: FORMATS.weight },
    ],
    validations: [weightValidation(rangeRef(2, 7, last, 7), labels, T.weightPrompt)],
  };
}

/**
 * The program each operational objective and action falls under: a program groups the
 * operational objectives that follow it under the same strategic objective, until the next
 * program or strategic objective (the tree's parents follow the codes instead).
 */
function programOf(nodes: readonly PlanNode[]): Map<string, string> {
  const out = new Map<string, string>();
  const current = new Map<string, PlanNode>();
  for (const n of nodes) {
    if (n.kind === "program" && n.parent !== null) current.set(n.parent, n);
    if (n.kind === "strategic") current.delete(n.code);
    if (n.kind === "operational" && n.parent !== null) {
      const p = current.get(n.parent);
      if (p) out.set(n.code, p.title);
    }
    if (n.kind === "action" && n.parent !== null) {
      const p = out.get(n.parent);
      if (p !== undefined) out.set(n.code, p);
    }
  }
  return out;
}

