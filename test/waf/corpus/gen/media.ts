/**
 * Small real media files, built byte by byte so the output never depends on the zlib or
 * libjpeg version of the machine: PNG with stored (uncompressed) deflate blocks, baseline
 * JPEG whose 8×8 blocks are flat colours (DC terms only, Annex K DC tables), a one-page
 * PDF with a correct xref table, and a PCM WAV tone.
 */
import { crc32 } from 'node:zlib';

export type Rgb = readonly [number, number, number];
export type Painter = (x: number, y: number) => Rgb;

// ---------------------------------------------------------------- PNG

function adler32(b: Buffer): number {
  let a = 1;
  let s = 0;
  for (const byte of b) {
    a = (a + byte) % 65521;
    s = (s + a) % 65521;
  }
  return ((s << 16) | a) >>> 0;
}

/** zlib stream of stored blocks (BTYPE=00). */
function zlibStored(data: Buffer): Buffer {
  const parts: Buffer[] = [Buffer.from([0x78, 0x01])];
  const max = 65535;
  for (let off = 0; off < data.length || off === 0; off += max) {
    const chunk = data.subarray(off, Math.min(off + max, data.length));
    const final = off + max >= data.length ? 1 : 0;
    const h = Buffer.alloc(5);
    h[0] = final;
    h.writeUInt16LE(chunk.length, 1);
    h.writeUInt16LE(~chunk.length & 0xffff, 3);
    parts.push(h, chunk);
    if (final) break;
  }
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE(adler32(data));
  parts.push(tail);
  return Buffer.concat(parts);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

export function png(width: number, height: number, paint: Painter): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const raw = Buffer.alloc(height * (1 + width * 3));
  let o = 0;
  for (let y = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint(x, y);
      raw[o++] = r;
      raw[o++] = g;
      raw[o++] = b;
    }
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', zlibStored(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- JPEG

interface Huff {
  readonly bits: readonly number[]; // 16 counts
  readonly vals: readonly number[];
}

const DC_LUMA: Huff = { bits: [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0], vals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
const DC_CHROMA: Huff = { bits: [0, 3, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0], vals: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] };
/** AC table with only what flat blocks need: EOB (0x00), plus one spare symbol. */
const AC_MIN: Huff = { bits: [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], vals: [0x00, 0x01] };

function huffCodes(h: Huff): Map<number, { code: number; len: number }> {
  const out = new Map<number, { code: number; len: number }>();
  let code = 0;
  let k = 0;
  for (let len = 1; len <= 16; len++) {
    for (let i = 0; i < h.bits[len - 1]!; i++) out.set(h.vals[k++]!, { code: code++, len });
    code <<= 1;
  }
  return out;
}

class BitWriter {
  private readonly out: number[] = [];
  private acc = 0;
  private n = 0;
  put(code: number, len: number): void {
    for (let i = len - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((code >> i) & 1);
      if (++this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.out.push(this.acc);
    if (this.acc === 0xff) this.out.push(0x00);
    this.acc = 0;
    this.n = 0;
  }
  finish(): Buffer {
    while (this.n !== 0) this.put(1, 1);
    return Buffer.from(this.out);
  }
}

function segment(marker: number, body: number[]): Buffer {
  const len = body.length + 2;
  return Buffer.from([0xff, marker, len >> 8, len & 0xff, ...body]);
}

function dhtBody(cls: number, id: number, h: Huff): number[] {
  return [(cls << 4) | id, ...h.bits, ...h.vals];
}

/** Baseline JPEG, 4:4:4, each 8×8 block the mean colour of `paint` over it. */
export function jpeg(width: number, height: number, paint: Painter): Buffer {
  if (width % 8 !== 0 || height % 8 !== 0) throw new Error('jpeg: size must be a multiple of 8');
  const Q = 8; // DC quantiser: a flat block's DC is 8·(v−128), so stored DC = v−128
  const dqt = [0x00, Q, ...new Array<number>(63).fill(16)];
  const sof = [8, height >> 8, height & 0xff, width >> 8, width & 0xff, 3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0];
  const dht = [...dhtBody(0, 0, DC_LUMA), ...dhtBody(0, 1, DC_CHROMA), ...dhtBody(1, 0, AC_MIN)];
  const sos = [3, 1, 0x00, 2, 0x10, 3, 0x10, 0, 63, 0];
  const jfif = [0x4a, 0x46, 0x49, 0x46, 0x00, 1, 1, 0, 0, 1, 0, 1, 0, 0];

  const dcCodes = [huffCodes(DC_LUMA), huffCodes(DC_CHROMA), huffCodes(DC_CHROMA)];
  const eob = huffCodes(AC_MIN).get(0)!;
  const pred = [0, 0, 0];
  const w = new BitWriter();
  for (let by = 0; by < height / 8; by++) {
    for (let bx = 0; bx < width / 8; bx++) {
      const sum = [0, 0, 0];
      for (let y = 0; y < 8; y++) {
        for (let x = 0; x < 8; x++) {
          const [r, g, b] = paint(bx * 8 + x, by * 8 + y);
          sum[0]! += 0.299 * r + 0.587 * g + 0.114 * b;
          sum[1]! += 128 - 0.168736 * r - 0.331264 * g + 0.5 * b;
          sum[2]! += 128 + 0.5 * r - 0.418688 * g - 0.081312 * b;
        }
      }
      for (let c = 0; c < 3; c++) {
        const v = Math.max(0, Math.min(255, Math.round(sum[c]! / 64)));
        const dc = v - 128;
        const diff = dc - pred[c]!;
        pred[c] = dc;
        const mag = Math.abs(diff);
        const cat = mag === 0 ? 0 : 32 - Math.clz32(mag);
        const hc = dcCodes[c]!.get(cat)!;
        w.put(hc.code, hc.len);
        if (cat > 0) w.put(diff >= 0 ? diff : diff + (1 << cat) - 1, cat);
        w.put(eob.code, eob.len);
      }
    }
  }
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(0xe0, jfif),
    segment(0xdb, dqt),
    segment(0xc0, sof),
    segment(0xc4, dht),
    segment(0xda, sos),
    w.finish(),
    Buffer.from([0xff, 0xd9]),
  ]);
}

// ---------------------------------------------------------------- PDF and WAV

function pdfEscape(s: string): string {
  return s.replace(/[\\()]/g, (c) => '\\' + c);
}

/** One-page PDF (Helvetica text lines) with a byte-exact xref table. */
export function pdf(title: string, lines: readonly string[]): Buffer {
  const content = ['BT', '/F1 11 Tf', '14 TL', '56 780 Td', `(${pdfEscape(title)}) Tj`, ...lines.map((l) => `T* (${pdfEscape(l)}) Tj`), 'ET'].join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** 16-bit mono PCM WAV of a short tone (a stand-in for a recorded voice note). */
export function wav(freqs: readonly number[], msEach: number, rate = 8000): Buffer {
  const perTone = Math.round((rate * msEach) / 1000);
  const samples = perTone * freqs.length;
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVE', 8, 'latin1');
  b.write('fmt ', 12, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(rate, 24);
  b.writeUInt32LE(rate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) {
    const f = freqs[Math.floor(i / perTone)]!;
    b.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * f * i) / rate)), 44 + i * 2);
  }
  return b;
}

