import { type CellValue, columnLetters, HISTORY_HEADER, HISTORY_SHEET } from "../core";
import { relsOf } from "./opc-paths";
import { attr, relationships, sheetParts, workbookPart } from "./xlsx-parts";
import { rootPrefix } from "./xml-walk";
import { ZipError } from "./zip";
import { editParts } from "./zip-edit";

/**
 * A copy of an .xlsx with frozen values appended to the hidden `Storico` sheet, written at
 * the XML level like `kpi check -o`, so that everything else of the user's workbook (charts,
 * pivots, names, styles, every other sheet) is copied byte for byte.
 *
 * - No `Storico` yet: a new worksheet part is added (header and rows, texts inline), with
 *   its relationship, its content type and a `<sheet state="hidden">` entry at the end of
 *   the workbook's sheets (so no sheet index used by names or views moves).
 * - `Storico` already there (the caller has checked it is ours): the rows are appended after
 *   its last row, its `dimension` is updated, and it is hidden again if the user unhid it.
 *
 * Texts are inline strings (`t="inlineStr"`): the shared-string table stays untouched.
 * Characters XML 1.0 cannot hold (control characters other than tab and line breaks) are
 * left out.
 * @throws ZipError when the file is not a workbook that can be written.
 * @example const copy = writeHistoryCopy(fs.readFileSync("in.xlsx"), [["A", "H2", "A.1", "Visite", "2026", 12, "2026-06-30 09:05:07"]], null);
 */
