// Draws the app icons (color 192x192, outline 32x32 transparent) as PNGs with only node:zlib.
// Run once with `node manifest/make-icons.js`; the PNGs are committed.
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { Buffer } = require('node:buffer');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
/** rgba: Uint8Array of size*size*4 → PNG (colour type 6, 8 bit, filter 0 on every row). */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8;
  header[9] = 6;
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function distToSegment(px, py, [ax, ay], [bx, by]) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
/** A "W" of four strokes in unit coordinates (0..1), the Wendbaar mark. */
const W = [[0.2, 0.3], [0.35, 0.72], [0.5, 0.4], [0.65, 0.72], [0.8, 0.3]];
function glyphCoverage(x, y, size, stroke) {
  let d = Infinity;
  for (let i = 0; i < W.length - 1; i++) {
    const a = [W[i][0] * size, W[i][1] * size];
    const b = [W[i + 1][0] * size, W[i + 1][1] * size];
    d = Math.min(d, distToSegment(x + 0.5, y + 0.5, a, b));
  }
  return Math.max(0, Math.min(1, stroke / 2 - d + 0.5));
}
function colorIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const accent = [0x1f, 0x6f, 0x8b];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const g = glyphCoverage(x, y, size, size * 0.09);
      const i = (y * size + x) * 4;
      // Full-bleed opaque accent background (Teams rounds the corners itself), white mark on top.
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(accent[c] * (1 - g) + 255 * g);
      rgba[i + 3] = 255;
    }
  }
  return encodePng(size, rgba);
}
function outlineIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 255;
      rgba[i + 3] = Math.round(255 * glyphCoverage(x, y, size, size * 0.11));
    }
  }
  return encodePng(size, rgba);
}

const dir = path.join(__dirname, 'templates');
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'color.png'), colorIcon(192));
fs.writeFileSync(path.join(dir, 'outline.png'), outlineIcon(32));
console.log('wrote manifest/templates/color.png and outline.png');