export function dataUrl(mediaType: string, bytes: Buffer): string {
  return `data:${mediaType};base64,${bytes.toString('base64')}`;
}

// ---------------------------------------------------------------- pictures

/** A handful of recognisable little pictures (chart, receipt, UI mock-up, photo-ish gradient). */
export const PICTURES: Readonly<Record<string, { w: number; h: number; paint: Painter }>> = {
  bar_chart: {
    w: 48, h: 32,
    paint: (x, y) => {
      const heights = [10, 22, 16, 28, 12, 20];
      const bar = Math.floor(x / 8);
      const inBar = x % 8 >= 1 && x % 8 <= 6 && 32 - y <= heights[bar]!;
      return inBar ? [31, 119, 180] : y === 31 ? [60, 60, 60] : [250, 250, 250];
    },
  },
  sunset: {
    w: 40, h: 24,
    paint: (x, y) => [Math.min(255, 200 + y * 2), Math.max(0, 150 - y * 5 + x), Math.min(255, 80 + y * 6)],
  },
  receipt: {
    w: 24, h: 40,
    paint: (x, y) => (x > 2 && x < 21 && y % 4 === 1 && x < 6 + ((y * 7) % 14) ? [40, 40, 40] : [245, 243, 236]),
  },
  ui_mockup: {
    w: 48, h: 32,
    paint: (x, y) => (y < 6 ? [0, 120, 212] : x < 10 ? [237, 235, 233] : y > 22 && y < 28 && x > 30 && x < 44 ? [0, 120, 212] : [255, 255, 255]),
  },
  checker: {
    w: 16, h: 16,
    paint: (x, y) => ((Math.floor(x / 4) + Math.floor(y / 4)) % 2 === 0 ? [20, 20, 20] : [230, 230, 230]),
  },
  leaf: {
    w: 32, h: 32,
    paint: (x, y) => {
      const dx = x - 16;
      const dy = y - 16;
      return dx * dx * 2 + dy * dy < 180 ? [46, 139 + (x % 3) * 10, 87] : [250, 248, 240];
    },
  },
};

export function picturePng(name: string): Buffer {
  const p = PICTURES[name]!;
  return png(p.w, p.h, p.paint);
}

export function pictureJpeg(name: string): Buffer {
  const p = PICTURES[name]!;
  return jpeg(p.w, p.h, p.paint);
}