export function writeHistoryCopy(input: Buffer, rows: readonly (readonly CellValue[])[], existing: { readonly sheet: string; readonly nextRow: number } | null): Buffer {
  const parts = editParts(input);
  const text = (name: string) => parts.text(name);
  const put = (name: string, content: string) => parts.put(name, content);

  const wb = workbookPart(text);
  const wbXml = text(wb);
  if (wbXml === null) throw new ZipError("corrupt", "the workbook part is missing");
  const sheets = sheetParts(text);

  if (existing) {
    const part = sheets.get(existing.sheet);
    const xml = part ? text(part) : null;
    if (!part || xml === null) throw new ZipError("corrupt", `the part of sheet ${existing.sheet} is missing`);
    put(part, appendRows(xml, rows, existing.nextRow));
    put(wb, hideSheet(wbXml, existing.sheet));
    return parts.write();
  }

  // A new part in the folder of the workbook's worksheets.
  const sheetPaths = [...sheets.values()];
  const folder = sheetPaths.length > 0 ? sheetPaths[0].slice(0, sheetPaths[0].lastIndexOf("/") + 1) : `${wb.slice(0, wb.lastIndexOf("/") + 1)}worksheets/`;
  let n = sheetPaths.length + 1;
  while (parts.has(`${folder}sheet${n}.xml`)) n++;
  const path = `${folder}sheet${n}.xml`;
  const allRows = [HISTORY_HEADER as readonly CellValue[], ...rows];
  const sheetXml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:${columnLetters(HISTORY_HEADER.length - 1)}${allRows.length}"/>` +
    `<sheetData>${rowsXml(allRows, 0, "")}</sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    "</worksheet>";

  // The relationship, of the type the workbook's other worksheets use (transitional or strict).
  const rels = relationships(text, wb);
  const sheetType = rels.find((r) => sheetPaths.includes(r.target))?.type ?? "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
  const ids = new Set(rels.map((r) => r.id));
  let k = rels.length + 1;
  while (ids.has(`rId${k}`)) k++;
  const id = `rId${k}`;
  const wbFolder = wb.slice(0, wb.lastIndexOf("/") + 1);
  const target = path.startsWith(wbFolder) ? path.slice(wbFolder.length) : `/${path}`;
  const relsName = relsOf(wb);
  const relsXml = text(relsName);
  if (relsXml === null) throw new ZipError("corrupt", "the workbook's relationships are missing");
  const rp = rootPrefix(relsXml, "Relationships");
  put(relsName, insertBefore(relsXml, `</${rp}Relationships>`, `<${rp}Relationship Id="${id}" Type="${escapeXml(sheetType)}" Target="${escapeXml(target)}"/>`));

  // Its content type, as the other worksheets declare theirs.
  const typesXml = text("[Content_Types].xml");
  if (typesXml === null) throw new ZipError("corrupt", "the content types are missing");
  const tp = rootPrefix(typesXml, "Types");
  const sheetCt =
    (typesXml.match(/<(?:\w+:)?Override\b[^>]*>/g) ?? []).map((tag) => attr(tag, "ContentType") ?? "").find((ct) => /worksheet\+xml$/.test(ct)) ??
    "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  put("[Content_Types].xml", insertBefore(typesXml, `</${tp}Types>`, `<${tp}Override PartName="/${escapeXml(path)}" ContentType="${escapeXml(sheetCt)}"/>`));

  // The sheet, last and hidden, with the next sheet id.
  const p = rootPrefix(wbXml, "workbook");
  const sheetTags = wbXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [];
  const nextId = Math.max(0, ...sheetTags.map((t) => Number(attr(t, "sheetId") ?? 0))) + 1;
  const ns = /xmlns:(\w+)="[^"]*\/relationships"/.exec(wbXml);
  const rid = ns ? `${ns[1]}:id="${id}"` : `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="${id}"`;
  put(wb, insertBefore(wbXml, `</${p}sheets>`, `<${p}sheet name="${HISTORY_SHEET}" sheetId="${nextId}" state="hidden" ${rid}/>`));

  parts.add(path, sheetXml, wb);
  return parts.write();
}

function insertBefore(xml: string, closing: string, addition: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0) throw new ZipError("corrupt", `no ${closing} in a part of the workbook`);
  return xml.slice(0, at) + addition + xml.slice(at);
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Texts without the characters XML 1.0 refuses. */
function xmlText(s: string): string {
  return escapeXml(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ""));
}

/** Rows as SpreadsheetML, the first at 0-based sheet row `start`; blanks are left out. */
function rowsXml(rows: readonly (readonly CellValue[])[], start: number, p: string): string {
  let xml = "";
  rows.forEach((row, i) => {
    const r = start + i + 1;
    xml += `<${p}row r="${r}">`;
    row.forEach((v, c) => {
      const ref = `${columnLetters(c)}${r}`;
      if (v === null || v === "") return;
      if (typeof v === "number") xml += `<${p}c r="${ref}"><${p}v>${String(v)}</${p}v></${p}c>`;
      else if (typeof v === "boolean") xml += `<${p}c r="${ref}" t="b"><${p}v>${v ? 1 : 0}</${p}v></${p}c>`;
      else xml += `<${p}c r="${ref}" t="inlineStr"><${p}is><${p}t xml:space="preserve">${xmlText(v)}</${p}t></${p}is></${p}c>`;
    });
    xml += `</${p}row>`;
  });
  return xml;
}

/** The rows appended to a worksheet part, after its last row (never among its rows). */
function appendRows(xml: string, rows: readonly (readonly CellValue[])[], nextRow: number): string {
  const p = rootPrefix(xml, "worksheet");
  let last = 0;
  for (const m of xml.matchAll(/<(?:\w+:)?row\b[^>]*?\sr="(\d+)"/g)) last = Math.max(last, Number(m[1]));
  const start = Math.max(nextRow, last);
  const added = rowsXml(rows, start, p);
  let out: string;
  const close = xml.lastIndexOf(`</${p}sheetData>`);
  if (close >= 0) out = xml.slice(0, close) + added + xml.slice(close);
  else {
    const empty = new RegExp(`<${p}sheetData\\s*/>`).exec(xml);
    if (!empty) throw new ZipError("corrupt", "a worksheet part has no sheetData");
    out = xml.slice(0, empty.index) + `<${p}sheetData>${added}</${p}sheetData>` + xml.slice(empty.index + empty[0].length);
  }
  const end = start + rows.length;
  out = out.replace(new RegExp(`<${p}dimension\\b[^>]*/>`), `<${p}dimension ref="A1:${columnLetters(HISTORY_HEADER.length - 1)}${end}"/>`);
  // A hidden sheet must not be the selected tab.
  return out.replace(/(<(?:\w+:)?sheetView\b[^>]*?)\stabSelected="(?:1|true)"/, "$1");
}

/** The workbook part with the sheet hidden (again), and the active tab moved off it. */
function hideSheet(wbXml: string, sheet: string): string {
  const tags = wbXml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? [];
  const index = tags.findIndex((t) => attr(t, "name") === sheet);
  const tag = tags[index];
  if (!tag) throw new ZipError("corrupt", `sheet ${sheet} not found in the workbook`);
  const hidden = /\sstate="/.test(tag) ? tag.replace(/\sstate="[^"]*"/, ' state="hidden"') : tag.replace(/^(<[\w:]+)/, '$1 state="hidden"');
  let out = wbXml.replace(tag, hidden);
  const view = /<(?:\w+:)?workbookView\b[^>]*>/.exec(out);
  if (view && Number(attr(view[0], "activeTab") ?? 0) === index) {
    const first = tags.findIndex((t, i) => i !== index && !/\sstate="(?:hidden|veryHidden)"/.test(t));
    const to = ` activeTab="${Math.max(first, 0)}"`;
    const moved = /\sactiveTab="/.test(view[0]) ? view[0].replace(/\sactiveTab="\d+"/, to) : view[0].replace(/^(<[\w:]+)/, `$1${to}`);
    out = out.replace(view[0], moved);
  }
  return out;
}
