/**
 * Small but real media files, built byte by byte so the output never depends on a zlib
 * build: PNG (stored deflate), baseline grayscale JPEG (DC-only blocks), GIF89a (LZW with
 * frequent clear codes), a one-page PDF with an exact xref table, and 16-bit PCM WAV.
 */
import { crc32 } from 'node:zlib';
import type { Rng } from './rng.js';

function u32be(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
}

// ---------------------------------------------------------------- PNG

function adler32(data: Buffer): number {
  let a = 1;
  let b = 0;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** zlib stream of stored (uncompressed) deflate blocks. */
function zlibStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
  for (let off = 0; off < data.length || off === 0; off += 65535) {
    const chunk = data.subarray(off, Math.min(off + 65535, data.length));
    const last = off + 65535 >= data.length ? 1 : 0;
    const hdr = Buffer.alloc(5);
    hdr[0] = last;
    hdr.writeUInt16LE(chunk.length, 1);
    hdr.writeUInt16LE(chunk.length ^ 0xffff, 3);
    parts.push(hdr, chunk);
    if (last) break;
  }
  parts.push(u32be(adler32(data)));
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  return Buffer.concat([u32be(data.length), td, u32be(crc32(td))]);
}

/** RGB PNG from a pixel function. */
export function png(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc(height * (1 + width * 3));
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0; x < width; x++) {
      const [r, g, b] = pixel(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- JPEG

class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private n = 0;

  write(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >>> i) & 1);
      this.n++;
      if (this.n === 8) this.flushByte();
    }
  }

  private flushByte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00);
    this.acc = 0;
    this.n = 0;
  }

  finish(): Buffer {
    while (this.n !== 0) this.write(1, 1);
    return Buffer.from(this.out);
  }
}

/** Canonical Huffman codes from the JPEG BITS/HUFFVAL lists. */
function huffCodes(bits: readonly number[], vals: readonly number[]): Map<number, [number, number]> {
  const m = new Map<number, [number, number]>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < bits[len - 1]!; i++) m.set(vals[k++]!, [code++, len]);
    code <<= 1;
  }
  return m;
}

const DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_VALS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** A minimal AC table: end-of-block and one spare symbol. */
const AC_BITS = [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_VALS = [0x00, 0x01];

function segment(marker: number, data: Buffer): Buffer {
  const h = Buffer.alloc(4);
  h[0] = 0xff;
  h[1] = marker;
  h.writeUInt16BE(data.length + 2, 2);
  return Buffer.concat([h, data]);
}

/** Baseline grayscale JPEG; every 8×8 block is flat at the mean of `shade` over it. */
export function jpeg(width: number, height: number, shade: (x: number, y: number) => number): Buffer {
  const q = 4;
  const dqt = Buffer.alloc(65, q);
  dqt[0] = 0;
  const sof = Buffer.from([8, height >> 8, height & 0xff, width >> 8, width & 0xff, 1, 1, 0x11, 0]);
  const dht = (cls: number, bits: number[], vals: number[]): Buffer => Buffer.concat([Buffer.from([cls]), Buffer.from(bits), Buffer.from(vals)]);
  const dc = huffCodes(DC_BITS, DC_VALS);
  const ac = huffCodes(AC_BITS, AC_VALS);
  const bw = new BitWriter();
  let prev = 0;
  for (let by = 0; by < Math.ceil(height / 8); by++) {
    for (let bx = 0; bx < Math.ceil(width / 8); bx++) {
      let sum = 0;
      for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) sum += shade(Math.min(width - 1, bx * 8 + x), Math.min(height - 1, by * 8 + y));
      const dcCoef = Math.round(((sum / 64 - 128) * 8) / q);
      const diff = dcCoef - prev;
      prev = dcCoef;
      const mag = Math.abs(diff);
      const size = mag === 0 ? 0 : Math.floor(Math.log2(mag)) + 1;
      const [code, len] = dc.get(size)!;
      bw.write(code, len);
      if (size > 0) bw.write(diff > 0 ? diff : diff + (1 << size) - 1, size);
      const [eob, eobLen] = ac.get(0)!;
      bw.write(eob, eobLen);
    }
  }
  const jfif = Buffer.from([0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 72, 0, 72, 0, 0]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xdb, dqt),
    segment(0xc0, sof),
    segment(0xc4, dht(0x00, DC_BITS, DC_VALS)),
    segment(0xc4, dht(0x10, AC_BITS, AC_VALS)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    bw.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}

// ---------------------------------------------------------------- GIF

/** GIF89a with a 4-colour palette; LZW codes stay 3 bits wide by clearing every two pixels. */
export function gif(width: number, height: number, palette: readonly [number, number, number][], index: (x: number, y: number) => number): Buffer {
  const pal = Buffer.alloc(12);
  for (let i = 0; i < 4; i++) {
    const c = palette[i] ?? [0, 0, 0];
    pal[i * 3] = c[0];
    pal[i * 3 + 1] = c[1];
    pal[i * 3 + 2] = c[2];
  }
  const codes: number[] = [];
  const pixels: number[] = [];
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) pixels.push(index(x, y) & 3);
  for (let i = 0; i < pixels.length; i += 2) {
    codes.push(4, pixels[i]!);
    if (i + 1 < pixels.length) codes.push(pixels[i + 1]!);
  }
  codes.push(5);
  const bytes: number[] = [];
  let acc = 0;
  let n = 0;
  for (const c of codes) {
    acc |= c << n;
    n += 3;
    while (n >= 8) {
      bytes.push(acc & 0xff);
      acc >>>= 8;
      n -= 8;
    }
  }
  if (n > 0) bytes.push(acc & 0xff);
  const sub: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += 255) {
    const chunk = bytes.slice(i, i + 255);
    sub.push(Buffer.from([chunk.length, ...chunk]));
  }
  const lsd = Buffer.alloc(7);
  lsd.writeUInt16LE(width, 0);
  lsd.writeUInt16LE(height, 2);
  lsd[4] = 0xf1;
  const desc = Buffer.alloc(10);
  desc[0] = 0x2c;
  desc.writeUInt16LE(width, 5);
  desc.writeUInt16LE(height, 7);
  return Buffer.concat([Buffer.from('GIF89a', 'latin1'), lsd, pal, desc, Buffer.from([2]), ...sub, Buffer.from([0, 0x3b])]);
}

