/**
 * Workbooks written as raw SpreadsheetML, the way other programs write them rather than the
 * way ExcelJS does: openpyxl (absolute part paths in the relationships, inline strings, a
 * table and a comment next to the sheet), a namespace prefix on every element (`<x:c>`), and
 * LibreOffice's `date1904="true"`. Zipped with the hardening tests' own ZIP writer, never
 * with the CLI's.
 */
import { zip, type ZipPart } from "./xlsx-files";

export interface RawCell {
  /** A1 address. */
  readonly ref: string;
  /** A string goes in as an inline string (or shared, see `sharedStrings`), a number as a number. */
  readonly value?: string | number | boolean;
  /** A formula; with `value` undefined the cell has no cached result. */
  readonly formula?: string;
  /** Index into `numFmts` of the options (a custom number format on the cell). */
  readonly format?: number;
  /** Write the string as `t="str"` (a formula's text result). */
  readonly str?: boolean;
}

export interface RawOptions {
  /** Namespace prefix for the SpreadsheetML elements, e.g. "x" (none by default). */
  readonly prefix?: string;
  /** Relationship targets as absolute paths (`/xl/worksheets/sheet1.xml`), as openpyxl writes them. */
  readonly absolute?: boolean;
  /** `date1904` attribute value on workbookPr ("true" as LibreOffice writes it, "1" as Excel does). */
  readonly date1904?: string;
  /** Strings as shared strings instead of inline strings. */
  readonly sharedStrings?: boolean;
  /** Custom number formats (ids 164, 165 ... in this order). */
  readonly numFmts?: readonly string[];
  /** Merged ranges. */
  readonly merges?: readonly string[];
  /** Add a table part and a comments part to the sheet, as openpyxl does for a sheet with a table and a note. */
  readonly extras?: boolean;
  readonly sheetName?: string;
}

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function esc(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A one-sheet workbook package from raw cells. */
export function rawXlsx(cells: readonly RawCell[], o: RawOptions = {}): Buffer {
  const p = o.prefix ? `${o.prefix}:` : "";
  const nsDecl = o.prefix ? `xmlns:${o.prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const target = (t: string) => (o.absolute ? `/xl/${t}` : t);
  const shared: string[] = [];
  const rows = new Map<number, string[]>();
  for (const c of cells) {
    const row = Number(/\d+/.exec(c.ref)?.[0]);
    const fmt = c.format !== undefined ? ` s="${c.format + 1}"` : "";
    const f = c.formula !== undefined ? `<${p}f>${esc(c.formula)}</${p}f>` : "";
    let xml: string;
    if (typeof c.value === "string" && c.str) xml = `<${p}c r="${c.ref}" t="str"${fmt}>${f}<${p}v>${esc(c.value)}</${p}v></${p}c>`;
    else if (typeof c.value === "string" && o.sharedStrings) {
      shared.push(c.value);
      xml = `<${p}c r="${c.ref}" t="s"${fmt}>${f}<${p}v>${shared.length - 1}</${p}v></${p}c>`;
    } else if (typeof c.value === "string") xml = `<${p}c r="${c.ref}" t="inlineStr"${fmt}><${p}is><${p}t>${esc(c.value)}</${p}t></${p}is></${p}c>`;
    else if (typeof c.value === "boolean") xml = `<${p}c r="${c.ref}" t="b"${fmt}>${f}<${p}v>${c.value ? 1 : 0}</${p}v></${p}c>`;
    else if (typeof c.value === "number") xml = `<${p}c r="${c.ref}"${fmt}>${f}<${p}v>${c.value}</${p}v></${p}c>`;
    else xml = `<${p}c r="${c.ref}"${fmt}>${f}</${p}c>`;
    rows.set(row, [...(rows.get(row) ?? []), xml]);
  }
  const sheetData = [...rows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([r, cs]) => `<${p}row r="${r}">${cs.join("")}</${p}row>`)
    .join("");
  const merges = o.merges?.length ? `<${p}mergeCells count="${o.merges.length}">${o.merges.map((m) => `<${p}mergeCell ref="${m}"/>`).join("")}</${p}mergeCells>` : "";
  const tableParts = o.extras ? `<${p}legacyDrawing r:id="rId2"/><${p}tableParts count="1"><${p}tablePart r:id="rId1"/></${p}tableParts>` : "";
  const sheet = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}worksheet ${nsDecl} xmlns:r="${REL}"><${p}sheetPr/>${sheetData ? `<${p}sheetData>${sheetData}</${p}sheetData>` : `<${p}sheetData />`}${merges}${tableParts}</${p}worksheet>`;
  const numFmts = o.numFmts ?? [];
  const styles =
    `<?xml version="1.0" encoding="UTF-8"?>\n<${p}styleSheet ${nsDecl}>` +
    (numFmts.length ? `<${p}numFmts count="${numFmts.length}">${numFmts.map((f, i) => `<${p}numFmt numFmtId="${164 + i}" formatCode="${esc(f)}"/>`).join("")}</${p}numFmts>` : "") +
    `<${p}fonts count="1"><${p}font><${p}sz val="11"/><${p}name val="Calibri"/></${p}font></${p}fonts>` +
    `<${p}fills count="1"><${p}fill><${p}patternFill patternType="none"/></${p}fill></${p}fills>` +
    `<${p}borders count="1"><${p}border/></${p}borders>` +
    `<${p}cellStyleXfs count="1"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></${p}cellStyleXfs>` +
    `<${p}cellXfs count="${numFmts.length + 1}"><${p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>${numFmts.map((_, i) => `<${p}xf numFmtId="${164 + i}" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>`).join("")}</${p}cellXfs>` +
    `</${p}styleSheet>`;
  const date1904 = o.date1904 !== undefined ? ` date1904="${o.date1904}"` : "";
  const workbook = `<?xml version="1.0" encoding="UTF-8"?>\n<${p}workbook ${nsDecl} xmlns:r="${REL}"><${p}workbookPr${date1904}/><${p}sheets><${p}sheet name="${esc(o.sheetName ?? "KPI")}" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`;
  const b = (s: string) => Buffer.from(s, "utf8");
  const parts: ZipPart[] = [
    {
      name: "[Content_Types].xml",
      data: b(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>` +
          `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
          (shared.length ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>` : "") +
          (o.extras ? `<Override PartName="/xl/tables/table1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/><Override PartName="/xl/comments/comment1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>` : "") +
          `</Types>`,
      ),
    },
    { name: "_rels/.rels", data: b(`<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${o.absolute ? "/xl/workbook.xml" : "xl/workbook.xml"}"/></Relationships>`) },
    { name: "xl/workbook.xml", data: b(workbook) },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: b(
        `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target("worksheets/sheet1.xml")}"/><Relationship Id="rId2" Type="${REL}/styles" Target="${target("styles.xml")}"/>` +
          (shared.length ? `<Relationship Id="rId3" Type="${REL}/sharedStrings" Target="${target("sharedStrings.xml")}"/>` : "") +
          `</Relationships>`,
      ),
    },
    { name: "xl/worksheets/sheet1.xml", data: b(sheet) },
    { name: "xl/styles.xml", data: b(styles) },
  ];
  if (shared.length) {
    parts.push({
      name: "xl/sharedStrings.xml",
      data: b(`<?xml version="1.0" encoding="UTF-8"?>\n<${p}sst ${nsDecl} count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<${p}si><${p}t>${esc(s)}</${p}t></${p}si>`).join("")}</${p}sst>`),
    });
  }
  if (o.extras) {
    parts.push(
      {
        name: "xl/worksheets/_rels/sheet1.xml.rels",
        data: b(
          `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/table" Target="/xl/tables/table1.xml"/><Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="/xl/drawings/commentsDrawing1.vml"/><Relationship Id="rId3" Type="${REL}/comments" Target="/xl/comments/comment1.xml"/></Relationships>`,
        ),
      },
      {
        name: "xl/tables/table1.xml",
        data: b(`<?xml version="1.0" encoding="UTF-8"?>\n<table xmlns="${MAIN}" id="1" name="Tabella1" displayName="Tabella1" ref="A1:D2"><autoFilter ref="A1:D2"/><tableColumns count="4"><tableColumn id="1" name="Indicatore"/><tableColumn id="2" name="Peso"/><tableColumn id="3" name="Target"/><tableColumn id="4" name="Valore"/></tableColumns><tableStyleInfo name="TableStyleMedium9" showRowStripes="1"/></table>`),
      },
      { name: "xl/comments/comment1.xml", data: b(`<?xml version="1.0" encoding="UTF-8"?>\n<comments xmlns="${MAIN}"><authors><author>openpyxl</author></authors><commentList><comment ref="A1" authorId="0"><text><t>nota</t></text></comment></commentList></comments>`) },
      { name: "xl/drawings/commentsDrawing1.vml", data: b(`<xml xmlns:v="urn:schemas-microsoft-com:vml"></xml>`) },
    );
  }
  return zip(parts);
}
