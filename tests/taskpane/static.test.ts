/**
 * Static guarantees of the pane's files: the CSP, no inline script or style, no HTML built
 * from strings anywhere in the pane or the adapter, the legend's colours equal to the marks'.
 */
import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { MARK_STYLES } from "../../src/excel/marks";

const ROOT = join(__dirname, "../..");
const read = (p: string) => readFileSync(join(ROOT, p), "utf8");

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : [p];
  });
}

test("taskpane.html: a strict Content-Security-Policy and no inline script or style", () => {
  const html = read("src/taskpane/taskpane.html");
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1];
  const directives = Object.fromEntries(csp.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  expect(directives["script-src"]).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  expect(directives["style-src"]).toEqual(["'self'"]);
  expect(directives["object-src"]).toEqual(["'none'"]);
  expect(directives["base-uri"]).toEqual(["'none'"]);
  expect(directives["connect-src"]).toEqual(["'self'"]);
  expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
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

test("the stylesheet loads nothing from outside and its mark colours are the sheet's", () => {
  const css = read("src/taskpane/taskpane.css");
  expect(css).not.toMatch(/@import|url\(\s*["']?(https?:)?\/\//i);
  const varOf = (name: string) => new RegExp(`--mark-${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css)![1].toUpperCase();
  for (const kind of ["unmet", "met", "missing"] as const) expect(varOf(kind)).toBe(MARK_STYLES[kind].fill.toUpperCase());
});
