// What a media file is, from its own bytes (magic numbers), never from its name or declared type: the
// one signature check behind the product's media rules (media-rules.ts) and the WeChat emulator's upload
// checks. Voice files also get their length, since WeChat refuses voice longer than 60 s.
// Pure: bytes in, facts out (no Buffer, no Node built-ins), so core, the knowledge base and the emulator share it.

export type MediaFormat = 'jpeg' | 'png' | 'gif' | 'bmp' | 'webp' | 'amr' | 'mp3' | 'mp4';

/** The MIME type each format is stored and uploaded with. */
export const CONTENT_TYPES: Record<MediaFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  amr: 'audio/amr',
  mp3: 'audio/mpeg',
  mp4: 'video/mp4',
};

const ascii = (data: Uint8Array, from: number, text: string) => [...text].every((c, i) => data[from + i] === c.charCodeAt(0));
const startsWith = (data: Uint8Array, bytes: number[]) => bytes.every((b, i) => data[i] === b);

/** The format the bytes are in, or undefined when they are none WeChat knows (text, a PDF…). */
export function mediaFormatOf(data: Uint8Array): MediaFormat | undefined {
  if (startsWith(data, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(data, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(data, 0, 'GIF87a') || ascii(data, 0, 'GIF89a')) return 'gif';
  if (ascii(data, 0, 'BM') && data.length > 26) return 'bmp';
  if (ascii(data, 0, 'RIFF') && ascii(data, 8, 'WEBP')) return 'webp';
  if (ascii(data, 0, '#!AMR')) return 'amr';
  if (ascii(data, 0, 'ID3') || mp3FrameAt(data, 0) !== undefined) return 'mp3';
  if (ascii(data, 4, 'ftyp')) return 'mp4';
  return undefined;
}

/** The picture formats (the product's PictureType is one of their content types). */
export function pictureTypeOf(data: Uint8Array): 'image/jpeg' | 'image/png' | 'image/gif' | undefined {
  const f = mediaFormatOf(data);
  return f === 'jpeg' || f === 'png' || f === 'gif' ? (CONTENT_TYPES[f] as 'image/jpeg' | 'image/png' | 'image/gif') : undefined;
}

/** A voice file's length in seconds (AMR and MP3 frames counted), or undefined for other formats. */
export function voiceSecondsOf(data: Uint8Array): number | undefined {
  const f = mediaFormatOf(data);
  if (f === 'amr') return amrSeconds(data);
  if (f === 'mp3') return mp3Seconds(data);
  return undefined;
}

// AMR (RFC 4867 §5): "#!AMR\n" or "#!AMR-WB\n", then frames of 20 ms whose size the frame type in the
// first byte gives.
const AMR_NB_BYTES = [13, 14, 16, 18, 20, 21, 27, 32, 6, 0, 0, 0, 0, 0, 0, 1];
const AMR_WB_BYTES = [18, 24, 33, 37, 41, 47, 51, 59, 61, 6, 0, 0, 0, 0, 1, 1];

function amrSeconds(data: Uint8Array): number {
  const wb = ascii(data, 0, '#!AMR-WB\n');
  const sizes = wb ? AMR_WB_BYTES : AMR_NB_BYTES;
  let at = wb ? 9 : 6;
  let frames = 0;
  while (at < data.length) {
    const size = sizes[((data[at] as number) >> 3) & 0x0f] as number;
    if (size === 0) break;
    at += size;
    frames++;
  }
  return frames * 0.02;
}

// MPEG audio frames (ISO 11172-3 / 13818-3 headers), layer III: walk them and add their durations.
const BITRATES_V1 = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const BITRATES_V2 = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
const RATES = [44100, 48000, 32000];

interface Mp3Frame {
  bytes: number;
  seconds: number;
}

function mp3FrameAt(data: Uint8Array, at: number): Mp3Frame | undefined {
  const [b0, b1, b2] = [data[at], data[at + 1], data[at + 2]];
  if (b0 !== 0xff || b1 === undefined || b2 === undefined || (b1 & 0xe0) !== 0xe0) return undefined;
  const version = (b1 >> 3) & 3; // 3: MPEG 1, 2: MPEG 2, 0: MPEG 2.5
  if (version === 1 || ((b1 >> 1) & 3) !== 1) return undefined; // reserved version, or not layer III
  const kbps = (version === 3 ? BITRATES_V1 : BITRATES_V2)[(b2 >> 4) & 0x0f];
  const base = RATES[(b2 >> 2) & 3];
  if (!kbps || base === undefined) return undefined;
  const rate = version === 3 ? base : version === 2 ? base / 2 : base / 4;
  const samples = version === 3 ? 1152 : 576;
  const bytes = Math.floor(((samples / 8) * kbps * 1000) / rate) + ((b2 >> 1) & 1);
  return { bytes, seconds: samples / rate };
}

function mp3Seconds(data: Uint8Array): number {
  let at = 0;
  if (ascii(data, 0, 'ID3') && data.length >= 10) {
    // ID3v2 size: four 7-bit bytes.
    at = 10 + (((data[6] as number) << 21) | ((data[7] as number) << 14) | ((data[8] as number) << 7) | (data[9] as number));
  }
  let seconds = 0;
  for (let frame = mp3FrameAt(data, at); frame; frame = mp3FrameAt(data, at)) {
    seconds += frame.seconds;
    at += frame.bytes;
  }
  return seconds;
}
