#!/usr/bin/env node
/*
 * Writes the add-in icons (assets/icon-{16,32,64,80,128}.png) without any image library:
 * a PNG is a signature plus IHDR/IDAT/IEND chunks, and IDAT is zlib-deflated scanlines.
 * The picture is a rounded blue tile with three rising white bars (a KPI chart), drawn
 * per pixel so every size is crisp. Run `node scripts/make-icons.js`; the output is
 * deterministic, so re-running it leaves git clean.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const BLUE = [0x1f, 0x5f, 0xa8, 0xff];
const WHITE = [0xff, 0xff, 0xff, 0xff];
const GREEN = [0x3c, 0xb3, 0x71, 0xff];
const CLEAR = [0, 0, 0, 0];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Colour of pixel (x, y) in an icon of `size` pixels. */
function pixel(x, y, size) {
  const r = Math.max(2, Math.round(size * 0.18)); // corner radius
  const cx = Math.min(Math.max(x + 0.5, r), size - r);
  const cy = Math.min(Math.max(y + 0.5, r), size - r);
  if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 > r * r) return CLEAR;
  const pad = size * 0.2;
  const base = size - pad;
  const barW = (size - 2 * pad) / 5; // three bars, two gaps
  const heights = [0.3, 0.5, 0.75];
  for (let i = 0; i < 3; i++) {
    const left = pad + i * 2 * barW;
    const top = base - heights[i] * (size - 2 * pad);
    if (x + 0.5 >= left && x + 0.5 < left + barW && y + 0.5 >= top && y + 0.5 < base) {
      return i === 2 ? GREEN : WHITE;
    }
  }
  return BLUE;
}

function png(size) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc(size * (1 + size * 4));
  let o = 0;
  for (let y = 0; y < size; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < size; x++) for (const v of pixel(x, y, size)) raw[o++] = v;
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
}
console.log(`wrote ${SIZES.map((s) => `icon-${s}.png`).join(", ")} to assets/`);
