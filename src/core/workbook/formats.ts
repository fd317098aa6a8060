/**
 * What the sheets built from a plan share: number formats, the table style and the
 * validation of weight cells (the KPI sheets' `Peso`, the tree's `Peso`).
 */
import type { ValidationSpec } from "./description";
import type { WorkbookLabels } from "./labels";

/** Number formats (Excel codes, locale-independent). */
export const FORMATS = {
  weight: "#,##0.00",
  integer: "#,##0",
  decimal: "#,##0.00",
  date: "dd/mm/yyyy",
} as const;


/** The Excel table style of every table written. */
export const TABLE_STYLE = "TableStyleMedium2";

/**
 * A decimal 0..100 validation for weight cells, with its error and prompt in the workbook's
 * language (the tree's weights have a prompt of their own).
 * @example weightValidation("E2:E40", LABELS.it).max // 100
 */
export function weightValidation(range: string, labels: WorkbookLabels, prompt?: string): ValidationSpec {
  const v = labels.weightValidation;
  return {
    range,
    type: "decimal",
    operator: "between",
    min: 0,
    max: 100,
    allowBlank: true,
    errorTitle: v.errorTitle,
    error: v.error,
    promptTitle: v.promptTitle,
    prompt: prompt ?? v.prompt,
  };
}
