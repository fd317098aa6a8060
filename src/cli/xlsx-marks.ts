import { consecutiveRuns, type Mark, MARK_STYLES as PALETTE, type MarkKind, parseA1, rangeA1 } from "../core";
import { afterSheetData, countTopLevel, firstTopLevel, rootPrefix } from "./xml-walk";
import { sheetParts, stylesPart } from "./xlsx-parts";
import { ZipError } from "./zip";
import { editParts } from "./zip-edit";

export type { Mark, MarkKind };

/** A mark's look in SpreadsheetML terms: RGB hex without `#`, the xlsx border style. */
export interface XlsxMarkStyle {
  readonly fill: string;
  readonly border: string;
  readonly borderStyle: "thin" | "dashed" | "dotted";
  readonly bold: boolean;
}

/**
 * The look of each mark, from the one palette of src/core/marks.ts (the task pane writes
 * the same colours): light Okabe-Ito fills, each with a second cue that needs no colour at
 * all: unmet is bold with a solid vermillion border, met has a thin bluish-green border,
 * missing has a dashed dark-yellow border.
 */
export const MARK_STYLES: Readonly<Record<MarkKind, XlsxMarkStyle>> = Object.fromEntries(
  (Object.keys(PALETTE) as MarkKind[]).map((kind) => {
    const s = PALETTE[kind];
    const style: XlsxMarkStyle = {
      fill: s.fill.replace("#", "").toUpperCase(),
      border: s.border.replace("#", "").toUpperCase(),
      borderStyle: s.borderStyle === "solid" ? "thin" : s.borderStyle,
      bold: s.bold,
    };
    return [kind, style];
  }),
) as Record<MarkKind, XlsxMarkStyle>;

/** The rules' order on a sheet (first = highest priority). */
const KINDS: readonly MarkKind[] = ["unmet", "at_risk", "missing", "met"];

/**
 * A copy of an .xlsx with the marked cells highlighted by conditional-formatting rules
 * (always-true expression rules with a fill, one rule per kind). Nothing of the user's is
 * rewritten: cell fills, their own conditional formats, formulas and every other part stay
 * as they were, byte for byte, and deleting the three rules gives the original look back.
 * Only the marked sheets' XML (the rules added, existing rule priorities moved down by the
 * number of rules added so that the marks show on top) and styles.xml (three differential
 * formats appended) change.
 * @throws ZipError when the file is not a workbook that can be marked.
 * @example const copy = writeMarkedCopy(fs.readFileSync("in.xlsx"), [{ sheet: "A", cell: "H5", kind: "unmet" }]);
 */
export function writeMarkedCopy(input: Buffer, marks: readonly Mark[]): Buffer {
  const parts = editParts(input);
  const text = (name: string) => parts.text(name);
  const put = (name: string, content: string) => parts.put(name, content);

  const sheetsByName = sheetParts(text);
  const bySheet = new Map<string, Mark[]>();
  for (const m of marks) {
    if (!sheetsByName.has(m.sheet)) throw new ZipError("corrupt", `sheet ${m.sheet} not found in the workbook`);
    const list = bySheet.get(m.sheet);
    if (list) list.push(m);
    else bySheet.set(m.sheet, [m]);
  }
  if (bySheet.size === 0) return parts.write();

  const stylesName = stylesPart(text);
  const styles = stylesName ? text(stylesName) : null;
  if (!stylesName || styles === null) throw new ZipError("corrupt", "the workbook has no styles part");
  const { xml: newStyles, firstId } = addDxfs(styles);
  put(stylesName, newStyles);

  for (const [sheet, list] of bySheet) {
    const part = sheetsByName.get(sheet) as string;
    const xml = text(part);
    if (xml === null) throw new ZipError("corrupt", `the part of sheet ${sheet} is missing`);
    put(part, addRules(xml, list, firstId));
  }
  return parts.write();
}

// ------------------------------------------------------------------ styles.xml

