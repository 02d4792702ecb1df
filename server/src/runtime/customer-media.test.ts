// Voice conversion with Debian's ffmpeg (installed by scripts/ensure-installed.mjs --ffmpeg): AMR-NB in,
// MP3 of the same length out; what is not audio, or a missing ffmpeg, fails with AudioConversionFailed.
import { mediaFormatOf, voiceSecondsOf } from '../core/media/media-format';
import { amrVoice, TEXT } from '../core/media/testing/media-samples';
import { AudioConversionFailed } from '../core/ports/message-media';
import { FfmpegAudio } from './customer-media';

describe('FfmpegAudio', () => {
  it('turns an AMR voice into MP3 of the same length', async () => {
    const mp3 = await new FfmpegAudio().toBrowserAudio({ data: amrVoice(2), contentType: 'audio/amr' });
    expect(mp3.contentType).toBe('audio/mpeg');
    expect(mediaFormatOf(mp3.data)).toBe('mp3');
    expect(voiceSecondsOf(mp3.data)).toBeCloseTo(2, 0);
  });

  it('fails clearly on what is not audio, and without ffmpeg', async () => {
    await expect(new FfmpegAudio().toBrowserAudio({ data: TEXT, contentType: 'audio/amr' })).rejects.toBeInstanceOf(AudioConversionFailed);
    await expect(new FfmpegAudio('/nonexistent/ffmpeg').toBrowserAudio({ data: amrVoice(1), contentType: 'audio/amr' })).rejects.toThrow(
      /ffmpeg cannot run/,
    );
  });
});
