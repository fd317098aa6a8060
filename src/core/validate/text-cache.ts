// The one cache of texts that repeat across a workbook (see `TextCache`).
import { roundHalfUp } from "../achievement";
import { memoByText } from "../memo";
import { classifyAlgorithm } from "../plan/algorithm";
import type { CellValue } from "../types";
import { isPercentFormat } from "./percent-format";
import { TargetRead } from "./target-read";

/**
 * The texts a validation reads again and again, each read once: target texts (a target is
 * written once per year column, the same target on many rows), algorithm texts (one per kind
 * of indicator) and number formats (a handful, on every cell).
 *
 * One object owns every such cache, so that what the engine remembers between calls is in
 * one place rather than in module-level memos scattered over files. It lives as long as the
 * module (`textCache`): the same texts come back validation after validation (the task pane
 * validates the same workbook again after each edit), and each memo lets its least recently
 * used text go at its limit (see `memoByText`), so memory stays bounded. Every entry is a pure
 * function of its text: a cached answer is the answer a fresh read would give.
 * @example
 *   textCache.target("Anno 2023: >= 10").years // [2023], read once for every row that has it
 *   textCache.isPercentFormat("0.0%")            // true
 */
export class TextCache {
  private readonly targetTexts = memoByText((text) => new TargetRead(text));
  private readonly percentTargetTexts = memoByText((text) => new TargetRead(text, true));
  private readonly algorithms = memoByText(classifyAlgorithm);
  // A workbook uses few number formats: a small limit is plenty.
  private readonly formats = memoByText(isPercentFormat, 1_000);

  /**
   * A target cell read once. In a `Target %` column (`percent`) a number without `%` is a
   * percentage, and a number formatted as a percentage (0.65 shown as 65%) is the one shown.
   * Only texts are cached: a number is cheap to read and rarely repeats.
   * @example textCache.target(0.65, true, "0%").target // the condition of 65 (%)
   */
  target(cell: CellValue, percent = false, format: string | null = null): TargetRead {
    if (typeof cell === "string") return percent ? this.percentTargetTexts(cell) : this.targetTexts(cell);
    if (percent && typeof cell === "number" && format && this.formats(format)) return new TargetRead(roundHalfUp(cell * 100, 10), true);
    return new TargetRead(cell, percent);
  }

  /**
   * The kind of an algorithm text (`classifyAlgorithm`), classified once per text.
   * @example textCache.algorithmKind("Numero di visite effettuate") // as classifyAlgorithm
   */
  algorithmKind(text: string): ReturnType<typeof classifyAlgorithm> {
    return this.algorithms(text);
  }

  /**
   * `isPercentFormat` of a number format, looked at once per format.
   * @example textCache.isPercentFormat("#,##0.0%;[Red]-0.0%") // true
   */
  isPercentFormat(format: string): boolean {
    return this.formats(format);
  }
}

/** The one cache of the engine's validation (see `TextCache` for why it outlives a call). */
export const textCache = new TextCache();
