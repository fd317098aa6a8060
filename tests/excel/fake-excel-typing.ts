/**
 * The fake's typing against `@types/office-js`, tested by the compiler: every line marked
 * `@ts-expect-error` below must be an error, or `npm run typecheck` (part of `npm test`)
 * fails with "Unused '@ts-expect-error' directive". Nothing here runs.
 *
 * What it proves: a proxy that names an Office method wrongly, takes other parameters than
 * Office's, or declares a property Office's class does not have (or of another type) does
 * not compile, so the fake cannot drift from the host it stands for.
 */
import { defineProps } from "../support/office/proxy";
import type { Modelled } from "../support/office/office-types";

// @ts-expect-error a misspelt method: Excel.Range has getCell, the class only getCel
export class MisspeltMethod implements Modelled<Excel.Range, "getCell"> {
  getCel(row: number, column: number): unknown {
    return [row, column];
  }
}

export class WrongParameters implements Modelled<Excel.Range, "getCell"> {
  // @ts-expect-error Excel.Range.getCell takes two numbers, not strings
  getCell(row: string, column: string): unknown {
    return [row, column];
  }
}

export class ExtraParameter implements Modelled<Excel.Range, "getCell"> {
  // @ts-expect-error a third required parameter Office never passes
  getCell(row: number, column: number, sheet: string): unknown {
    return [row, column, sheet];
  }
}

// @ts-expect-error a member Excel.Range does not have at all
export type NotOffice = Modelled<Excel.Range, "getCells">;

export class AnyProxy {}

defineProps<Excel.Range>(AnyProxy, {
  rowCount: { get: () => 1 },
  // @ts-expect-error a property Excel.Range does not have
  rowTotal: { get: () => 1 },
});

defineProps<Excel.Range>(AnyProxy, {
  // @ts-expect-error Excel.Range.rowCount is a number
  rowCount: { get: () => "one" },
});

defineProps<Excel.Range>(AnyProxy, {
  // @ts-expect-error a method of Excel.Range is not a property
  getCell: { get: () => null },
});
