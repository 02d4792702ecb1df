// Random push settings nobody holds, for a channel that an open-platform authorization created: its pushes
// come to the platform's message URL, so its own URL (/wechat/<id>) must accept nothing. 32 letters and
// digits for the Token (WeChat's longest) and 43 for the EncodingAESKey, from the system's random source.
import { randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomText(length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += ALPHABET[randomInt(ALPHABET.length)];
  return text;
}

export function randomPushSecrets(): { token: string; encodingAesKey: string } {
  return { token: randomText(32), encodingAesKey: randomText(43) };
}
