/**
 * A workbook whose KPI tables have no `Codice` column: two tables on `Foglio1` (rows 2-3 and
 * row 6) and one on `Foglio2` (row 2). The roll-up names their owners `Foglio1!2`,
 * `Foglio1!6` and `Foglio2`; the pane's tree must link each to its own rows.
 */
import type { SheetGrid } from "../../../src/core/types";

export function untitledTables(): SheetGrid[] {
  return [
    {
      name: "Foglio1",
      values: [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["Visite", 50, ">= 10", 5],
        ["Eventi", 50, ">= 2", 2],
        [null],
        ["Indicatore", "Peso", "Target", "Valore"],
        ["Reclami", 100, "<= 4", 5],
      ],
    },
    {
      name: "Foglio2",
      values: [
        ["Indicatore", "Peso", "Target", "Valore"],
        ["Corsi", 100, ">= 3", 3],
      ],
    },
  ];
}
