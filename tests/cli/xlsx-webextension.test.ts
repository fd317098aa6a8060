/**
 * @jest-environment jsdom
 *
 * The web extension part the CLI adds to the workbooks it writes ("Automatically open a task
 * pane with a document", Microsoft's docs): every part well-formed XML, the right content
 * types and relationships, the manifest's Id and version, and the file still a workbook for
 * ExcelJS and LibreOffice. jsdom gives the DOMParser (well-formedness and namespaces).
 */
import ExcelJS from "exceljs";
import { readFileSync } from "fs";
import { join } from "path";
import { addWebExtension, ADDIN_ID, ADDIN_VERSION, CT_TASKPANES, CT_WEBEXTENSION, REL_TASKPANES, REL_WEBEXTENSION } from "../../src/cli/xlsx-webextension";
import { writeXlsx } from "../../src/cli/xlsx-write";
import { entryData, readZip } from "../../src/cli/zip";
import { parsePlan } from "../../src/core/plan/parse";
import { buildWorkbook } from "../../src/core/workbook/build";
import { hasLibreOffice, xlsxToCsvSheets } from "../support/libreoffice";

const ROOT = join(__dirname, "../..");
const spec = buildWorkbook(parsePlan(readFileSync(join(ROOT, "seeds/000_30336ea7c660fe63.txt"), "utf8")));
const WE = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const WETP = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function parts(xlsx: Buffer): Map<string, string> {
  return new Map(readZip(xlsx).map((e) => [e.name, entryData(e).toString("utf8")]));
}

/** Parses XML, failing on anything not well-formed (DOMParser reports errors as a document). */
function xml(text: string | undefined, what: string): Document {
  expect([what, typeof text]).toEqual([what, "string"]);
  const doc = new DOMParser().parseFromString(text as string, "application/xml");
  expect([what, doc.getElementsByTagName("parsererror").length]).toEqual([what, 0]);
  return doc;
}

