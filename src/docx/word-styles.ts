import { attr, sax } from "./word-sax";

/**
 * Which paragraph styles are headings, and of which level (styles.xml): Word's `Heading1`..,
 * Italian Word's `Titolo1`.., any style named `heading n`, carrying an outline level, or
 * based on a heading style. The plan's structure (areas, objectives) is read from them.
 */

/** styleId -> heading level (1-based) for paragraph styles that are headings. */
export function readStyles(xml: string): Map<string, number> {
  const levels = new Map<string, number>();
  const basedOn = new Map<string, string>();
  let id: string | null = null;
  sax(
    xml,
    (tag) => {
      if (tag.name === "w:style") id = attr(tag, "w:type") === "paragraph" ? (attr(tag, "w:styleId") ?? null) : null;
      if (id === null) return;
      const val = attr(tag, "w:val");
      if (tag.name === "w:name" && val) {
        const m = /^(?:heading|titolo|intestazione)\s*(\d)$/i.exec(val.trim());
        if (m) levels.set(id, Number(m[1]));
      } else if (tag.name === "w:outlineLvl" && val !== undefined && Number(val) < 9) {
        levels.set(id, Number(val) + 1);
      } else if (tag.name === "w:basedOn" && val) {
        basedOn.set(id, val);
      }
    },
    (name) => {
      if (name === "w:style") id = null;
    },
  );
  // A style based on a heading style is a heading of that level (`Heading2Char` is not a paragraph style).
  for (const [child, parent] of basedOn) {
    if (!levels.has(child) && levels.has(parent)) levels.set(child, levels.get(parent) as number);
  }
  return levels;
}

/** `Heading2`, `Titolo2`, `Title`: heading styles by their usual ids when styles.xml does not say. */
export function builtInLevel(style: string): number | undefined {
  const m = /^(?:heading|titolo|intestazione)\s*(\d)$/i.exec(style);
  return m ? Number(m[1]) : undefined;
}
