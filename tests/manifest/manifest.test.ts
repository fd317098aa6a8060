/**
 * @jest-environment jsdom
 *
 * manifest.xml without a network. The XML is read with jsdom's DOMParser (independent of
 * scripts/validate-manifest.js, whose own checks are tested at the end), and validated
 * against the Office XSDs with xmllint where ../shared/office-manifest-xsd exists.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { spawnSync } from "child_process";

const ROOT = path.resolve(__dirname, "..", "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const XSD = path.resolve(ROOT, "..", "shared", "office-manifest-xsd", "OfficeAppManifestV1_1.xsd");
const BT = "http://schemas.microsoft.com/office/officeappbasictypes/1.0";
const OV = "http://schemas.microsoft.com/office/taskpaneappversionoverrides";
const APP = "http://schemas.microsoft.com/office/appforoffice/1.1";
const XSI = "http://www.w3.org/2001/XMLSchema-instance";

const xml = fs.readFileSync(MANIFEST, "utf8");
const doc = new DOMParser().parseFromString(xml, "application/xml");
const all = (ns: string, name: string) => Array.from(doc.getElementsByTagNameNS(ns, name));
const one = (ns: string, name: string) => {
  const found = all(ns, name);
  expect(found).toHaveLength(1);
  return found[0];
};
const elements = Array.from(doc.getElementsByTagName("*"));

/** id -> resource element, for each kind of bt: resource. */
const resources = new Map<string, { kind: string; el: Element }>();
for (const kind of ["Image", "Url", "String"]) {
  for (const el of all(BT, kind)) {
    if (el.parentElement?.localName === "Icon") continue; // <bt:Image size resid> inside <Icon> refers, does not define
    resources.set(el.getAttribute("id")!, { kind: kind === "String" ? el.parentElement!.localName : kind, el });
  }
}

