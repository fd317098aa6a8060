import { entryData, readZip, ZipError, type ZipEntry } from "./zip";
import { replaceEntry, writeZip } from "./zip-write";

/**
 * Part-level edits of an archive, for the copies the CLI writes at the XML level (marks, the
 * Storico sheet, the web extension): the few parts changed are re-deflated, the rest copied.
 */

/**
 * An archive opened to change a few parts as text: every part not replaced or added is
 * written back byte for byte (what the marked and the frozen copies of a workbook promise).
 * @example const parts = editParts(bytes); parts.put("xl/styles.xml", styles); parts.write();
 */
export interface PartEditor {
  /** The parts' names as the archive lists them. */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** A part's text (UTF-8), `null` when the archive has no such part. */
  text(name: string): string | null;
  /** Replaces an existing part; `ZipError` when it is missing. */
  put(name: string, content: string): void;
  /** Adds a part, stored with the compression and dates of an existing one (`like`). */
  add(name: string, content: string, like: string): void;
  write(): Buffer;
}

/** Opens `input` for part-level edits (see `PartEditor`). */
export function editParts(input: Buffer): PartEditor {
  const entries = readZip(input);
  const byName = new Map(entries.map((e, i) => [e.name, i]));
  const out: ZipEntry[] = [...entries];
  const existing = (name: string): number => {
    const i = byName.get(name);
    if (i === undefined) throw new ZipError("corrupt", `the part ${name} is missing`);
    return i;
  };
  return {
    names: entries.map((e) => e.name),
    has: (name) => byName.has(name),
    text: (name) => {
      const i = byName.get(name);
      return i === undefined ? null : entryData(entries[i]).toString("utf8");
    },
    put: (name, content) => {
      const i = existing(name);
      out[i] = replaceEntry(entries[i], Buffer.from(content, "utf8"));
    },
    add: (name, content, like) => {
      const template = entries[existing(like)];
      out.push(replaceEntry({ ...template, name, nameBytes: Buffer.from(name, "utf8") }, Buffer.from(content, "utf8")));
    },
    write: () => writeZip(out),
  };
}
