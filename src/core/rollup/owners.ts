/**
 * Who owns each KPI row in the roll-up: its `Codice`, or, for a table without a `Codice`
 * column, a name for the table. One function, so that the roll-up's nodes and the rows a
 * node links to (the pane's tree, src/core/rollup/present.ts) are named alike. Rows that
 * reach the roll-up with no owner at all (`rollup()` called directly) are gathered under one
 * node whose code is the same in every language; its label, `(senza codice)` / `(no code)`,
 * is written only when the node is shown (`ownerLabel` in ../messages).
 */
import type { MessageParam } from "../messages";
import type { ValidationReport } from "../types";

/** The code of the node gathering KPI rows without an owner: empty, as their owner cell is. */
export const NO_OWNER_CODE = "";

/**
 * An owner code as a message parameter: the code itself, or the catalogue's `NO_OWNER` words.
 * @example ownerParam("A.1") // "A.1"
 * @example ownerParam(NO_OWNER_CODE) // { code: "NO_OWNER" }
 */
export function ownerParam(code: string): MessageParam {
  return code === NO_OWNER_CODE ? { code: "NO_OWNER" } : code;
}

/**
 * Each KPI row's owner, in the report's KPI order: its `Codice` as written, or, in a table
 * without one, the sheet's name, qualified by the table's first row when the sheet holds
 * more than one such table (`Foglio1!2`, `Foglio1!6`).
 * @example
 * kpiOwners({ kpis: [{ owner: null, sheet: "Foglio1", row: 2, … }], groups: [{ owner: null, sheet: "Foglio1", rows: [2], … }] })
 *   // ["Foglio1"]
 */
export function kpiOwners(report: Pick<ValidationReport, "kpis" | "groups">): string[] {
  const tableOf = new Map<string, { sheet: string; first: number }>();
  const perSheet = new Map<string, number>();
  for (const g of report.groups) {
    if (g.owner !== null || g.rows.length === 0) continue;
    const first = Math.min(...g.rows);
    for (const r of g.rows) tableOf.set(`${g.sheet}\u0000${r}`, { sheet: g.sheet, first });
    perSheet.set(g.sheet, (perSheet.get(g.sheet) ?? 0) + 1);
  }
  return report.kpis.map((k) => {
    if (k.owner !== null && k.owner.trim() !== "") return k.owner;
    const t = tableOf.get(`${k.sheet}\u0000${k.row}`);
    if (!t) return k.sheet;
    return (perSheet.get(t.sheet) ?? 0) > 1 ? `${t.sheet}!${t.first}` : t.sheet;
  });
}