describe("manifest.xml", () => {
  test("is well-formed XML", () => {
    expect(doc.getElementsByTagName("parsererror")).toHaveLength(0);
    expect(doc.documentElement.namespaceURI).toBe(APP);
    expect(doc.documentElement.localName).toBe("OfficeApp");
  });

  test("every resid resolves to a bt: resource of the right kind", () => {
    const kindFor: Record<string, string> = {
      Image: "Image",
      SourceLocation: "Url",
      FunctionFile: "Url",
      LearnMoreUrl: "Url",
      Runtime: "Url",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Namespace: "ShortStrings",
      Description: "LongStrings",
    };
    const refs = elements.filter((el) => el.hasAttribute("resid"));
    expect(refs.length).toBeGreaterThan(10);
    for (const el of refs) {
      const resid = el.getAttribute("resid")!;
      const res = resources.get(resid);
      expect([el.localName, resid, res ? "defined" : "missing"]).toEqual([el.localName, resid, "defined"]);
      expect([el.localName, resid, res!.kind]).toEqual([el.localName, resid, kindFor[el.localName]]);
    }
  });

  test("every resource is used", () => {
    const used = new Set(elements.map((el) => el.getAttribute("resid")).filter(Boolean));
    expect([...resources.keys()].filter((id) => !used.has(id))).toEqual([]);
  });

  test("resource ids and control ids are unique", () => {
    const resourceIds = [...all(BT, "Image"), ...all(BT, "Url"), ...all(BT, "String")]
      .map((el) => el.getAttribute("id"))
      .filter((id): id is string => id !== null);
    expect(new Set(resourceIds).size).toBe(resourceIds.length);
    const controlIds = elements
      .filter((el) => el.hasAttribute("id") && el.namespaceURI === OV)
      .map((el) => el.getAttribute("id"));
    expect(controlIds.length).toBeGreaterThanOrEqual(3);
    expect(new Set(controlIds).size).toBe(controlIds.length);
  });

  const urls = elements.flatMap((el) =>
    ["DefaultValue", "Value"].map((a) => el.getAttribute(a)).filter((v): v is string => !!v && /^\w+:\/\//.test(v)),
  );

  test("all URLs are https on one origin", () => {
    expect(urls.length).toBeGreaterThan(8);
    const origins = new Set(urls.map((u) => new URL(u).origin));
    expect([...origins]).toEqual(["https://localhost:3000"]);
  });

  test("every URL names a file the build produces in dist/", () => {
    const dist = path.join(ROOT, "dist");
    if (!fs.existsSync(dist)) throw new Error("dist/ is missing: run `npm run build` first (`npm test` builds before jest).");
    const missing = urls.map((u) => new URL(u).pathname.slice(1)).filter((p) => !fs.existsSync(path.join(dist, p)));
    expect(missing).toEqual([]);
  });

  test("asks for ReadWriteDocument and SharedRuntime 1.1", () => {
    expect(one(APP, "Permissions").textContent).toBe("ReadWriteDocument");
    const set = all(APP, "Set").find((s) => s.getAttribute("Name") === "SharedRuntime");
    expect(set?.getAttribute("MinVersion")).toBe("1.1");
  });

  test("is a shared runtime: one long-lived page for functions, pane and ribbon", () => {
    const runtime = one(OV, "Runtime");
    expect(runtime.getAttribute("lifetime")).toBe("long");
    const page = runtime.getAttribute("resid");
    expect(resources.get(page!)!.el.getAttribute("DefaultValue")).toBe("https://localhost:3000/taskpane.html");
    expect(one(OV, "FunctionFile").getAttribute("resid")).toBe(page);
    const cf = all(OV, "ExtensionPoint").find((e) => e.getAttributeNS(XSI, "type") === "CustomFunctions")!;
    const loc = (name: string) => cf.getElementsByTagNameNS(OV, name)[0].getElementsByTagNameNS(OV, "SourceLocation")[0].getAttribute("resid")!;
    expect(loc("Page")).toBe(page);
    expect(resources.get(loc("Script"))!.el.getAttribute("DefaultValue")).toMatch(/\/functions\.js$/);
    const metadata = resources.get(loc("Metadata"))!.el;
    expect(metadata.getAttribute("DefaultValue")).toMatch(/\/functions\.json$/);
    const overrides = Array.from(metadata.getElementsByTagNameNS(BT, "Override")).map((o) => [o.getAttribute("Locale"), o.getAttribute("Value")]);
    expect(overrides).toEqual([
      ["it-it", "https://localhost:3000/functions-it.json"],
      ["it-ch", "https://localhost:3000/functions-it.json"],
    ]);
    const ns = cf.getElementsByTagNameNS(OV, "Namespace")[0].getAttribute("resid")!;
    expect(resources.get(ns)!.el.getAttribute("DefaultValue")).toBe("KPI");
  });

  test("the ribbon button opens the task pane, labelled 'Performance plan' / 'Piano performance'", () => {
    const button = all(OV, "Control").find((c) => c.getAttributeNS(XSI, "type") === "Button")!;
    const action = button.getElementsByTagNameNS(OV, "Action")[0];
    expect(action.getAttributeNS(XSI, "type")).toBe("ShowTaskpane");
    const label = resources.get(button.getElementsByTagNameNS(OV, "Label")[0].getAttribute("resid")!)!.el;
    expect(label.getAttribute("DefaultValue")).toBe("Performance plan");
    expect(label.getElementsByTagNameNS(BT, "Override")[0].getAttribute("Value")).toBe("Piano performance");
  });

  test("user-visible texts have the same Italian override for it-it and it-ch (default locale en-US)", () => {
    expect(one(APP, "DefaultLocale").textContent).toBe("en-US");
    const italian = (o: Element[]) => {
      const byLocale = new Map(o.map((x) => [x.getAttribute("Locale"), x.getAttribute("Value")]));
      return { locales: o.map((x) => x.getAttribute("Locale")), same: byLocale.get("it-it") === byLocale.get("it-ch") };
    };
    for (const name of ["DisplayName", "Description"]) {
      const el = all(APP, name).find((e) => e.parentElement === doc.documentElement)!;
      const o = Array.from(el.getElementsByTagNameNS(APP, "Override"));
      expect([name, italian(o)]).toEqual([name, { locales: ["it-it", "it-ch"], same: true }]);
    }
    for (const s of all(BT, "String")) {
      if (s.getAttribute("id") === "Functions.Namespace") continue; // KPI in every language
      const o = Array.from(s.getElementsByTagNameNS(BT, "Override"));
      expect([s.getAttribute("id"), italian(o)]).toEqual([s.getAttribute("id"), { locales: ["it-it", "it-ch"], same: true }]);
    }
  });
});

describe("manifest.xml against the Office XSDs (xmllint)", () => {
  const haveXsd = fs.existsSync(XSD);
  if (!haveXsd) {
    console.warn(`Schema validation skipped: ${XSD} not found (CI provides ../shared/office-manifest-xsd).`);
  }
  const maybe = haveXsd ? test : test.skip;
  const xmllint = (file: string) => spawnSync("xmllint", ["--noout", "--schema", XSD, file], { encoding: "utf8" });

  maybe("validates", () => {
    const r = xmllint(MANIFEST);
    if (r.error) throw new Error(`xmllint cannot run (${r.error.message}): install libxml2-utils`);
    expect(`${r.stderr}`.trim()).toBe("manifest.xml validates".replace("manifest.xml", MANIFEST));
    expect(r.status).toBe(0);
  });

  maybe("rejects a manifest with an injected bogus element (the check can fail)", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "manifest-"));
    const bad = path.join(tmp, "manifest.xml");
    fs.writeFileSync(bad, xml.replace("<Permissions>", "<Bogus>1</Bogus>\n  <Permissions>"));
    try {
      const r = xmllint(bad);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/Bogus/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("scripts/validate-manifest.js (npm run validate)", () => {
  const { checkManifest } = require(path.join(ROOT, "scripts/validate-manifest.js")) as {
    checkManifest(xml: string, options?: { distDir?: string | null }): string[];
  };

  test("finds no problem in manifest.xml and the built files", () => {
    expect(checkManifest(xml, { distDir: path.join(ROOT, "dist") })).toEqual([]);
  });

  test.each([
    ["an unknown resid", xml.replace('<Label resid="Kpi.Group.Label"/>', '<Label resid="Kpi.Nope"/>'), /names no resource/],
    ["a resid of the wrong kind", xml.replace('<Label resid="Kpi.Group.Label"/>', '<Label resid="Taskpane.Url"/>'), /needs a ShortString/],
    ["a duplicate resource id", xml.replace('<bt:Image id="Icon.80x80"', '<bt:Image id="Icon.32x32"'), /defined twice/],
    ["a second origin", xml.replace("https://localhost:3000/assets/icon-16.png", "https://cdn.example.com/icon-16.png"), /2 origins/],
    ["plain http", xml.replace(/https:\/\/localhost:3000\//g, "http://localhost:3000/"), /not https/],
    ["a missing built file", xml.replace("assets/icon-80.png", "assets/icon-81.png"), /did not produce/],
    ["another permission", xml.replace("ReadWriteDocument", "ReadDocument"), /ReadWriteDocument/],
    ["no SharedRuntime", xml.replace('Name="SharedRuntime"', 'Name="ExcelApi"'), /SharedRuntime 1\.1/],
    ["a broken tag", xml.replace("</Permissions>", "</Permission>"), /not well-formed/],
  ])("reports %s", (_what, broken, problem) => {
    expect(checkManifest(broken, { distDir: path.join(ROOT, "dist") }).join("\n")).toMatch(problem);
  });
});
