// Draws the app icons (color 192x192, outline 32x32 transparent) as PNGs, encoded with pngjs.
// Run once with `node manifest/make-icons.js`; the PNGs are committed.
const fs = require('node:fs');
const path = require('node:path');
const { Buffer } = require('node:buffer');
const { PNG } = require('pngjs');

/** rgba: Uint8Array of size*size*4 → PNG bytes (RGBA, 8 bit). */
function encodePng(size, rgba) {
  const png = new PNG({ width: size, height: size });
  png.data = Buffer.from(rgba.buffer);
  return PNG.sync.write(png, { colorType: 6 });
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