describe("writeXlsx adds the add-in's web extension part", () => {
  let files: Map<string, string>;
  /** The same workbook without the part. */
  let plainBytes: Buffer;
  beforeAll(async () => {
    files = parts(await writeXlsx(spec));
    plainBytes = await writeXlsx(spec, { webExtension: false });
  });

  test("the manifest's Id and Version are the ones referenced", () => {
    const manifest = readFileSync(join(ROOT, "manifest.xml"), "utf8");
    expect(manifest).toContain(`<Id>${ADDIN_ID}</Id>`);
    expect(manifest).toContain(`<Version>${ADDIN_VERSION}</Version>`);
    // And the manifest names the pane Excel opens with such a document.
    expect(manifest).toMatch(/<Action xsi:type="ShowTaskpane">\s*<TaskpaneId>Office\.AutoShowTaskpaneWithDocument<\/TaskpaneId>/);
  });

  test("webextension1.xml: the add-in from Centralized Deployment, with AutoShowTaskpaneWithDocument = true", () => {
    const doc = xml(files.get("xl/webextensions/webextension1.xml"), "webextension1.xml");
    expect(doc.documentElement.namespaceURI).toBe(WE);
    expect(doc.documentElement.localName).toBe("webextension");
    expect(doc.documentElement.getAttribute("id")).toMatch(/^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/);
    const ref = doc.getElementsByTagNameNS(WE, "reference");
    expect(ref).toHaveLength(1);
    expect(["id", "version", "store", "storeType"].map((a) => ref[0].getAttribute(a))).toEqual([ADDIN_ID, ADDIN_VERSION, "EXCatalog", "EXCatalog"]);
    const props = Array.from(doc.getElementsByTagNameNS(WE, "property")).map((p) => [p.getAttribute("name"), p.getAttribute("value")]);
    expect(props).toEqual([["Office.AutoShowTaskpaneWithDocument", "true"]]);
    // The children the documented example has, in its order.
    expect(Array.from(doc.documentElement.children).map((c) => c.localName)).toEqual(["reference", "alternateReferences", "properties", "bindings", "snapshot"]);
  });

  test("taskpanes.xml: one pane docked right, not forced open where the add-in is not installed (visibility 0), pointing at webextension1.xml", () => {
    const doc = xml(files.get("xl/webextensions/taskpanes.xml"), "taskpanes.xml");
    expect([doc.documentElement.namespaceURI, doc.documentElement.localName]).toEqual([WETP, "taskpanes"]);
    const panes = doc.getElementsByTagNameNS(WETP, "taskpane");
    expect(panes).toHaveLength(1);
    expect([panes[0].getAttribute("dockstate"), panes[0].getAttribute("visibility")]).toEqual(["right", "0"]);
    const ref = panes[0].getElementsByTagNameNS(WETP, "webextensionref")[0];
    const rid = ref.getAttributeNS(R, "id");
    const rels = xml(files.get("xl/webextensions/_rels/taskpanes.xml.rels"), "taskpanes.xml.rels");
    const rel = Array.from(rels.getElementsByTagNameNS(PKG_RELS, "Relationship")).find((r) => r.getAttribute("Id") === rid);
    expect([rel?.getAttribute("Type"), rel?.getAttribute("Target")]).toEqual([REL_WEBEXTENSION, "webextension1.xml"]);
  });

  test("the package points at the task panes, and both parts have their content types", () => {
    const rels = xml(files.get("_rels/.rels"), ".rels");
    const list = Array.from(rels.getElementsByTagNameNS(PKG_RELS, "Relationship"));
    const pane = list.filter((r) => r.getAttribute("Type") === REL_TASKPANES);
    expect(pane.map((r) => r.getAttribute("Target"))).toEqual(["xl/webextensions/taskpanes.xml"]);
    // Relationship ids stay unique.
    const ids = list.map((r) => r.getAttribute("Id"));
    expect(new Set(ids).size).toBe(ids.length);
    // The workbook itself is still the package's office document.
    expect(list.some((r) => r.getAttribute("Target") === "xl/workbook.xml")).toBe(true);
    const types = xml(files.get("[Content_Types].xml"), "[Content_Types].xml");
    const overrides = new Map(Array.from(types.getElementsByTagNameNS(CT, "Override")).map((o) => [o.getAttribute("PartName"), o.getAttribute("ContentType")]));
    expect(overrides.get("/xl/webextensions/taskpanes.xml")).toBe(CT_TASKPANES);
    expect(overrides.get("/xl/webextensions/webextension1.xml")).toBe(CT_WEBEXTENSION);
    expect(overrides.get("/xl/workbook.xml")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml");
    // Every part in the package is well-formed XML.
    for (const [name, text] of files) if (/\.(xml|rels)$/.test(name)) xml(text, name);
  });

  test("other catalogues: a shared folder (FileSystem with its path) and a sideloaded add-in (Registry)", () => {
    const share = parts(addWebExtension(plainBytes, { store: { storeType: "FileSystem", store: "\\\\server\\addins & co" } }));
    const ref = xml(share.get("xl/webextensions/webextension1.xml"), "we").getElementsByTagNameNS(WE, "reference")[0];
    expect([ref.getAttribute("store"), ref.getAttribute("storeType")]).toEqual(["\\\\server\\addins & co", "FileSystem"]);
    const dev = parts(addWebExtension(plainBytes, { store: { storeType: "Registry" } }));
    const devRef = xml(dev.get("xl/webextensions/webextension1.xml"), "we").getElementsByTagNameNS(WE, "reference")[0];
    expect([devRef.getAttribute("store"), devRef.getAttribute("storeType")]).toEqual(["developer", "Registry"]);
  });

  test("webExtension: false writes none; a package that already has one is left as it is", async () => {
    expect([...parts(plainBytes).keys()].filter((n) => n.includes("webextension"))).toEqual([]);
    const once = addWebExtension(plainBytes);
    expect(addWebExtension(once).equals(once)).toBe(true);
  });

  test("ExcelJS still reads every sheet", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeXlsx(spec)) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["A", "B", "C", "Albero", "Impostazioni"]);
  });
});

const withLibreOffice = hasLibreOffice() ? test : test.skip;
withLibreOffice(
  "LibreOffice opens the file with the web extension part and shows the same cells as without it",
  async () => {
    const [withPart, without] = [await xlsxToCsvSheets(await writeXlsx(spec)), await xlsxToCsvSheets(await writeXlsx(spec, { webExtension: false }))];
    expect([...withPart.keys()].sort()).toEqual(["A", "Albero", "B", "C", "Impostazioni"]);
    expect(withPart).toEqual(without);
    expect((withPart.get("B") as string[][])[1][0]).toBe("B.1");
  },
  240_000,
);
