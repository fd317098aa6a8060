/**
 * Part names inside an .xlsx package (Open Packaging Conventions): where a part's
 * relationships are kept and how a relationship's target names a part. Both the streaming
 * reader and the XML-level writers resolve parts this way, so a workbook whose parts live
 * elsewhere than `xl/` (absolute targets, `../` paths) is read and written alike.
 */

/**
 * A relationship target resolved against the folder of the part that names it; an absolute
 * target (`/xl/workbook.xml`, as openpyxl writes) is taken from the package root.
 * @example resolvePart("xl/workbook.xml", "worksheets/sheet1.xml") // "xl/worksheets/sheet1.xml"
 * @example resolvePart("xl/workbook.xml", "/xl/styles.xml")        // "xl/styles.xml"
 */
export function resolvePart(fromPart: string, target: string): string {
  const base = target.startsWith("/") ? "" : fromPart.slice(0, fromPart.lastIndexOf("/") + 1);
  const parts: string[] = [];
  for (const seg of (base + target).split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/**
 * The relationships part of a part (`""` is the package itself).
 * @example relsOf("xl/workbook.xml") // "xl/_rels/workbook.xml.rels"
 * @example relsOf("")                // "_rels/.rels"
 */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}
