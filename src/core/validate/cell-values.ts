// A value cell read as the number to compare with the target, in the condition's unit.
import { roundHalfUp } from "../achievement";
import { parseDateText } from "../dates";
import { isKpiError, kpiError, type KpiError } from "../errors";
import { isNoneText, parseNumberText } from "../numbers";
import { isBlankCell } from "../grid";
import { readYesNo } from "../target-words";
import type { CellValue, Condition } from "../types";
import { textCache } from "./text-cache";

/** Error texts a cell shows (readers hand error cells over as these texts). */
const EXCEL_ERRORS = new Set([
  "#N/A", "#REF!", "#NAME?", "#DIV/0!", "#NULL!", "#VALUE!", "#NUM!", "#SPILL!", "#CALC!",
  "#GETTING_DATA", "#BUSY!", "#BLOCKED!", "#FIELD!", "#CONNECT!", "#UNKNOWN!", "#EXTERNAL!",
]);

/**
 * A value cell as the number to compare with the condition, `null` when blank or `---`.
 * Percent-formatted numbers become the percentage shown when the target is a percentage.
 * @example readValue(0.15, "0%", percentCondition) // 15; readValue("12,5", null, condition) // 12.5
 */
export function readValue(raw: CellValue, format: string | null, condition: Condition): number | null | KpiError {
  if (raw === null || isBlankCell(raw)) return null;
  if (condition.unit === "boolean" && typeof raw !== "string") return readYesNo(raw);
  if (typeof raw === "boolean") return kpiError("VALUE_NOT_NUMBER", { text: raw ? "TRUE" : "FALSE" });
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return kpiError("VALUE_NOT_NUMBER", { text: String(raw) });
    if (condition.unit === "percent" && format && textCache.isPercentFormat(format)) return roundHalfUp(raw * 100, 10);
    return raw;
  }
  const text = raw.trim();
  if (isNoneText(text)) return null;
  // Every error text starts with "#": other texts need no upper-casing to be ruled out.
  if (text.startsWith("#") && EXCEL_ERRORS.has(text.toUpperCase())) return kpiError("VALUE_CELL_ERROR", { text });
  if (condition.unit === "boolean") return readYesNo(text);
  if (condition.unit === "date") {
    const date = parseDateText(text);
    if (date === null) return kpiError("DATE_VALUE_REQUIRED");
    return date;
  }
  const n = parseNumberText(text);
  if (n === null) return null;
  if (isKpiError(n)) return kpiError("VALUE_NOT_NUMBER", { text });
  return n.value;
}
