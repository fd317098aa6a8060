import { SaxesParser, type SaxesTagPlain } from "saxes";
import { relsOf, resolvePart } from "./opc-paths";
import { XlsxError } from "./xlsx-error";
import type { ZipEntry } from "./zip";
import { entryChunks } from "./zip-stream";

/**
 * The open package of the streaming reader: parts found by name as OPC names them
 * (case-insensitively, with or without a leading `/`), each streamed through a SAX parser
 * under one inflation budget shared by all the parts read, and the relationships between them.
 */

/** The archive's parts by name (case-insensitive, as OPC part names are), read under one budget. */
export class Package {
  private readonly byName = new Map<string, ZipEntry>();
  constructor(
    entries: readonly ZipEntry[],
    readonly budget: { left: number },
  ) {
    for (const e of entries) this.byName.set(e.name.replace(/^\/+/, "").toLowerCase(), e);
  }

  entry(name: string): ZipEntry | undefined {
    return this.byName.get(name.replace(/^\/+/, "").toLowerCase());
  }

  /** Streams a part through a SAX parser; false when the part is not in the archive. */
  async parse(name: string, onOpen: (local: string, tag: SaxesTagPlain) => void, onClose?: (local: string) => void, onText?: (text: string) => void): Promise<boolean> {
    const entry = this.entry(name);
    if (!entry) return false;
    const parser = new SaxesParser<{ position: false; xmlns: false }>({ position: false, xmlns: false });
    parser.on("opentag", (tag) => onOpen(localName(tag.name), tag));
    if (onClose) parser.on("closetag", (tag) => onClose(localName(tag.name)));
    if (onText) {
      parser.on("text", onText);
      parser.on("cdata", onText);
    }
    let failed = false;
    parser.on("error", () => {
      failed = true;
    });
    // TextDecoder in stream mode: a character split between two chunks is decoded whole.
    const decoder = new TextDecoder("utf-8");
    for await (const chunk of entryChunks(entry, this.budget)) {
      parser.write(decoder.decode(chunk, { stream: true }));
      if (failed) throw new XlsxError("bad_xml", name);
    }
    parser.write(decoder.decode());
    parser.close();
    if (failed) throw new XlsxError("bad_xml", name);
    return true;
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}

/** An attribute by local name (`r:id`, `ns1:id` and `id` alike when `prefixed` is false). */
export function attr(tag: SaxesTagPlain, local: string, prefixedOnly = false): string | undefined {
  const direct = tag.attributes[local];
  if (direct !== undefined && !prefixedOnly) return direct;
  for (const key in tag.attributes) {
    const colon = key.indexOf(":");
    if (colon >= 0 && key.slice(colon + 1) === local && key.slice(0, colon) !== "xmlns") return tag.attributes[key];
  }
  return undefined;
}

/** The relationships of a part (`""`: the package), by id, their targets resolved to part names. */
export async function relationships(pkg: Package, part: string): Promise<Map<string, { type: string; target: string }>> {
  const rels = new Map<string, { type: string; target: string }>();
  await pkg.parse(relsOf(part), (local, tag) => {
    if (local !== "Relationship" || tag.attributes.TargetMode === "External") return;
    rels.set(tag.attributes.Id ?? "", { type: tag.attributes.Type ?? "", target: resolvePart(part, tag.attributes.Target ?? "") });
  });
  return rels;
}
