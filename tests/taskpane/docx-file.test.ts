/**
 * @jest-environment jsdom
 */
/**
 * The pane reads a .docx in the page with its own small ZIP reader, the browser's
 * DecompressionStream and the shared Word reader: the same document as `kpi import` (whose
 * ZIP reader is the CLI's), and the import box shows its text form, which parses to the
 * same plan. jsdom has neither TextDecoder nor DecompressionStream: Node's, which are the
 * WHATWG ones browsers have, are put in its global scope.
 */
import { DecompressionStream } from "stream/web";
import { TextDecoder } from "util";
import { readDocx } from "../../src/cli/docx";
import { parsePlan } from "../../src/core/plan/parse";
import { parsePlanDocument } from "../../src/core/plan/document";
import { docxPlanText, readDocxFile } from "../../src/taskpane/docx-file";
import { CATALOGUES } from "../../src/taskpane/i18n";
import { renderImport } from "../../src/taskpane/view/import";
import { buildDocx, type Part } from "../fixtures/plans/docx";

Object.assign(globalThis, { TextDecoder, DecompressionStream });

const PARTS: Part[] = [
  { p: "PIAO 2026-2028", style: "Titolo1" },
  { p: "Obiettivo di valore pubblico – Servizi digitali", style: "Titolo1", num: { id: 1, level: 0 } },
  { p: "Obiettivo specifico – Pratiche online", style: "Titolo2", num: { id: 1, level: 1 } },
  {
    table: [
      ["Indicatore di performance", "Peso %", { text: "Target", span: 2 }],
      ["", "", "2026", "2027"],
      ["Pratiche online", "100", ">= 60%", ">= 75%"],
    ],
  },
];

test("the same document as the CLI's reader, and the same plan from the box's text", async () => {
  const bytes = await buildDocx(PARTS);
  const doc = await readDocxFile(new Uint8Array(bytes));
  expect(doc).toEqual(readDocx(bytes));
  const text = await docxPlanText(new Uint8Array(bytes));
  expect(text.split("\n").slice(0, 3)).toEqual(["# PIAO 2026-2028", "# 1. Obiettivo di valore pubblico – Servizi digitali", "## 1.1 Obiettivo specifico – Pratiche online"]);
  const fromBox = parsePlan(text);
  const fromDoc = parsePlanDocument(doc);
  // Same tree and KPIs; only the line numbers differ (the box's lines, the document's paragraphs).
  expect(fromBox.nodes.map((n) => [n.code, n.parent])).toEqual([["1", null], ["1.1", "1"]]);
  expect(fromDoc.nodes.map((n) => [n.code, n.parent])).toEqual([["1", null], ["1.1", "1"]]);
  expect(fromBox.kpis.map((k) => [k.owner, k.weight, k.target])).toEqual([["1.1", 100, "Anno: 2026 >= 60% Anno: 2027 >= 75%"]]);
  expect(fromDoc.kpis.map((k) => k.target)).toEqual(fromBox.kpis.map((k) => k.target));
});

test("a file that is not a Word document, or a damaged one, is refused with a reason", async () => {
  await expect(readDocxFile(new Uint8Array(Buffer.from("Obiettivo strategico: OS1 testo")))).rejects.toMatchObject({ reason: "not_word" });
  const bytes = Buffer.from(await buildDocx(PARTS));
  const at = bytes.indexOf("word/document.xml") + "word/document.xml".length;
  for (let i = at + 4; i < at + 24; i++) bytes[i] ^= 0xff; // its compressed bytes
  await expect(readDocxFile(new Uint8Array(bytes))).rejects.toMatchObject({ reason: "damaged" });
  await expect(readDocxFile(new Uint8Array(bytes.subarray(0, 100)))).rejects.toMatchObject({ reason: "not_word" });
});

test("choosing a .docx in the import form puts its text in the box", async () => {
  const form = renderImport(CATALOGUES.it, () => undefined);
  const input = form.element.querySelector("input[type=file]") as HTMLInputElement;
  expect(input.accept).toContain(".docx");
  const bytes = await buildDocx(PARTS);
  const file = new File([new Uint8Array(bytes)], "piao.docx");
  Object.defineProperty(input, "files", { value: [file] });
  input.dispatchEvent(new Event("change"));
  for (let i = 0; i < 100 && form.textarea.value === ""; i++) await new Promise((r) => setTimeout(r, 10));
  expect(form.textarea.value.split("\n")[1]).toBe("# 1. Obiettivo di valore pubblico – Servizi digitali");
  expect(form.element.textContent).toContain("File letto: piao.docx");
});
