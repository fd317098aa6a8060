/**
 * Security of what ships: the built task pane page (its Content-Security-Policy, no inline
 * script), the built bundles (no eval), the sources (no HTML built from strings, no network
 * request of the add-in's own) and the manifest (the one permission it needs). Offline: the
 * dependency audit is recorded in docs/security.md, not run here.
 */
import { readFileSync, readdirSync, statSync } from "fs";
import { join, relative } from "path";
import ts from "typescript";

const ROOT = join(__dirname, "../..");
const DIST = join(ROOT, "dist");
const OFFICE_CDN = "https://appsforoffice.microsoft.com";
/**
 * The Microsoft origins Office.js itself loads scripts from or reports to, as found in public
 * reports (OfficeDev/office-js#1005); src/taskpane/taskpane.html and docs/security.md cite them.
 */
const OFFICE_SCRIPT_ORIGINS = [OFFICE_CDN, "https://ajax.aspnetcdn.com", "https://browser.pipe.aria.microsoft.com"];
const OFFICE_CONNECT_ORIGINS = ["https://browser.pipe.aria.microsoft.com"];

function dist(name: string): string {
  const file = join(DIST, name);
  try {
    return readFileSync(file, "utf8");
  } catch {
    throw new Error(`dist/${name} is missing: run \`npm run build\` first (\`npm test\` builds before jest).`);
  }
}

// ------------------------------------------------------------------ the page's CSP

/** The policy's directives: name -> sources (lower-case names, sources as written). */
export function parseCsp(policy: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of policy.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name && !out.has(name.toLowerCase())) out.set(name.toLowerCase(), sources);
  }
  return out;
}

/** Attribute values of a tag, whatever the quoting (the build minifies the HTML). */
function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([^\s=<>/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    out.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return out;
}

function cspOf(html: string): Map<string, string[]> {
  const metas = [...html.matchAll(/<meta\b[^>]*>/gi)].map((m) => attributes(m[0])).filter((a) => (a.get("http-equiv") ?? "").toLowerCase() === "content-security-policy");
  expect(metas).toHaveLength(1);
  return parseCsp(metas[0].get("content") ?? "");
}

/** Sources that would let a script run that is not one of the page's own files or Office.js. */
const UNSAFE_SCRIPT_SOURCE = /^('unsafe-inline'|'unsafe-eval'|'unsafe-hashes'|'wasm-unsafe-eval'|'strict-dynamic'|'nonce-.*'|'sha(256|384|512)-.*'|\*|https?:|data:|blob:|filesystem:|http:\/\/.*)$/i;

describe("the built task pane page (dist/taskpane.html)", () => {
  let html: string;
  let csp: Map<string, string[]>;
  beforeAll(() => {
    html = dist("taskpane.html");
    csp = cspOf(html);
  });

  test("has a Content-Security-Policy whose scripts are only its own and Office.js's Microsoft origins", () => {
    const scripts = csp.get("script-src") ?? csp.get("default-src");
    expect(scripts).toBeDefined();
    for (const s of scripts as string[]) {
      expect([s, UNSAFE_SCRIPT_SOURCE.test(s)]).toEqual([s, false]);
      expect([s, s === "'self'" || OFFICE_SCRIPT_ORIGINS.includes(s)]).toEqual([s, true]);
    }
    expect(scripts).toContain(OFFICE_CDN);
    expect(scripts).toContain("'self'");
    // No directive may re-open scripts through a side door.
    for (const d of ["script-src-elem", "script-src-attr", "worker-src"]) {
      for (const s of csp.get(d) ?? []) expect([d, s, UNSAFE_SCRIPT_SOURCE.test(s)]).toEqual([d, s, false]);
    }
  });

  test("styles: the page's own file, plus the inline styles Office.js on the web applies (OfficeDev/office-js#1687)", () => {
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    // 'unsafe-inline' appears nowhere else: it must not open scripts.
    for (const [d, sources] of csp) if (d !== "style-src") expect([d, sources.includes("'unsafe-inline'")]).toEqual([d, false]);
  });

  test("the rest of the policy is closed: default 'self', no plug-ins, no <base>, connections only to itself and Office's telemetry", () => {
    expect(csp.get("default-src")).toBeDefined();
    for (const s of csp.get("default-src") as string[]) expect(["'self'", "'none'"]).toContain(s);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(["'none'", "'self'"]).toContain((csp.get("base-uri") ?? [])[0]);
    const connect = csp.get("connect-src") ?? csp.get("default-src") ?? [];
    for (const s of connect) expect(["'self'", "'none'", ...OFFICE_CONNECT_ORIGINS]).toContain(s);
  });

  test("has no inline script: every <script> loads a file, from the page's folder or Office's CDN", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      const src = attributes(attrs).get("src");
      expect(src).toBeDefined();
      expect(body.trim()).toBe("");
      const local = !/^[a-z][a-z0-9+.-]*:|^\/\//i.test(src as string);
      expect(local || (src as string).startsWith(`${OFFICE_CDN}/`)).toBe(true);
    }
    // Every <script ...> opened is one of those closed above.
    expect((html.match(/<script\b/gi) ?? []).length).toBe(scripts.length);
  });

  test("has no inline event handler, javascript: URL, inline style or <base>", () => {
    const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
    for (const tag of tags) {
      for (const name of attributes(tag).keys()) expect([tag, name.startsWith("on")]).toEqual([tag, false]);
      expect(tag).not.toMatch(/\sstyle\s*=/i);
    }
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/<base\b/i);
  });

  test("the help page has no script at all", () => {
    const help = dist("help.html");
    expect(help).not.toMatch(/<script\b/i);
    for (const tag of [...help.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0])) {
      for (const name of attributes(tag).keys()) expect([tag, name.startsWith("on")]).toEqual([tag, false]);
    }
    expect(help).not.toMatch(/javascript:/i);
  });
});

