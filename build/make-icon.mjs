// Draws build/icon.png (1024x1024 RGBA): a blue rounded square with a white circular "backup"
// arrow over a white drive. Only node:zlib, so it runs anywhere: `node build/make-icon.mjs`.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 1024;
const SAMPLES = 4; // 4x4 supersampling per pixel for smooth edges

const mix = (a, b, t) => a + (b - a) * t;
const hex = (h) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

// Signed distance to a rounded rectangle (negative inside).
function roundRect(x, y, cx, cy, hw, hh, r) {
  const qx = Math.abs(x - cx) - hw + r;
  const qy = Math.abs(y - cy) - hh + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function inTriangle(px, py, [ax, ay], [bx, by], [cx, cy]) {
  const s1 = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  const s2 = (cx - bx) * (py - by) - (cy - by) * (px - bx);
  const s3 = (ax - cx) * (py - cy) - (ay - cy) * (px - cx);
  return (s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0);
}

// Circular arrow: a ring running counter-clockwise from START to END, with a head after END.
const ring = { cx: 512, cy: 402, r: 168, width: 62 };
const START = (105 * Math.PI) / 180;
const END = (402 * Math.PI) / 180; // the gap (42°..105°) sits at the top, the head points into it
const at = (angle, radius) => [ring.cx + radius * Math.cos(angle), ring.cy - radius * Math.sin(angle)];
const head = (() => {
  const [bx, by] = at(END, ring.r);
  const radial = [Math.cos(END), -Math.sin(END)];
  const tangent = [-Math.sin(END), -Math.cos(END)]; // counter-clockwise on screen (y down)
  const half = ring.width * 1.05;
  const length = ring.width * 1.4;
  return [
    [bx + radial[0] * half, by + radial[1] * half],
    [bx - radial[0] * half, by - radial[1] * half],
    [bx + tangent[0] * length, by + tangent[1] * length],
  ];
})();

function inArrow(x, y) {
  const dx = x - ring.cx;
  const dy = ring.cy - y;
  const d = Math.hypot(dx, dy);
  const sweep = (((Math.atan2(dy, dx) - START) % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  if (Math.abs(d - ring.r) <= ring.width / 2 && sweep <= END - START) return true;
  const [sx, sy] = at(START, ring.r);
  if (Math.hypot(x - sx, y - sy) <= ring.width / 2) return true; // round tail
  return inTriangle(x, y, ...head);
}

// Clock hands inside the ring: backups are about points in time.
function inHands(x, y) {
  const hand = (x2, y2, w) => {
    const [x1, y1] = [ring.cx, ring.cy];
    const len2 = (x2 - x1) ** 2 + (y2 - y1) ** 2;
    const t = Math.max(0, Math.min(1, ((x - x1) * (x2 - x1) + (y - y1) * (y2 - y1)) / len2));
    return Math.hypot(x - (x1 + t * (x2 - x1)), y - (y1 + t * (y2 - y1))) <= w / 2;
  };
  return hand(ring.cx, ring.cy - 80, 38) || hand(ring.cx + 62, ring.cy, 38);
}

const drive = { cx: 512, cy: 718, hw: 224, hh: 78, r: 38 };
const inDrive = (x, y) => roundRect(x, y, drive.cx, drive.cy, drive.hw, drive.hh, drive.r) <= 0;
const inGroove = (x, y) => roundRect(x, y, 420, drive.cy, 96, 9, 9) <= 0;
const inLed = (x, y) => Math.hypot(x - 668, y - drive.cy) <= 17;

const square = { cx: 512, cy: 512, hw: 412, hh: 412, r: 184 };
const top = hex('#4f8ff9');
const bottom = hex('#1e3a8a');
const led = hex('#34d399');

/** Colour (premultiplied-free RGBA) of one sample point. */
function sample(x, y) {
  const inside = roundRect(x, y, square.cx, square.cy, square.hw, square.hh, square.r) <= 0;
  if (!inside) return [0, 0, 0, 0];
  const t = Math.min(1, Math.max(0, (0.35 * x + 0.65 * y - 100) / 824));
  const bg = [0, 1, 2].map((i) => mix(top[i], bottom[i], t));
  if (inDrive(x, y)) {
    if (inLed(x, y)) return [...led, 255];
    if (inGroove(x, y)) return [...bg, 255];
    return [255, 255, 255, 255];
  }
  if (inArrow(x, y) || inHands(x, y)) return [255, 255, 255, 255];
  return [...bg, 255];
}

function shadowAlpha(x, y) {
  const d = roundRect(x, y - 10, square.cx, square.cy, square.hw, square.hh, square.r) + 8;
  return d <= 0 ? 0.3 : 0.3 * Math.max(0, 1 - d / 40) ** 2;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const row = py * (SIZE * 4 + 1);
  raw[row] = 0; // PNG filter: none
  for (let px = 0; px < SIZE; px++) {
    let r = 0, g = 0, b = 0, a = 0;
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const [cr, cg, cb, ca] = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        r += cr * ca; g += cg * ca; b += cb * ca; a += ca;
      }
    }
    const n = SAMPLES * SAMPLES;
    const coverage = a / (255 * n);
    // Composite the shape over its soft shadow.
    const shadow = shadowAlpha(px + 0.5, py + 0.5) * (1 - coverage);
    const alpha = coverage + shadow;
    const o = row + 1 + px * 4;
    if (alpha > 0) {
      const keep = coverage / alpha; // the shadow is black
      raw[o] = Math.round((a ? r / a : 0) * keep);
      raw[o + 1] = Math.round((a ? g / a : 0) * keep);
      raw[o + 2] = Math.round((a ? b / a : 0) * keep);
    }
    raw[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type: RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const target = new URL('./icon.png', import.meta.url);
writeFileSync(target, png);
console.log(`wrote ${target.pathname} (${png.length} bytes)`);
