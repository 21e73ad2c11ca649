// Deterministic, in-memory Mistral-like SSE inputs for the decoder benchmark.
//
// mistralLikeStream(): `started`, N = 100,000 `message.output.delta` frames, `done`.
//   97% of the deltas are the 263-byte default frame of bench/frames.mjs (" token"); about 3%
//   (seeded PRNG) carry a varied token with non-ASCII text (é, 日本語, emoji) or JSON escapes
//   (\" \n \\ \t), so some reads split UTF-8 sequences. About 26.3 MB.
// largeEvent(): one `message.output.delta` frame whose single `data:` line is exactly
//   1,048,576 bytes of valid JSON.
// Both return { bytes: Uint8Array, events, dataChars } where dataChars is the sum of the
// UTF-16 lengths of every event's `data` string (what a decoder must hand back).

import { deltaFrame, startedFrame, doneFrame } from "./frames.mjs";

const VARIED = [
  " café", " naïve", " 日本語", " 中文", " 🚀", " 👍🏽", " Ünïcödé", ' "quoted"', " line\nbreak",
  " back\\slash", " tab\there", " ½ €",
];

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dataLen(frame) {
  // every frame here is `event: X\ndata: Y\n\n`
  const i = frame.indexOf("\ndata: ");
  return frame.length - (i + 7) - 2;
}

export function mistralLikeStream({ n = 100_000, seed = 1, variedShare = 0.03 } = {}) {
  const rnd = mulberry32(seed);
  const parts = [];
  const started = startedFrame("conv_" + "0123456789abcdef".repeat(2));
  let dataChars = dataLen(started);
  let s = started;
  let varied = 0;
  const plain = deltaFrame(" token");
  const plainLen = dataLen(plain);
  for (let i = 0; i < n; i++) {
    let f;
    if (rnd() < variedShare) {
      f = deltaFrame(VARIED[Math.floor(rnd() * VARIED.length)]);
      dataChars += dataLen(f);
      varied++;
    } else {
      f = plain;
      dataChars += plainLen;
    }
    s += f;
    if (s.length > 1 << 20) { parts.push(Buffer.from(s)); s = ""; }
  }
  const done = doneFrame(n);
  dataChars += dataLen(done);
  s += done;
  parts.push(Buffer.from(s));
  const buf = Buffer.concat(parts);
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
  return { bytes, events: n + 2, dataChars, varied };
}

export function largeEvent(dataBytes = 1_048_576) {
  const prefix = '{"type":"message.output.delta","output_index":1,"id":"msg_067f2a9925d674ea8000e63c68ae0474",' +
    '"content_index":0,"model":"mistral-medium-2505","role":"assistant","content":"';
  const suffix = '"}';
  const fill = dataBytes - Buffer.byteLength(prefix) - suffix.length;
  const unit = "lorem ipsum dolor sit amet ";
  const data = prefix + unit.repeat(Math.ceil(fill / unit.length)).slice(0, fill) + suffix;
  if (Buffer.byteLength(data) !== dataBytes) throw new Error("largeEvent size mismatch");
  const buf = Buffer.from(`event: message.output.delta\ndata: ${data}\n\n`);
  return { bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.length), events: 1, dataChars: data.length };
}