// ------------------------------------------------------------------ the bundles

/** Code that turns a string into code: what a CSP without 'unsafe-eval' forbids. */
const EVAL_LIKE: readonly [string, RegExp][] = [
  ["eval(", /(?<![\w$.])eval\s*\(/],
  ["new Function(", /\bnew\s+Function\s*\(/],
  ["Function(\"...\")", /(?<![\w$.])Function\s*\(\s*["'`]/],
  ["setTimeout(\"...\")", /\bset(Timeout|Interval)\s*\(\s*["'`]/],
];

function bundles(): string[] {
  const top = readdirSync(DIST).filter((f) => f.endsWith(".js"));
  const cli = readdirSync(join(DIST, "cli")).filter((f) => f.endsWith(".js")).map((f) => `cli/${f}`);
  return [...top, ...cli];
}

describe("the built bundles", () => {
  test("are there to check (functions, task pane, CLI)", () => {
    expect(bundles()).toEqual(expect.arrayContaining(["functions.js", "taskpane.js", "cli/kpi.js"]));
  });

  test.each(["functions.js", "taskpane.js", "cli/kpi.js"])("%s contains no eval, new Function or string timers", (name) => {
    const code = dist(name);
    const found = EVAL_LIKE.filter(([, re]) => re.test(code)).map(([what, re]) => `${what} near «${(re.exec(code) as RegExpExecArray)[0]}» at ${(re.exec(code) as RegExpExecArray).index}`);
    expect(found).toEqual([]);
  });

  test("the production webpack build uses no eval-based source maps", () => {
    const config = require(join(ROOT, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => { name?: string; devtool?: unknown }[];
    const configs = config({}, { mode: "production" });
    expect(configs.length).toBeGreaterThan(0);
    for (const c of configs) {
      expect([c.name, c.devtool === false || c.devtool === undefined || (typeof c.devtool === "string" && !c.devtool.includes("eval"))]).toEqual([c.name, true]);
    }
  });

  test("the add-in's bundles name no host but Office's CDN (no telemetry, no third-party calls)", () => {
    for (const name of ["functions.js", "taskpane.js"]) {
      const hosts = [...dist(name).matchAll(/\b(?:https?|wss?):\/\/([a-z0-9.-]+)/gi)].map((m) => m[1].toLowerCase());
      const foreign = hosts.filter((h) => h !== "appsforoffice.microsoft.com" && h !== "www.w3.org");
      expect([name, foreign]).toEqual([name, []]);
    }
  });
});

// ------------------------------------------------------------------ the sources

interface Finding {
  readonly file: string;
  readonly line: number;
  readonly rule: string;
  readonly text: string;
}

/** Properties that turn a string into markup when assigned. */
const HTML_PROPERTIES = new Set(["innerHTML", "outerHTML", "srcdoc"]);
/** Methods whose (first string) argument is parsed as markup or code. */
const HTML_METHODS: Readonly<Record<string, number>> = {
  insertAdjacentHTML: 1,
  write: 0,
  writeln: 0,
  parseFromString: 0,
  createContextualFragment: 0,
  setHTMLUnsafe: 0,
};
/** Ways to reach the network from a page or from Node. */
const NETWORK_GLOBALS = new Set(["fetch", "XMLHttpRequest", "WebSocket", "EventSource", "RTCPeerConnection", "importScripts", "sendBeacon", "serviceWorker"]);
const NETWORK_MODULES = new Set(["http", "https", "http2", "net", "tls", "dgram", "dns", "node:http", "node:https", "node:http2", "node:net", "node:tls", "node:dgram", "node:dns"]);

/** Uses allowed on purpose, by file, rule and a piece of the line; each with its reason. */
const ALLOWED: readonly { file: string; rule: string; contains: string; reason: string }[] = [
  {
    file: "src/taskpane/view/dom.ts",
    rule: "setAttribute of an event handler (or of a computed name)",
    contains: "el.setAttribute(name,",
    reason: "the pane's one element builder: it refuses `on*` and `style` names just above, and its values are set as attribute text",
  },
];

function isConstantString(node: ts.Node): boolean {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return true;
  if (ts.isParenthesizedExpression(node)) return isConstantString(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) return isConstantString(node.left) && isConstantString(node.right);
  return false;
}

/** Scans one TypeScript source for HTML sinks fed with non-constant strings, eval-like calls and network use. */
export function scanSource(file: string, source: string): Finding[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.ES2020, true, ts.ScriptKind.TS);
  const out: Finding[] = [];
  const report = (node: ts.Node, rule: string) => {
    const { line } = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    out.push({ file, line: line + 1, rule, text: node.getText(sf).slice(0, 120) });
  };
  const nameOf = (e: ts.Expression): string | null =>
    ts.isIdentifier(e) ? e.text : ts.isPropertyAccessExpression(e) ? e.name.text : ts.isElementAccessExpression(e) && ts.isStringLiteralLike(e.argumentExpression) ? e.argumentExpression.text : null;

  const visit = (node: ts.Node): void => {
    // el.innerHTML = x, el["outerHTML"] += x
    if (ts.isBinaryExpression(node) && node.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && node.operatorToken.kind <= ts.SyntaxKind.LastAssignment) {
      const name = nameOf(node.left);
      if (name !== null && HTML_PROPERTIES.has(name) && !ts.isIdentifier(node.left) && !isConstantString(node.right)) report(node, `${name} from a non-constant string`);
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = node.expression;
      const name = nameOf(callee);
      const args = node.arguments ?? ts.factory.createNodeArray();
      if (name !== null && ts.isCallExpression(node) && name in HTML_METHODS && ts.isPropertyAccessExpression(callee)) {
        const arg = args[HTML_METHODS[name]];
        const isDocumentWrite = (name === "write" || name === "writeln") && !/document$/i.test(callee.expression.getText(sf));
        if (!isDocumentWrite && arg !== undefined && !isConstantString(arg)) report(node, `${name}() with a non-constant string`);
      }
      if (name === "eval" && ts.isIdentifier(callee)) report(node, "eval");
      if (name === "Function" && ts.isIdentifier(callee)) report(node, "Function constructor");
      if ((name === "setTimeout" || name === "setInterval") && args[0] !== undefined && (ts.isStringLiteralLike(args[0]) || ts.isTemplateExpression(args[0]))) report(node, `${name} with a string`);
      if (name === "setAttribute" && args[0] !== undefined && (!ts.isStringLiteralLike(args[0]) || /^on/i.test(args[0].text))) report(node, "setAttribute of an event handler (or of a computed name)");
      if (name !== null && NETWORK_GLOBALS.has(name)) report(node, `network: ${name}`);
      if (name === "open" && ts.isPropertyAccessExpression(callee) && /^window$/.test(callee.expression.getText(sf))) report(node, "network: window.open");
      if (ts.isIdentifier(callee) && callee.text === "require" && args[0] !== undefined && ts.isStringLiteralLike(args[0]) && NETWORK_MODULES.has(args[0].text)) report(node, `network module ${args[0].text}`);
      if (callee.kind === ts.SyntaxKind.ImportKeyword && args[0] !== undefined && !(ts.isStringLiteralLike(args[0]) && args[0].text.startsWith("."))) report(node, "dynamic import of a non-relative module");
    }
    if (ts.isPropertyAccessExpression(node) && NETWORK_GLOBALS.has(node.name.text) && !ts.isCallExpression(node.parent)) report(node, `network: ${node.name.text}`);
    if (ts.isIdentifier(node) && NETWORK_GLOBALS.has(node.text) && !ts.isPropertyAccessExpression(node.parent) && !ts.isCallExpression(node.parent) && !ts.isNewExpression(node.parent)) {
      if (!ts.isPropertyAssignment(node.parent) && !ts.isPropertySignature(node.parent) && !ts.isMethodDeclaration(node.parent)) report(node, `network: ${node.text}`);
    }
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier) && NETWORK_MODULES.has(node.moduleSpecifier.text)) report(node, `network module ${node.moduleSpecifier.text}`);
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("the sources (src/**)", () => {
  test("the scanner finds what it must (so that an empty result means something)", () => {
    const rules = (code: string) => scanSource("x.ts", code).map((f) => f.rule);
    expect(rules("el.innerHTML = name;")).toEqual(["innerHTML from a non-constant string"]);
    expect(rules("el.innerHTML = `<b>${name}</b>`;")).toHaveLength(1);
    expect(rules('el.outerHTML += "<i>" + x;')).toHaveLength(1);
    expect(rules('el.innerHTML = "";')).toEqual([]);
    expect(rules('el.innerHTML = "<b>" + "x" + "</b>";')).toEqual([]);
    expect(rules("el.insertAdjacentHTML('beforeend', row);")).toHaveLength(1);
    expect(rules("document.write(x);")).toHaveLength(1);
    expect(rules("stream.write(x);")).toEqual([]);
    expect(rules("new DOMParser().parseFromString(text, 'text/html');")).toHaveLength(1);
    expect(rules("eval(code); new Function('return 1'); setTimeout('x()', 1);")).toHaveLength(3);
    expect(rules("setTimeout(() => 1, 0);")).toEqual([]);
    expect(rules("el.setAttribute('onclick', x); el.setAttribute('aria-label', x);")).toHaveLength(1);
    expect(rules("fetch(url); new XMLHttpRequest(); new WebSocket(u); navigator.sendBeacon(u, d); window.open(u);")).toHaveLength(5);
    expect(rules("const f = window.fetch;")).toHaveLength(1);
    expect(rules('import * as https from "https"; const n = require("net");')).toHaveLength(2);
    expect(rules('const m = await import(name);')).toHaveLength(1);
    expect(rules("// el.innerHTML = name; fetch(url)\nconst s = 'innerHTML fetch';")).toEqual([]);
  });

  test("no HTML from non-constant strings, no eval, no network request of the add-in's own", () => {
    const files = sourceFiles(join(ROOT, "src"));
    expect(files.length).toBeGreaterThan(20);
    const findings = files.flatMap((f) => scanSource(relative(ROOT, f).split("\\").join("/"), readFileSync(f, "utf8")));
    const unexpected = findings.filter((f) => !ALLOWED.some((a) => a.file === f.file && a.rule === f.rule && f.text.includes(a.contains)));
    expect(unexpected.map((f) => `${f.file}:${f.line} ${f.rule}: ${f.text}`)).toEqual([]);
  });
});

// ------------------------------------------------------------------ the manifest

describe("the manifest", () => {
  test.each(["manifest.xml", "dist/manifest.xml"])("%s asks only for ReadWriteDocument", (name) => {
    const file = name.startsWith("dist/") ? dist(name.slice(5)) : readFileSync(join(ROOT, name), "utf8");
    const xml = file.replace(/<!--[\s\S]*?-->/g, "");
    const permissions = [...xml.matchAll(/<Permissions>\s*([^<]*?)\s*<\/Permissions>/g)].map((m) => m[1]);
    expect(permissions).toEqual(["ReadWriteDocument"]);
    // Every URL the manifest hands to Office is https.
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="([a-z]+:[^"]*)"/gi)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });
});
