/**
 * Static guarantees of the pane's files: the CSP, no inline script or style, no HTML built
 * from strings anywhere in the pane or the adapter, the legend's colours equal to the marks'.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { MARK_KINDS, MARK_STYLES } from "../../src/core/marks";

const ROOT = join(__dirname, "../..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : [p];
  });
}

test("taskpane.html: a strict Content-Security-Policy, opened only where Office.js needs it, and no inline script or style of ours", () => {
  const html = read("src/taskpane/taskpane.html");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives["script-src"]).toEqual([
    "'self'",
    "https://appsforoffice.microsoft.com",
    "https://ajax.aspnetcdn.com",
    "https://browser.pipe.aria.microsoft.com",
  ]);
  // Office.js on the web applies inline styles (OfficeDev/office-js#1687); scripts stay closed.
  expect(directives["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["base-uri"]).toEqual(["'none'"]);
  expect(directives["connect-src"]).toEqual(["'self'", "https://browser.pipe.aria.microsoft.com"]);
  expect(csp.replace("style-src 'self' 'unsafe-inline'", "")).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  // Every <script> has a src and no body; no <style> element, no style= or on*= attribute.
  for (const m of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
    expect(m[1]).toMatch(/\ssrc=/);
    expect(m[2].trim()).toBe("");
  }
  expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
});

test("no HTML is built from strings, no eval, in the pane or the Office adapter", () => {
  const sources = [...files("src/taskpane"), ...files("src/excel")].filter((f) => f.endsWith(".ts"));
  expect(sources.length).toBeGreaterThan(10);
  for (const f of sources) {
    const code = read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    expect([f, /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\(|new Function\(|\.style\.|setAttribute\(\s*["']style/.test(code)]).toEqual([f, false]);
  }
});

test("the stylesheet loads nothing from outside", () => {
  const css = read("src/taskpane/taskpane.css");
  expect(css).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
});

/** The declarations of a custom property and of a rule's block, from the stylesheet's text. */
function cssVar(css: string, name: string): string {
  const m = new RegExp(`--${name}:\\s*([^;]+);`).exec(css);
  if (!m) throw new Error(`--${name} is not in taskpane.css`);
  return m[1].trim();
}
function cssRule(css: string, selector: string): Record<string, string> {
  const body = new RegExp(`(?:^|\\n)${selector.replace(/[.]/g, "\\.")}\\s*\\{([^}]*)\\}`).exec(css.replace(/\/\*[\s\S]*?\*\//g, ""));
  if (!body) throw new Error(`${selector} is not in taskpane.css`);
  return Object.fromEntries(
    body[1]
      .split(";")
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => [d.slice(0, d.indexOf(":")).trim(), d.slice(d.indexOf(":") + 1).trim()]),
  );
}

test("the legend wears the palette of the marks (src/core/marks.ts): fill, border colour and style, bold", () => {
  const css = read("src/taskpane/taskpane.css");
  for (const kind of MARK_KINDS) {
    const style = MARK_STYLES[kind];
    expect([kind, cssVar(css, `mark-${kind}`).toUpperCase()]).toEqual([kind, style.fill.toUpperCase()]);
    expect([kind, cssVar(css, `mark-${kind}-edge`).toUpperCase()]).toEqual([kind, style.border.toUpperCase()]);
    const swatch = cssRule(css, `.swatch-${kind}`);
    expect([kind, swatch.background]).toEqual([kind, `var(--mark-${kind})`]);
    expect([kind, swatch.border]).toEqual([kind, `1px ${style.borderStyle} var(--mark-${kind}-edge)`]);
    expect([kind, swatch["font-weight"] === "700"]).toEqual([kind, style.bold]);
  }
});

test("the parser above reads what it should (and fails on what is not there)", () => {
  const css = ":root {\n  --mark-x: #ABCDEF;\n}\n.swatch-x {\n  background: red; /* c */\n  border: 1px solid blue;\n}\n";
  expect(cssVar(css, "mark-x")).toBe("#ABCDEF");
  expect(cssRule(css, ".swatch-x")).toEqual({ background: "red", border: "1px solid blue" });
  expect(() => cssVar(css, "mark-y")).toThrow();
});

test("the page links its stylesheet as a file; no module makes webpack emit it", () => {
  const html = read("src/taskpane/taskpane.html");
  expect(html).toMatch(/<link rel="stylesheet" href="taskpane\.css">/);
  expect(read("webpack.config.js")).toMatch(/from: "src\/taskpane\/taskpane\.css", to: "taskpane\.css"/);
  const sources = files("src/taskpane").filter((f) => f.endsWith(".ts"));
  for (const f of sources) expect([f, /import\.meta|taskpane\.css/.test(read(f).replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""))]).toEqual([f, false]);
});
