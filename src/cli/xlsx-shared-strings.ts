import type { Package } from "./xlsx-package";

/**
 * The shared strings table (sharedStrings.xml): most texts of a workbook are stored once here
 * and named by index from the cells.
 */

/** The shared strings, rich text joined, phonetic runs left out. */
export async function readSharedStrings(pkg: Package, part: string): Promise<string[]> {
  const strings: string[] = [];
  let current = "";
  let inT = false;
  let inPhonetic = 0;
  await pkg.parse(
    part,
    (local, tag) => {
      if (local === "si") current = "";
      else if (local === "t") inT = !tag.isSelfClosing;
      else if (local === "rPh") inPhonetic += tag.isSelfClosing ? 0 : 1;
    },
    (local) => {
      if (local === "t") inT = false;
      else if (local === "rPh") inPhonetic--;
      else if (local === "si") strings.push(current);
    },
    (text) => {
      if (inT && inPhonetic === 0) current += text;
    },
  );
  return strings;
}
