import { editParts } from "./zip-edit";

/**
 * The add-in's web extension part, added to the workbooks the CLI writes, so that Excel where
 * the add-in is deployed opens its pane with the file. Documented by Microsoft in "Automatically
 * open a task pane with a document" (office-js-docs-pr, docs/develop/automatically-open-a-task-
 * pane-with-a-document.md) and [MS-OWEXML]; the parts are:
 * - `xl/webextensions/webextension1.xml`: a reference to the add-in (the manifest's `<Id>` and
 *   `<Version>`, and the catalogue it comes from) and the property
 *   `Office.AutoShowTaskpaneWithDocument = true`;
 * - `xl/webextensions/taskpanes.xml` with `_rels/taskpanes.xml.rels`: one pane docked right;
 * - a package relationship (`_rels/.rels`, type `.../2011/relationships/webextensiontaskpanes`)
 *   and two content-type overrides.
 * The manifest's ShowTaskpane action has `TaskpaneId` `Office.AutoShowTaskpaneWithDocument`,
 * which is how Excel knows which pane to open. `visibility="0"`: where the add-in is not
 * installed nothing is shown or asked (the documented behaviour); Excel ignores the part.
 */

/** The add-in's `<Id>` and `<Version>` in manifest.xml (tests/cli/xlsx-webextension.test.ts keeps them equal). */
export const ADDIN_ID = "547376e3-229c-43ac-9961-e2ec87b63275";
export const ADDIN_VERSION = "0.1.0.0";

/**
 * Where Excel finds the add-in, as the documentation's table gives `store`/`storeType`:
 * `EXCatalog` for Centralized Deployment from the Microsoft 365 admin centre (the usual way a
 * public body deploys), `FileSystem` with the share's path for a shared-folder catalogue,
 * `Registry` with `developer` for a sideloaded add-in.
 */
export type AddinStore =
  | { readonly storeType: "EXCatalog" }
  | { readonly storeType: "FileSystem"; readonly store: string }
  | { readonly storeType: "Registry" };

export interface WebExtensionOptions {
  readonly id?: string;
  readonly version?: string;
  readonly store?: AddinStore;
}

const WEBEXT_NS = "http://schemas.microsoft.com/office/webextensions/webextension/2010/11";
const TASKPANES_NS = "http://schemas.microsoft.com/office/webextensions/taskpanes/2010/11";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const REL_TASKPANES = "http://schemas.microsoft.com/office/2011/relationships/webextensiontaskpanes";
export const REL_WEBEXTENSION = "http://schemas.microsoft.com/office/2011/relationships/webextension";
export const CT_TASKPANES = "application/vnd.ms-office.webextensiontaskpanes+xml";
export const CT_WEBEXTENSION = "application/vnd.ms-office.webextension+xml";
/** The instance id of the web extension in the file (any GUID, fixed so the output is reproducible). */
const INSTANCE_ID = "{6F1E2C7A-3B5D-4E8F-9A10-2C4B6D8E0F12}";

const xmlAttr = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/"/g, "&quot;");

/**
 * The XML of the three new parts.
 * @example webExtensionParts({})["xl/webextensions/webextension1.xml"].includes('storeType="EXCatalog"') // true
 */
export function webExtensionParts(options: WebExtensionOptions): Record<string, string> {
  const store = options.store ?? { storeType: "EXCatalog" };
  const storeValue = store.storeType === "FileSystem" ? store.store : store.storeType === "Registry" ? "developer" : "EXCatalog";
  const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
  return {
    "xl/webextensions/webextension1.xml":
      `${head}<we:webextension xmlns:we="${WEBEXT_NS}" id="${INSTANCE_ID}">` +
      `<we:reference id="${xmlAttr(options.id ?? ADDIN_ID)}" version="${xmlAttr(options.version ?? ADDIN_VERSION)}" store="${xmlAttr(storeValue)}" storeType="${store.storeType}"/>` +
      `<we:alternateReferences/>` +
      `<we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/></we:properties>` +
      `<we:bindings/>` +
      `<we:snapshot xmlns:r="${R_NS}"/>` +
      `</we:webextension>`,
    "xl/webextensions/taskpanes.xml":
      `${head}<wetp:taskpanes xmlns:wetp="${TASKPANES_NS}">` +
      `<wetp:taskpane dockstate="right" visibility="0" width="350" row="0">` +
      `<wetp:webextensionref xmlns:r="${R_NS}" r:id="rId1"/>` +
      `</wetp:taskpane></wetp:taskpanes>`,
    "xl/webextensions/_rels/taskpanes.xml.rels":
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_WEBEXTENSION}" Target="webextension1.xml"/>` +
      `</Relationships>`,
  };
}

/** A relationship id not yet used in a .rels part (`rIdWe1`, `rIdWe2`, ...). */
function freeId(rels: string): string {
  for (let i = 1; ; i++) if (!rels.includes(`Id="rIdWe${i}"`)) return `rIdWe${i}`;
}

/**
 * Adds the web extension parts to an .xlsx package (bytes from ExcelJS or any writer). A
 * package that already has a `xl/webextensions/` part is returned unchanged: it belongs to
 * someone else, and two task-pane parts would conflict.
 * @example const withPane = addWebExtension(await writeXlsx(spec));
 */
export function addWebExtension(xlsx: Buffer, options: WebExtensionOptions = {}): Buffer {
  const parts = editParts(xlsx);
  if (parts.names.some((n) => n.startsWith("xl/webextensions/"))) return xlsx;
  const typesXml = parts.text("[Content_Types].xml");
  const relsXml = parts.text("_rels/.rels");
  if (typesXml === null || relsXml === null) throw new Error("not an Open XML package: [Content_Types].xml or _rels/.rels is missing");
  parts.put(
    "[Content_Types].xml",
    typesXml.replace(
      "</Types>",
      `<Override PartName="/xl/webextensions/taskpanes.xml" ContentType="${CT_TASKPANES}"/>` +
        `<Override PartName="/xl/webextensions/webextension1.xml" ContentType="${CT_WEBEXTENSION}"/></Types>`,
    ),
  );
  parts.put(
    "_rels/.rels",
    relsXml.replace("</Relationships>", `<Relationship Id="${freeId(relsXml)}" Type="${REL_TASKPANES}" Target="xl/webextensions/taskpanes.xml"/></Relationships>`),
  );
  for (const [name, xml] of Object.entries(webExtensionParts(options))) parts.add(name, xml, "[Content_Types].xml");
  return parts.write();
}