/** Appends one differential format per mark kind; returns the id of the first. */
function addDxfs(xml: string): { xml: string; firstId: number } {
  const prefix = rootPrefix(xml, "styleSheet");
  const dxfXml = KINDS.map((kind) => dxf(kind, prefix)).join("");
  const open = new RegExp(`<${prefix}dxfs\\b[^>]*?(/?)>`).exec(xml);
  if (!open) {
    const at = firstTopLevel(xml, "styleSheet", ["tableStyles", "colors", "extLst"]);
    return { xml: `${xml.slice(0, at)}<${prefix}dxfs count="${KINDS.length}">${dxfXml}</${prefix}dxfs>${xml.slice(at)}`, firstId: 0 };
  }
  if (open[1] === "/") {
    const replaced = `<${prefix}dxfs count="${KINDS.length}">${dxfXml}</${prefix}dxfs>`;
    return { xml: xml.slice(0, open.index) + replaced + xml.slice(open.index + open[0].length), firstId: 0 };
  }
  const close = xml.indexOf(`</${prefix}dxfs>`, open.index);
  if (close < 0) throw new ZipError("corrupt", "damaged styles part");
  const inner = xml.slice(open.index + open[0].length, close);
  const existing = countTopLevel(inner, `${prefix}dxf`);
  const openTag = open[0].replace(/\scount\s*=\s*"\d*"/, "").replace(/^(<[\w:]+)/, `$1 count="${existing + KINDS.length}"`);
  return {
    xml: xml.slice(0, open.index) + openTag + inner + dxfXml + xml.slice(close),
    firstId: existing,
  };
}

function dxf(kind: MarkKind, p: string): string {
  const s = MARK_STYLES[kind];
  const side = (name: string) => `<${p}${name} style="${s.borderStyle}"><${p}color rgb="FF${s.border}"/></${p}${name}>`;
  return (
    `<${p}dxf>` +
    (s.bold ? `<${p}font><${p}b/></${p}font>` : "") +
    // In a dxf Excel paints a solid fill with bgColor; fgColor is set too for other readers.
    `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${s.fill}"/><${p}bgColor rgb="FF${s.fill}"/></${p}patternFill></${p}fill>` +
    `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}</${p}border>` +
    `</${p}dxf>`
  );
}

// ------------------------------------------------------------------ worksheet XML

/** Elements that follow conditionalFormatting in a worksheet (ECMA-376 CT_Worksheet order). */
const AFTER_CF = [
  "dataValidations", "hyperlinks", "printOptions", "pageMargins", "pageSetup", "headerFooter", "rowBreaks",
  "colBreaks", "customProperties", "cellWatches", "ignoredErrors", "smartTags", "drawing", "legacyDrawing",
  "legacyDrawingHF", "drawingHF", "picture", "oleObjects", "controls", "webPublishItems", "tableParts", "extLst",
];

/** Adds one always-true rule per kind over the marked cells, on top of the sheet's own rules. */
function addRules(xml: string, marks: readonly Mark[], firstDxf: number): string {
  const p = rootPrefix(xml, "worksheet");
  const blocks: string[] = [];
  let priority = 0;
  KINDS.forEach((kind, k) => {
    const cells = marks.filter((m) => m.kind === kind).map((m) => m.cell);
    if (cells.length === 0) return;
    priority++;
    blocks.push(
      `<${p}conditionalFormatting sqref="${sqref(cells)}">` +
        `<${p}cfRule type="expression" dxfId="${firstDxf + k}" priority="${priority}"><${p}formula>TRUE</${p}formula></${p}cfRule>` +
        `</${p}conditionalFormatting>`,
    );
  });
  // The user's rules keep their order below ours: every priority moves down by the rules added.
  const shifted = xml.replace(/<(?:\w+:)?cfRule\b(?:[^>"']|"[^"]*"|'[^']*')*>/g, (tag) =>
    tag.replace(/(\spriority\s*=\s*")(\d+)(")/, (_, a: string, n: string, b: string) => `${a}${Number(n) + priority}${b}`),
  );
  // Before the sheet's own rules (the file order Excel lists them in), else where they would go.
  const at = firstTopLevel(shifted, "worksheet", ["conditionalFormatting", ...AFTER_CF], afterSheetData(shifted, p), 1);
  return shifted.slice(0, at) + blocks.join("") + shifted.slice(at);
}

/** Cells as a space-separated sqref, runs of consecutive rows in one column joined as ranges. */
export function sqref(cells: readonly string[]): string {
  const rowsByCol = new Map<number, number[]>();
  for (const c of cells) {
    const at = parseA1(c);
    if (at === null) continue;
    const rows = rowsByCol.get(at.col);
    if (rows) rows.push(at.row);
    else rowsByCol.set(at.col, [at.row]);
  }
  const out: string[] = [];
  for (const col of [...rowsByCol.keys()].sort((a, b) => a - b)) {
    for (const run of consecutiveRuns(rowsByCol.get(col) as number[])) out.push(rangeA1(run.first, col, run.last, col));
  }
  return out.join(" ");
}
