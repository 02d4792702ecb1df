// Ports: the media a customer sent (voice, video, a picture), as the workbench plays it. WeChat keeps a
// customer's media for 3 days behind its media_id (cgi-bin/media/get); voice comes as AMR or Speex,
// which browsers do not play, so it is converted to a format they do.

export interface MediaBytes {
  data: Uint8Array;
  contentType: string;
  filename?: string;
}

/** Fetches a customer's media from WeChat by its media_id, for the channel's app. */
export interface CustomerMediaSource {
  fetch(channelId: string, mediaId: string): Promise<MediaBytes>;
}

/** Turns a voice file (AMR, Speex…) into audio a browser plays (MP3); throws AudioConversionFailed. */
export interface AudioConverter {
  toBrowserAudio(voice: MediaBytes): Promise<MediaBytes>;
}

export class AudioConversionFailed extends Error {
  override readonly name = 'AudioConversionFailed';
}

export interface MessageMediaDeps {
  source: CustomerMediaSource;
  audio: AudioConverter;
}
