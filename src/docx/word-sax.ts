import { SaxesParser, type SaxesTagPlain } from "saxes";
import { ReasonError } from "../core";

/**
 * The one way every part of a .docx is parsed: saxes over the part's text, an XML error
 * turned into a `DocxError` the hosts word for the user.
 */

/** Why a .docx cannot be read: `not_word` (no ZIP, no word/document.xml), `damaged` (ZIP or XML), `too_large`. */
export class DocxError extends ReasonError<"not_word" | "damaged" | "too_large"> {
  override readonly name = "DocxError";
}

/** Runs saxes over a part; XML errors become DocxError. */
export function sax(xml: string, open: (tag: SaxesTagPlain) => void, close: (name: string) => void, text?: (t: string) => void): void {
  const parser = new SaxesParser();
  parser.on("opentag", open);
  parser.on("closetag", (tag) => close(tag.name));
  if (text) parser.on("text", text);
  parser.on("error", (e) => {
    throw new DocxError("damaged", e.message);
  });
  parser.write(xml).close();
}

/** An attribute of a start tag, `undefined` when absent. */
export const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
};
