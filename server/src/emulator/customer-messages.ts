// The customer half: what a user does in WeChat (sends a text, an image, opens the chat with a
// SessionFrom, subscribes, taps a menu…) becomes (1) the user action that opens or resets the send
// window, and (2) the push WeChat would deliver to the app's server.
import { z } from 'zod';
import type { InboundMessage, InboundType } from '../core/inbound-message';
import { ALL_TYPES, exampleMessage } from '../wechat/push-client/index';
import type { EmulatedApp } from './apps';
import type { Customer } from './customers';
import type { EmulatorState } from './state';
import type { UserAction } from './window-rules';

export const customerMessageSchema = z.object({
  type: z.enum(ALL_TYPES as [InboundType, ...InboundType[]]).default('text'),
  text: z.string().max(4096).optional(),
  sessionFrom: z.string().max(4096).optional(),
  /** For image messages: the picture the user sent, base64; a 1×1 PNG when absent. */
  imageBase64: z.base64().optional(),
  /** For voice and video messages: the file the user sent (AMR voice, MP4 video), base64, fetchable by its media_id. */
  mediaBase64: z.base64().optional(),
  /** Fields to override on the built message (e.g. a specific msgId). */
  fields: z.record(z.string(), z.unknown()).optional(),
  /** false: only register the action (no push). */
  deliver: z.boolean().default(true),
});

export type CustomerMessageInput = z.infer<typeof customerMessageSchema>;

const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const actionByType: Partial<Record<InboundType, UserAction | 'unsubscribe'>> = {
  text: 'message',
  image: 'message',
  miniprogrampage: 'message',
  voice: 'message',
  video: 'message',
  shortvideo: 'message',
  location: 'message',
  link: 'message',
  file: 'message',
  user_enter_tempsession: 'enter_session',
  subscribe: 'subscribe',
  scan: 'scan',
  click: 'menu_click',
  unsubscribe: 'unsubscribe',
};

export function actionOf(type: InboundType): UserAction | 'unsubscribe' | 'other' {
  return actionByType[type] ?? 'other';
}

/** MsgIds exceed 2^53 like WeChat's; strings from first to last. */
function nextMsgId(state: EmulatorState): string {
  return (24_000_000_000_000_000n + BigInt(state.random(6).readUIntBE(0, 6))).toString();
}

export function buildCustomerMessage(
  state: EmulatorState,
  app: EmulatedApp,
  customer: Customer,
  input: CustomerMessageInput,
): InboundMessage {
  const now = state.clock.now();
  const ctx = {
    openId: customer.openId,
    originalId: app.originalId,
    createTime: Math.floor(now / 1000),
    msgId: nextMsgId(state),
    ...(input.text !== undefined && { text: input.text }),
    ...(input.sessionFrom !== undefined && { sessionFrom: input.sessionFrom }),
  };
  let message = exampleMessage(input.type, ctx);
  if (message.type === 'image') {
    // A real media_id, so the server can fetch the picture through cgi-bin/media/get.
    const data = Buffer.from(input.imageBase64 ?? ONE_PIXEL_PNG, 'base64');
    const media = state.media.add(
      { appId: app.appId, kind: app.kind, type: 'image', data, filename: 'image.png', contentType: 'image/png' },
      now,
      'customer',
    );
    message = { ...message, mediaId: media.mediaId };
  }
  if ((message.type === 'voice' || message.type === 'video') && input.mediaBase64 !== undefined) {
    const voice = message.type === 'voice';
    const media = state.media.add(
      {
        appId: app.appId,
        kind: app.kind,
        type: message.type,
        data: Buffer.from(input.mediaBase64, 'base64'),
        filename: voice ? 'voice.amr' : 'video.mp4',
        contentType: voice ? 'audio/amr' : 'video/mp4',
      },
      now,
      'customer',
    );
    message = { ...message, mediaId: media.mediaId };
  }
  return input.fields ? ({ ...message, ...input.fields } as InboundMessage) : message;
}
