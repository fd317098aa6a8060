#!/usr/bin/env node
/*
 * `npm run validate`: checks manifest.xml without a network.
 *
 * Microsoft's `office-addin-manifest validate` posts the manifest to a web service, so it
 * cannot run offline. This script does two things instead:
 *  1. structural checks the schema cannot express: every resid points to a resource of the
 *     right kind, ids are unique, every URL is https on one origin, the files those URLs
 *     name exist in dist/ (when dist/ exists), the shared-runtime pieces are in place;
 *  2. XML Schema validation with xmllint against ../shared/office-manifest-xsd (the 2020
 *     XSDs patched to know <Runtimes>), when that folder exists; CI has it.
 *
 * Usage: node scripts/validate-manifest.js [manifest.xml] [--dist <dir>] [--xsd <dir>]
 * Exit code 0 when valid, 1 otherwise.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const ROOT = path.resolve(__dirname, "..");
const DEFAULT_XSD_DIR = path.resolve(ROOT, "..", "shared", "office-manifest-xsd");
const XSD_FILE = "OfficeAppManifestV1_1.xsd";

// ------------------------------------------------------------------ a minimal XML reader
// The manifest is plain XML (no DTD, no entities beyond the predefined ones), so a small
// reader is enough and keeps the script free of dependencies.

/**
 * Parses XML into `{ name, attrs, children, text, line }` elements; `name` keeps its prefix.
 * Throws an Error with the line number on malformed input.
 */
function parseXml(xml) {
  const root = { name: "#document", attrs: {}, children: [], text: "", line: 1 };
  const stack = [root];
  const lineAt = (i) => xml.slice(0, i).split("\n").length;
  const decode = (s) =>
    s.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_, e) =>
      e === "lt" ? "<" : e === "gt" ? ">" : e === "amp" ? "&" : e === "quot" ? '"' : e === "apos" ? "'"
        : String.fromCodePoint(e[1] === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)),
    );
  let i = 0;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const top = stack[stack.length - 1];
    if (lt < 0) {
      if (xml.slice(i).trim()) throw new Error(`line ${lineAt(i)}: text after the root element`);
      break;
    }
    top.text += decode(xml.slice(i, lt));
    if (xml.startsWith("<!--", lt)) {
      const end = xml.indexOf("-->", lt + 4);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated comment`);
      i = end + 3;
    } else if (xml.startsWith("<?", lt)) {
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated processing instruction`);
      i = end + 2;
    } else if (xml.startsWith("<![CDATA[", lt)) {
      const end = xml.indexOf("]]>", lt);
      if (end < 0) throw new Error(`line ${lineAt(lt)}: unterminated CDATA`);
      top.text += xml.slice(lt + 9, end);
      i = end + 3;
    } else if (xml.startsWith("<!", lt)) {
      throw new Error(`line ${lineAt(lt)}: DTDs are not expected in a manifest`);
    } else if (xml[lt + 1] === "/") {
      const end = xml.indexOf(">", lt);
      const name = xml.slice(lt + 2, end).trim();
      if (stack.length < 2 || top.name !== name) {
        throw new Error(`line ${lineAt(lt)}: </${name}> does not close <${top.name}>`);
      }
      stack.pop();
      i = end + 1;
    } else {
      const m = /^<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/.exec(xml.slice(lt));
      if (!m) throw new Error(`line ${lineAt(lt)}: malformed tag`);
      const attrs = {};
      for (const a of m[2].matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
        if (a[1] in attrs) throw new Error(`line ${lineAt(lt)}: attribute ${a[1]} repeated`);
        attrs[a[1]] = decode(a[2] ?? a[3]);
      }
      const el = { name: m[1], attrs, children: [], text: "", line: lineAt(lt) };
      if (stack.length === 1 && root.children.length > 0) throw new Error(`line ${el.line}: a second root element`);
      top.children.push(el);
      if (!m[3]) stack.push(el);
      i = lt + m[0].length;
    }
  }
  if (stack.length > 1) throw new Error(`<${stack[stack.length - 1].name}> is never closed`);
  if (root.children.length !== 1) throw new Error("no root element");
  return root.children[0];
}

const local = (name) => name.slice(name.indexOf(":") + 1);

