// For tests: the smallest files of each format whose signature media-format.ts recognises, and files of
// a chosen size or length (a picture of N bytes, an AMR voice of N seconds).

const bytes = (...parts: Array<number[] | string>): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

/** `head` padded with zeros to `size` bytes. */
export function sized(head: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  out.set(head.subarray(0, size));
  return out;
}

export const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0, 0, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]);
export const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
export const GIF = bytes('GIF89a', [1, 0, 1, 0, 0, 0, 0, 0x3b]);
export const WEBP = bytes(
  'RIFF',
  [0x1a, 0, 0, 0],
  'WEBPVP8L',
  [0x0d, 0, 0, 0, 0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07, 0],
);
export const MP4 = bytes([0, 0, 0, 0x18], 'ftypmp42', [0, 0, 0, 0], 'mp42isom');
export const TEXT = bytes('hello, this is not a picture\n');

/** An AMR-NB voice of `seconds` (12.2 kbit/s frames of 32 bytes, 20 ms each). */
export function amrVoice(seconds: number): Uint8Array {
  const frames = Math.round(seconds * 50);
  const out = new Uint8Array(6 + frames * 32);
  out.set(bytes('#!AMR\n'));
  for (let i = 0; i < frames; i++) out[6 + i * 32] = 0x3c; // frame type 7 (12.2 kbit/s), quality bit set
  return out;
}
