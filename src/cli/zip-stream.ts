import * as zlib from "zlib";
import { crc32 } from "./crc32";
import { ZipError, type ZipEntry } from "./zip";

/**
 * A part inflated chunk by chunk: the streaming .xlsx reader parses worksheets as they
 * inflate, so memory does not follow a part's size, and a ZIP bomb stops at the budget.
 */

/** Bytes handed to the inflater at a time: small enough that memory does not follow the part's size. */
const SLICE = 64 * 1024;

/**
 * The uncompressed bytes of an entry as a stream of chunks, checked against its CRC at the
 * end, never holding the whole part in memory. `budget.left` is the number of inflated bytes
 * still allowed (shared by all the parts a reader streams); going past it, whatever the ZIP
 * directory declared, stops the inflater at once with a `too_large` ZipError, so that a
 * small file that inflates to gigabytes costs no more than the budget.
 * @example for await (const chunk of entryChunks(entry, { left: 256 * 2 ** 20 })) parser.write(chunk);
 */
export async function* entryChunks(entry: ZipEntry, budget: { left: number }): AsyncGenerator<Buffer> {
  if (entry.size > budget.left) throw new ZipError("too_large", `the part ${entry.name} declares ${entry.size} bytes`);
  let crc = 0;
  let total = 0;
  const take = (chunk: Buffer) => {
    total += chunk.length;
    budget.left -= chunk.length;
    if (budget.left < 0) throw new ZipError("too_large", `the part ${entry.name} inflates past the limit`);
    crc = crc32(chunk, crc);
  };
  if (entry.method === 0) {
    for (let at = 0; at < entry.raw.length; at += SLICE) {
      const chunk = entry.raw.subarray(at, at + SLICE);
      take(chunk);
      yield chunk;
    }
  } else {
    const inflater = zlib.createInflateRaw({ chunkSize: SLICE });
    // The compressed bytes go in slice by slice as the consumer asks for more output.
    const feed = async () => {
      for (let at = 0; at < entry.raw.length; at += SLICE) {
        if (inflater.destroyed) return;
        // Wait for the inflater to want more, or to be gone (the consumer stopped reading).
        if (!inflater.write(entry.raw.subarray(at, at + SLICE))) {
          await new Promise<void>((r) => {
            const done = () => {
              inflater.off("drain", done);
              inflater.off("close", done);
              r();
            };
            inflater.on("drain", done);
            inflater.on("close", done);
          });
        }
      }
      inflater.end();
    };
    const fed = feed().catch(() => undefined);
    try {
      for await (const chunk of inflater as AsyncIterable<Buffer>) {
        take(chunk);
        yield chunk;
      }
    } catch (e) {
      if (e instanceof ZipError) throw e;
      throw new ZipError("corrupt", `the part ${entry.name} cannot be decompressed`);
    } finally {
      inflater.destroy();
      await fed;
    }
  }
  if (total !== entry.size || crc !== entry.crc) throw new ZipError("corrupt", `the part ${entry.name} is damaged (checksum)`);
}
