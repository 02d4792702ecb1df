// Adapters of the message-media ports: a customer's media fetched from WeChat (cgi-bin/media/get, through
// the channel's API client and its token broker), kept for a while in memory since an agent replays a
// voice more than once and WeChat's media_id lives only 3 days; and voice converted by Debian's ffmpeg
// (native AMR-NB/WB decoders, libspeex for Speex) into MP3, which every browser plays.
import { spawn } from 'node:child_process';
import { MediaUnavailable } from '../core/ports/media';
import { AudioConversionFailed, type AudioConverter, type CustomerMediaSource, type MediaBytes } from '../core/ports/message-media';
import { downloadTempMedia, WeChatApiError } from '../wechat/outbound/index';
import type { WeChatApis } from './wechat-apis';

const CACHED = 50;
const CONVERT_TIMEOUT_MS = 20_000;
const MAX_OUTPUT_BYTES = 20 * 1024 * 1024;

export class WeChatCustomerMedia implements CustomerMediaSource {
  private readonly cache = new Map<string, MediaBytes>();

  constructor(private readonly apis: Pick<WeChatApis, 'forChannel'>) {}

  async fetch(channelId: string, mediaId: string): Promise<MediaBytes> {
    const key = `${channelId}\n${mediaId}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const channel = await this.apis.forChannel(channelId);
    if (!channel) throw new MediaUnavailable(`channel ${channelId} is gone`);
    const got = await downloadTempMedia(channel.api, mediaId).catch((err: unknown) => {
      if (err instanceof WeChatApiError) throw new MediaUnavailable(`WeChat answered errcode ${err.errcode} (${err.errmsg})`);
      throw err;
    });
    const media = {
      data: new Uint8Array(got.data),
      contentType: got.contentType,
      ...(got.filename !== undefined && { filename: got.filename }),
    };
    this.cache.set(key, media);
    if (this.cache.size > CACHED) this.cache.delete(this.cache.keys().next().value as string);
    return media;
  }
}

/** `ffmpeg` from PATH (scripts/ensure-installed.mjs installs Debian's), reading and writing pipes only. */
export class FfmpegAudio implements AudioConverter {
  constructor(private readonly command = process.env.FFMPEG_PATH ?? 'ffmpeg') {}

  toBrowserAudio(voice: MediaBytes): Promise<MediaBytes> {
    const args = [
      '-hide_banner',
      '-loglevel',
      'error',
      '-i',
      'pipe:0',
      '-vn',
      '-ac',
      '1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      '32k',
      '-f',
      'mp3',
      'pipe:1',
    ];
    return new Promise((resolve, reject) => {
      const child = spawn(this.command, args, { stdio: ['pipe', 'pipe', 'pipe'], timeout: CONVERT_TIMEOUT_MS });
      const out: Buffer[] = [];
      let size = 0;
      let errors = '';
      child.stdout.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_OUTPUT_BYTES) child.kill('SIGKILL');
        else out.push(chunk);
      });
      child.stderr.on('data', (chunk: Buffer) => (errors = (errors + chunk.toString()).slice(-500)));
      child.on('error', (err) => reject(new AudioConversionFailed(`ffmpeg cannot run: ${err.message}`)));
      child.on('close', (code) => {
        if (code === 0 && size > 0 && size <= MAX_OUTPUT_BYTES)
          resolve({ data: new Uint8Array(Buffer.concat(out)), contentType: 'audio/mpeg', filename: 'voice.mp3' });
        else reject(new AudioConversionFailed(`ffmpeg could not convert the ${voice.contentType} voice (exit ${code}): ${errors.trim()}`));
      });
      child.stdin.on('error', () => undefined); // ffmpeg may stop reading early; its exit code tells
      child.stdin.end(Buffer.from(voice.data));
    });
  }
}
