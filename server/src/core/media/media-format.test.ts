import { mediaFormatOf, pictureTypeOf, voiceSecondsOf } from './media-format';
import { amrVoice, GIF, JPEG, MP4, PNG, TEXT, WEBP } from './testing/media-samples';

it('tells each format by its bytes, whatever the file claims', () => {
  expect([JPEG, PNG, GIF, WEBP, MP4, amrVoice(1), TEXT].map(mediaFormatOf)).toEqual([
    'jpeg',
    'png',
    'gif',
    'webp',
    'mp4',
    'amr',
    undefined,
  ]);
  expect([JPEG, PNG, GIF, WEBP].map(pictureTypeOf)).toEqual(['image/jpeg', 'image/png', 'image/gif', undefined]);
});

it('measures a voice by its frames', () => {
  expect(voiceSecondsOf(amrVoice(61))).toBeCloseTo(61, 5);
  // One MPEG-1 layer III frame at 128 kbit/s, 44.1 kHz: 417 bytes, 1152 samples.
  const frame = new Uint8Array(417);
  frame.set([0xff, 0xfb, 0x90, 0x00]);
  const mp3 = new Uint8Array(417 * 100);
  for (let i = 0; i < 100; i++) mp3.set(frame, i * 417);
  expect(mediaFormatOf(mp3)).toBe('mp3');
  expect(voiceSecondsOf(mp3)).toBeCloseTo((100 * 1152) / 44100, 5);
  expect(voiceSecondsOf(PNG)).toBeUndefined();
});
