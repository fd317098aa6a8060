import { attr, sax } from "./word-sax";

/**
 * The numbers of numbered paragraphs (numbering.xml): Word writes them nowhere in the text, so
 * `1.2.` before an objective is rebuilt from its list's levels (`%1.%2.`, decimal, letter and
 * roman formats; bullets give `-`), counted per list and level as Word counts them.
 */

interface Level {
  readonly format: string;
  readonly text: string;
  readonly start: number;
}

export interface Numbering {
  /** numId -> abstractNumId */
  readonly nums: Map<string, string>;
  /** abstractNumId -> levels by ilvl */
  readonly abstracts: Map<string, Map<number, Level>>;
}

export function readNumbering(xml: string): Numbering {
  const nums = new Map<string, string>();
  const abstracts = new Map<string, Map<number, Level>>();
  let abstract: Map<number, Level> | null = null;
  let level: { ilvl: number; format: string; text: string; start: number } | null = null;
  let num: string | null = null;
  sax(
    xml,
    (tag) => {
      const val = attr(tag, "w:val");
      switch (tag.name) {
        case "w:abstractNum":
          abstract = new Map();
          abstracts.set(attr(tag, "w:abstractNumId") ?? "", abstract);
          break;
        case "w:lvl":
          level = { ilvl: Number(attr(tag, "w:ilvl") ?? 0), format: "decimal", text: "", start: 1 };
          break;
        case "w:numFmt":
          if (level && val) level.format = val;
          break;
        case "w:lvlText":
          if (level && val !== undefined) level.text = val;
          break;
        case "w:start":
          if (level && val) level.start = Number(val);
          break;
        case "w:num":
          num = attr(tag, "w:numId") ?? null;
          break;
        case "w:abstractNumId":
          if (num !== null && val !== undefined) nums.set(num, val);
          break;
      }
    },
    (name) => {
      if (name === "w:lvl" && level && abstract) {
        abstract.set(level.ilvl, { format: level.format, text: level.text, start: level.start });
        level = null;
      } else if (name === "w:abstractNum") abstract = null;
      else if (name === "w:num") num = null;
    },
  );
  return { nums, abstracts };
}

function roman(n: number): string {
  const table: [number, string][] = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [v, s] of table) while (n >= v) (out += s), (n -= v);
  return out;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "upperRoman":
      return roman(n);
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperLetter":
      return String.fromCharCode(64 + ((n - 1) % 26) + 1);
    case "lowerLetter":
      return String.fromCharCode(96 + ((n - 1) % 26) + 1);
    default:
      return String(n);
  }
}

/** Counts numbered paragraphs per list and level, as Word does, and renders their labels. */
export class Counter {
  private readonly counts = new Map<string, number[]>();
  constructor(private readonly numbering: Numbering | null) {}

  label(numId: string, ilvl: number): string {
    const abstractId = this.numbering?.nums.get(numId);
    const levels = abstractId === undefined ? undefined : this.numbering?.abstracts.get(abstractId);
    if (!levels || numId === "0") return "";
    const key = abstractId as string;
    const counts = this.counts.get(key) ?? [];
    for (let i = 0; i <= ilvl; i++) if (counts[i] === undefined) counts[i] = (levels.get(i)?.start ?? 1) - 1;
    counts[ilvl] += 1;
    counts.length = ilvl + 1; // deeper levels restart
    this.counts.set(key, counts);
    const level = levels.get(ilvl);
    if (!level) return "";
    if (level.format === "bullet" || level.format === "none") return level.format === "bullet" ? "-" : "";
    return level.text.replace(/%(\d)/g, (_, k: string) => {
      const i = Number(k) - 1;
      return formatNumber(counts[i] ?? 1, levels.get(i)?.format ?? "decimal");
    });
  }
}
