/**
 * Lines that almost were a heading or a KPI table. When the text yields no node at all they
 * are the explanation (`PLAN_EMPTY` lists them); otherwise only the headings without a title
 * are reported, one by one, since the rest of the plan was read.
 */
import type { MessageCode, MessageParam, MessageRef } from "../messages";
import { problem, type Problem } from "../problem";
import type { HeadingMatch } from "./headings";
import { shorten } from "./text";

/** Near misses listed in PLAN_EMPTY: enough to find the pattern, not the whole document. */
const NEAR_LISTED = 5;

interface NearMiss {
  readonly line: number;
  readonly text: MessageRef;
  readonly heading?: { readonly text: string; readonly label: string };
  readonly headingNoTitle: boolean;
}

export class NearMisses {
  private readonly list: NearMiss[] = [];

  /**
   * A Markdown or Word heading without a plan label (`## Digitalizzazione`).
   * @example nearMisses.unlabelled("Digitalizzazione", 7)
   */
  unlabelled(text: string, lineNo: number): void {
    this.list.push({ line: lineNo, text: { code: "PLAN_NEAR_UNLABELLED", params: { line: lineNo, text: shorten(text, 40) } }, headingNoTitle: false });
  }

  /**
   * A line that starts like a heading but has no title, or reads as prose.
   * @example nearMisses.heading(matchHeading("OBIETTIVO STRATEGICO 1.1") as Extract<HeadingMatch, { type: "near" }>, 3)
   */
  heading(h: Extract<HeadingMatch, { type: "near" }>, lineNo: number): void {
    const code: MessageCode = h.reason === "no-title" ? "PLAN_NEAR_NO_TITLE" : "PLAN_NEAR_PROSE";
    this.list.push({
      line: lineNo,
      text: { code, params: { line: lineNo, text: shorten(h.text), label: h.label } },
      heading: { text: shorten(h.text), label: h.label },
      headingNoTitle: h.reason === "no-title",
    });
  }

  /**
   * A table header with some of the columns a KPI table needs, not all.
   * @example nearMisses.table(4, ["Peso", "Target"], ["Indicatore"])
   */
  table(lineNo: number, found: readonly string[], missing: readonly string[]): void {
    this.list.push({ line: lineNo, text: { code: "PLAN_NEAR_TABLE", params: { line: lineNo, found: found.join(", "), missing: missing.join(", ") } }, headingNoTitle: false });
  }

  /**
   * No node: PLAN_EMPTY says which lines almost matched (and where KPI tables were). Else
   * the headings without a title are reported one by one.
   * @example nearMisses.report(0, [1], problems) // PLAN_EMPTY: "... KPI tables found at lines 1 ..."
   */
  report(nodeCount: number, tableLines: readonly number[], problems: Problem[]): void {
    if (nodeCount === 0) {
      const listed = this.list.slice(0, NEAR_LISTED).map((n) => n.text);
      const tables = tableLines.slice(0, NEAR_LISTED).join(", ") + (tableLines.length > NEAR_LISTED ? ", …" : "");
      // The detail is one or two sentences, each a message of its own, written one after the other.
      const parts: MessageParam[] = [];
      if (listed.length > 0) parts.push({ code: "PLAN_EMPTY_NEAR", params: { list: { items: listed, separator: "; " } } });
      else if (tableLines.length === 0) parts.push({ code: "PLAN_EMPTY_NOTHING" });
      if (tableLines.length > 0) parts.push({ code: "PLAN_EMPTY_TABLES", params: { lines: tables } });
      problems.push(problem("error", "PLAN_EMPTY", { detail: { items: parts, separator: "" } }, { line: 1 }));
      return;
    }
    for (const n of this.list) {
      if (!n.headingNoTitle || !n.heading) continue;
      problems.push(problem("warning", "PLAN_HEADING_NO_TITLE", { ...n.heading }, { line: n.line }));
    }
  }
}
