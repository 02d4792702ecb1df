// The live channel's frames: a notice's frame is the SSE text the stream sends, built once per notice
// however many open streams send it (the notifier hands every stream the same notice objects).
import type { EngineNotice } from '../../core/ports/notifier';
import { frame, frameOf } from './event-stream';

const notice: EngineNotice = { type: 'message_delivered', channelId: 'ch-1', conversationId: 'c1', messageId: 'm1', at: 5 };

afterEach(() => jest.restoreAllMocks());

it("is the stream's frame for the notice", () => {
  expect(frameOf(notice)).toBe(frame('message_delivered', notice));
  expect(frameOf(notice)).toBe(`event: message_delivered\ndata: ${JSON.stringify(notice)}\n\n`);
});

it('serialises a notice once for every stream that sends it', () => {
  const fresh: EngineNotice = { ...notice, messageId: 'm2' };
  const stringify = jest.spyOn(JSON, 'stringify');
  const texts = Array.from({ length: 20 }, () => frameOf(fresh));
  expect(new Set(texts).size).toBe(1);
  expect(stringify).toHaveBeenCalledTimes(1);
});
