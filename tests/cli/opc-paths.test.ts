import { relsOf, resolvePart } from "../../src/cli/opc-paths";

// The streaming reader and the XML-level writers (marks, Storico) each had a copy of these;
// the writers' copy took an absolute target as it was (`/xl/./styles.xml` -> `xl/./styles.xml`,
// a name no ZIP entry has), the reader's normalised it. The one kept is the reader's: the part
// a writer changes must be the part the reader read.
describe("resolvePart", () => {
  it("resolves a relative target against the naming part's folder", () => {
    expect(resolvePart("xl/workbook.xml", "worksheets/sheet1.xml")).toBe("xl/worksheets/sheet1.xml");
    expect(resolvePart("xl/worksheets/sheet1.xml", "../drawings/drawing1.xml")).toBe("xl/drawings/drawing1.xml");
    expect(resolvePart("", "xl/workbook.xml")).toBe("xl/workbook.xml");
  });

  it("takes an absolute target from the package root, normalised like a relative one", () => {
    expect(resolvePart("xl/workbook.xml", "/xl/styles.xml")).toBe("xl/styles.xml");
    expect(resolvePart("xl/workbook.xml", "/xl/./styles.xml")).toBe("xl/styles.xml");
    expect(resolvePart("xl/workbook.xml", "/xl/theme/../styles.xml")).toBe("xl/styles.xml");
  });
});

describe("relsOf", () => {
  it("names the relationships part beside a part, and the package's own", () => {
    expect(relsOf("xl/workbook.xml")).toBe("xl/_rels/workbook.xml.rels");
    expect(relsOf("")).toBe("_rels/.rels");
  });
});