// ---------------------------------------------------------------- PDF

function pdfEscape(s: string): string {
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A one-page PDF (Helvetica) with the given lines of text and an exact xref table. */
export function pdf(lines: readonly string[], title: string): Buffer {
  const stream = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td', ...lines.map((l) => `(${pdfEscape(l)}) '`), 'ET'].join('\n');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${pdfEscape(title)}) /Producer (holdout-corpus) >>`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Info 6 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

// ---------------------------------------------------------------- WAV

/** 16-bit mono PCM: a few tones with a little seeded noise. */
export function wav(rng: Rng, ms: number, freqs: readonly number[], rate = 8000): Buffer {
  const n = Math.floor((rate * ms) / 1000);
  const data = Buffer.alloc(n * 2);
  for (let i = 0; i < n; i++) {
    const f = freqs[Math.floor((i / n) * freqs.length)] ?? 440;
    const v = Math.sin((2 * Math.PI * f * i) / rate) * 9000 + (rng.next() - 0.5) * 400;
    data.writeInt16LE(Math.round(v), i * 2);
  }
  const h = Buffer.alloc(44);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(36 + data.length, 4);
  h.write('WAVE', 8, 'latin1');
  h.write('fmt ', 12, 'latin1');
  h.writeUInt32LE(16, 16);
  h.writeUInt16LE(1, 20);
  h.writeUInt16LE(1, 22);
  h.writeUInt32LE(rate, 24);
  h.writeUInt32LE(rate * 2, 28);
  h.writeUInt16LE(2, 32);
  h.writeUInt16LE(16, 34);
  h.write('data', 36, 'latin1');
  h.writeUInt32LE(data.length, 40);
  return Buffer.concat([h, data]);
}

export function dataUrl(mediaType: string, bytes: Buffer): string {
  return `data:${mediaType};base64,${bytes.toString('base64')}`;
}

// ---------------------------------------------------------------- seeded pictures

/** A small chart-like or photo-like image in one of three formats. */
export function randomImage(rng: Rng): { mediaType: string; bytes: Buffer; what: string } {
  const kind = rng.int(3);
  const w = rng.pick([16, 24, 32, 48]);
  const h = rng.pick([16, 24, 32]);
  const hue = [rng.int(256), rng.int(256), rng.int(256)] as const;
  if (kind === 0) {
    const bars = Array.from({ length: 6 }, () => rng.int(h));
    const what = rng.pick(['a bar chart screenshot', 'a UI mock-up', 'a colour swatch', 'a diagram']);
    return {
      mediaType: 'image/png', what,
      bytes: png(w, h, (x, y) => (h - y <= bars[Math.floor((x / w) * 6)]! ? [hue[0], hue[1], hue[2]] : [250, 250, 250])),
    };
  }
  if (kind === 1) {
    const cx = rng.int(w);
    const cy = rng.int(h);
    return {
      mediaType: 'image/jpeg', what: rng.pick(['a photo of a receipt', 'a photo of a whiteboard', 'a scanned form', 'a product photo']),
      bytes: jpeg(w, h, (x, y) => Math.max(0, Math.min(255, 230 - Math.hypot(x - cx, y - cy) * 6 + rng.int(3)))),
    };
  }
  const pal: [number, number, number][] = [[255, 255, 255], [hue[0], hue[1], hue[2]], [30, 30, 30], [200, 40, 40]];
  const seed = rng.int(7) + 2;
  return { mediaType: 'image/gif', what: rng.pick(['an icon', 'a pixel-art sprite', 'a small logo']), bytes: gif(w, h, pal, (x, y) => ((x * seed) ^ y) % 4) };
}