function* walk(el, parents = []) {
  yield [el, parents];
  for (const c of el.children) yield* walk(c, [...parents, el]);
}

const childrenNamed = (el, name) => el.children.filter((c) => local(c.name) === name);
const firstNamed = (el, name) => {
  for (const [e] of walk(el)) if (local(e.name) === name) return e;
  return undefined;
};

// ------------------------------------------------------------------ the checks

/** Which kind of resource each referring element needs. */
const RESID_KIND = {
  Image: "Image",
  SourceLocation: "Url",
  FunctionFile: "Url",
  LearnMoreUrl: "Url",
  Runtime: "Url",
  Label: "ShortString",
  Title: "ShortString",
  Namespace: "ShortString",
  Description: "LongString",
};
const RESOURCE_GROUPS = { Images: "Image", Urls: "Url", ShortStrings: "ShortString", LongStrings: "LongString" };

/**
 * Structural checks of a manifest's text. Returns a list of problems (empty when fine).
 * @param {string} xml the manifest
 * @param {{ distDir?: string|null }} options distDir: also check that every URL's file exists there
 * @example checkManifest(fs.readFileSync("manifest.xml", "utf8"), { distDir: "dist" }) // []
 */
function checkManifest(xml, options = {}) {
  const problems = [];
  let doc;
  try {
    doc = parseXml(xml);
  } catch (e) {
    return [`not well-formed XML: ${e.message}`];
  }
  const at = (el) => `line ${el.line}`;
  if (local(doc.name) !== "OfficeApp" || doc.attrs["xsi:type"] !== "TaskPaneApp") {
    problems.push("the root must be <OfficeApp xsi:type=\"TaskPaneApp\">");
  }
  const text = (name) => (childrenNamed(doc, name)[0] || { text: "" }).text.trim();
  if (!/^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/.test(text("Id"))) {
    problems.push("<Id> must be a GUID");
  }
  if (!/^\d+(\.\d+){0,3}$/.test(text("Version"))) problems.push("<Version> must look like 1.0.0.0");
  if (text("Permissions") !== "ReadWriteDocument") {
    problems.push(`<Permissions> must be ReadWriteDocument, found "${text("Permissions")}"`);
  }
  const sets = [...walk(doc)].map(([e]) => e).filter((e) => local(e.name) === "Set");
  if (!sets.some((s) => s.attrs.Name === "SharedRuntime" && s.attrs.MinVersion === "1.1")) {
    problems.push("<Requirements> must ask for SharedRuntime 1.1");
  }

  // Resources: unique ids, by kind.
  const resources = new Map();
  const resourceEl = firstNamed(doc, "Resources");
  if (!resourceEl) problems.push("<Resources> is missing");
  for (const group of resourceEl ? resourceEl.children : []) {
    const kind = RESOURCE_GROUPS[local(group.name)];
    for (const r of group.children) {
      const id = r.attrs.id;
      if (!id) problems.push(`${at(r)}: resource without id`);
      else if (resources.has(id)) problems.push(`${at(r)}: resource id "${id}" is defined twice`);
      else resources.set(id, { kind, el: r });
    }
  }

  // Every resid resolves, to the right kind; every resource is used.
  const used = new Set();
  for (const [el] of walk(doc)) {
    const resid = el.attrs.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const res = resources.get(resid);
    const want = RESID_KIND[local(el.name)];
    if (!res) problems.push(`${at(el)}: <${el.name} resid="${resid}"> names no resource`);
    else if (want && res.kind !== want) {
      problems.push(`${at(el)}: <${el.name} resid="${resid}"> needs a ${want} resource, "${resid}" is a ${res.kind}`);
    }
  }
  for (const id of resources.keys()) if (!used.has(id)) problems.push(`resource "${id}" is never used`);

  // Control, group and tab ids unique (Office rejects duplicates at sideload).
  const controlIds = new Map();
  for (const [el, parents] of walk(doc)) {
    if (el.attrs.id === undefined || parents.some((p) => local(p.name) === "Resources")) continue;
    if (controlIds.has(el.attrs.id)) problems.push(`${at(el)}: id "${el.attrs.id}" is also used at line ${controlIds.get(el.attrs.id)}`);
    else controlIds.set(el.attrs.id, el.line);
  }

  // URLs: https, one origin, files present in dist/.
  const urls = [];
  for (const [el, parents] of walk(doc)) {
    for (const [attr, value] of Object.entries(el.attrs)) {
      if (/^(DefaultValue|Value)$/.test(attr) && /^[a-z]+:\/\//i.test(value)) urls.push({ el, value });
    }
    if (local(el.name) === "AppDomain" && parents.length) urls.push({ el, value: el.text.trim() });
  }
  const origins = new Set();
  for (const { el, value } of urls) {
    let u;
    try {
      u = new URL(value);
    } catch {
      problems.push(`${at(el)}: "${value}" is not a URL`);
      continue;
    }
    if (u.protocol !== "https:") problems.push(`${at(el)}: "${value}" is not https`);
    origins.add(u.origin);
    if (options.distDir && u.pathname !== "/") {
      const file = path.join(options.distDir, decodeURIComponent(u.pathname.slice(1)));
      if (!fs.existsSync(file)) problems.push(`${at(el)}: "${value}" names ${path.relative(process.cwd(), file)}, which the build did not produce`);
    }
  }
  if (origins.size > 1) problems.push(`URLs use ${origins.size} origins (${[...origins].join(", ")}); use one`);

  // The shared runtime: one page for the functions, the pane and the ribbon.
  const runtime = firstNamed(doc, "Runtime");
  if (!runtime || runtime.attrs.lifetime !== "long") problems.push('<Runtime lifetime="long"> is missing');
  const functionFile = firstNamed(doc, "FunctionFile");
  const page = firstNamed(doc, "Page");
  const pageUrl = page && childrenNamed(page, "SourceLocation")[0];
  const shared = runtime && runtime.attrs.resid;
  if (!functionFile || functionFile.attrs.resid !== shared || !pageUrl || pageUrl.attrs.resid !== shared) {
    problems.push("the Runtime, the custom functions' <Page> and <FunctionFile> must name the same page");
  }
  return problems;
}

/**
 * Validates a manifest file against the XSD with xmllint.
 * @returns {{ status: "valid"|"invalid"|"skipped", output: string }}
 */
function schemaCheck(manifestPath, xsdDir = DEFAULT_XSD_DIR) {
  const xsd = path.join(xsdDir, XSD_FILE);
  if (!fs.existsSync(xsd)) return { status: "skipped", output: `no ${xsd} (CI provides ../shared/office-manifest-xsd)` };
  const r = spawnSync("xmllint", ["--noout", "--schema", xsd, manifestPath], { encoding: "utf8" });
  if (r.error) {
    return { status: "invalid", output: `cannot run xmllint (${r.error.code}): install libxml2-utils` };
  }
  return { status: r.status === 0 ? "valid" : "invalid", output: `${r.stdout}${r.stderr}`.trim() };
}

function main(argv) {
  const args = [...argv];
  const opt = (name) => {
    const i = args.indexOf(name);
    return i < 0 ? undefined : args.splice(i, 2)[1];
  };
  const distArg = opt("--dist");
  const xsdDir = opt("--xsd") || DEFAULT_XSD_DIR;
  const manifest = path.resolve(args[0] || path.join(ROOT, "manifest.xml"));
  const distDir = path.resolve(distArg || path.join(ROOT, "dist"));
  const checkDist = fs.existsSync(distDir);

  const problems = checkManifest(fs.readFileSync(manifest, "utf8"), { distDir: checkDist ? distDir : null });
  const name = path.relative(process.cwd(), manifest) || manifest;
  for (const p of problems) console.error(`${name}: ${p}`);
  console.log(
    problems.length === 0
      ? `${name}: structure ok${checkDist ? ` (files checked in ${path.relative(process.cwd(), distDir) || "."})` : " (dist/ not built: files not checked)"}`
      : `${name}: ${problems.length} structural problem(s)`,
  );
  const schema = schemaCheck(manifest, xsdDir);
  if (schema.status === "skipped") console.log(`${name}: schema check skipped: ${schema.output}`);
  else if (schema.status === "valid") console.log(`${name}: schema ok (xmllint, ${XSD_FILE})`);
  else console.error(`${name}: schema check failed:\n${schema.output}`);
  return problems.length === 0 && schema.status !== "invalid" ? 0 : 1;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));

module.exports = { parseXml, checkManifest, schemaCheck, DEFAULT_XSD_DIR };
