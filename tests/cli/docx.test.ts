/**
 * The .docx reader on files built here (tests/fixtures/plans/docx.ts writes the OOXML by
 * hand), and on parts that Word writes in other ways: roman and letter numbering, styles
 * based on heading styles, nested tables, damaged archives.
 */
import JSZip from "jszip";
import { DocxError, isDocx, readDocx } from "../../src/cli/docx";
import { buildDocx } from "../fixtures/plans/docx";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

async function zipOf(parts: Record<string, string>): Promise<Buffer> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(parts)) zip.file(name, text);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
const body = (xml: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${xml}</w:body></w:document>`;
const para = (text: string, pPr = "") => `<w:p><w:pPr>${pPr}</w:pPr><w:r><w:t>${text}</w:t></w:r></w:p>`;

describe("readDocx", () => {
  test("styles (Italian ids, based-on), outline levels, numbering, tab characters vs tab stops, entities", async () => {
    const bytes = await buildDocx([
      { p: "Titolo del piano", style: "Titolo1" },
      { p: "Sotto", style: "ObiettivoPIAO" }, // based on Titolo2
      { p: "Per livello", outline: 2 },
      { p: "Primo", num: { id: 1, level: 0 } },
      { p: "Secondo", num: { id: 1, level: 0 } },
      { p: "Figlio", num: { id: 1, level: 1 } },
      { p: "Terzo", num: { id: 1, level: 0 } },
      { p: "Punto", num: { id: 2, level: 0 } },
      { p: "a\tb & <c>", tabs: true },
    ]);
    expect(isDocx(bytes)).toBe(true);
    expect(readDocx(bytes).blocks).toEqual([
      { type: "paragraph", text: "Titolo del piano", level: 1 },
      { type: "paragraph", text: "Sotto", level: 2 },
      { type: "paragraph", text: "Per livello", level: 3 },
      { type: "paragraph", text: "1. Primo", level: null },
      { type: "paragraph", text: "2. Secondo", level: null },
      { type: "paragraph", text: "2.1 Figlio", level: null },
      { type: "paragraph", text: "3. Terzo", level: null }, // the deeper level restarts below it
      { type: "paragraph", text: "- Punto", level: null },
      { type: "paragraph", text: "a\tb & <c>", level: null },
    ]);
  });

  test("tables: spans give empty cells after the merged one, cell paragraphs are joined, nested tables join their cell", async () => {
    const nested = `<w:tbl><w:tr><w:tc>${para("dentro")}</w:tc><w:tc>${para("anche")}</w:tc></w:tr></w:tbl>`;
    const xml = body(
      `<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val="3"/></w:tcPr>${para("Titolo")}</w:tc></w:tr>` +
        `<w:tr><w:tc>${para("a")}${para("b")}</w:tc><w:tc>${nested}</w:tc><w:tc>${para("c")}</w:tc></w:tr></w:tbl>` +
        para("dopo"),
    );
    const doc = readDocx(await zipOf({ "word/document.xml": xml }));
    expect(doc.blocks).toEqual([
      { type: "table", rows: [["Titolo", "", ""], ["a b", "dentro anche", "c"]] },
      { type: "paragraph", text: "dopo", level: null },
    ]);
  });

  test("roman and letter numbering, a start value, heading style ids without styles.xml", async () => {
    const numbering = `<?xml version="1.0"?><w:numbering ${W}>
      <w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="4"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1 -"/></w:lvl>
      <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%2)"/></w:lvl></w:abstractNum>
      <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>`;
    const num = (lvl: number) => `<w:numPr><w:ilvl w:val="${lvl}"/><w:numId w:val="3"/></w:numPr>`;
    const xml = body(para("Area", `<w:pStyle w:val="Heading1"/>${num(0)}`) + para("voce", num(1)) + para("voce", num(1)) + para("Area", num(0)));
    const doc = readDocx(await zipOf({ "word/document.xml": xml, "word/numbering.xml": numbering }));
    expect(doc.blocks.map((b) => (b.type === "paragraph" ? [b.text, b.level] : null))).toEqual([
      ["IV - Area", 1],
      ["a) voce", null],
      ["b) voce", null],
      ["V - Area", null],
    ]);
  });

  test("not a Word document, damaged XML, damaged archive", async () => {
    const xlsxLike = await zipOf({ "xl/workbook.xml": "<workbook/>" });
    expect(isDocx(xlsxLike)).toBe(false);
    expect(() => readDocx(xlsxLike)).toThrow(expect.objectContaining({ reason: "not_word" }));
    expect(() => readDocx(Buffer.from("testo"))).toThrow(DocxError);
    const badXml = await zipOf({ "word/document.xml": body("<w:p><w:r><w:t>aperto</w:r></w:p>") });
    expect(() => readDocx(badXml)).toThrow(expect.objectContaining({ reason: "damaged" }));
    const good = await buildDocx([{ p: "x" }]);
    const flipped = Buffer.from(good);
    // Corrupt the compressed bytes of word/document.xml, right after its name in its local header.
    const at = flipped.indexOf("word/document.xml") + "word/document.xml".length;
    for (let i = at + 4; i < at + 24; i++) flipped[i] ^= 0xff;
    expect(() => readDocx(flipped)).toThrow(expect.objectContaining({ reason: "damaged" }));
    expect(() => readDocx(good.subarray(0, good.length - 30))).toThrow(expect.objectContaining({ reason: "not_word" }));
  });
});
