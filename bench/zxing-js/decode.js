'use strict';
// Peer for decode_ratio_vs_zxing_js (bench/TraceChain.Bench/DecodeBenchmark.cs).
// Usage: node decode.js <frames-dir> <runs>
// <frames-dir>/manifest.json lists raw 8-bit grayscale frames: [{ "file", "width", "height", "expected" }].
// Every frame is decoded once as warm-up, then <runs> times; each decode is timed on its own, from the raw
// luminance bytes to the result (luminance source, HybridBinarizer, detector, decoder), the same work the
// native side does from its pixel pointer. Prints one JSON line: median CPU ms (process.cpuUsage, the whole
// process, so GC threads count) and median wall ms over all timed decodes, and how many frames were read
// correctly.
const fs = require('fs');
const path = require('path');
const {
  BarcodeFormat, BinaryBitmap, DecodeHintType, HybridBinarizer, MultiFormatReader, RGBLuminanceSource,
} = require('@zxing/library');

const [dir, runsArg] = process.argv.slice(2);
if (!dir || !runsArg) {
  console.error('usage: node decode.js <frames-dir> <runs>');
  process.exit(2);
}
const runs = Number(runsArg);
const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
const frames = manifest.map((f) => ({ ...f, pixels: new Uint8ClampedArray(fs.readFileSync(path.join(dir, f.file))) }));

// Same search as the native side: Data Matrix only, try harder.
const hints = new Map();
hints.set(DecodeHintType.POSSIBLE_FORMATS, [BarcodeFormat.DATA_MATRIX]);
hints.set(DecodeHintType.TRY_HARDER, true);
const reader = new MultiFormatReader();
reader.setHints(hints);

function decode(frame) {
  const source = new RGBLuminanceSource(frame.pixels, frame.width, frame.height);
  try {
    return reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source))).getText();
  } catch (e) {
    return null; // NotFound / Checksum / Format: no read
  }
}

let decoded = 0;
for (const frame of frames) {
  const text = decode(frame);
  // zxing-js may render the leading FNC1 as a GS; the data after it must match exactly.
  if (text !== null && text.replace(/^\u001d/, '') === frame.expected) decoded++;
}

const cpu = [];
const wall = [];
for (let r = 0; r < runs; r++) {
  for (const frame of frames) {
    const startCpu = process.cpuUsage();
    const start = process.hrtime.bigint();
    decode(frame);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1e3);
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const version = require('@zxing/library/package.json').version;
console.log(JSON.stringify({
  library: `@zxing/library ${version}`, node: process.version, frames: frames.length, decoded, runs,
  median_cpu_ms: median(cpu), median_wall_ms: median(wall),
}));
