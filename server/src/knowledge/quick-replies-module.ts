// Quick replies as the server runs them: the store with its in-memory copy (reloaded every few seconds,
// so another node's or the CLI's changes reach `/q` too), and the lookup the WeChat agents' `/q` uses.
import type { ChannelKind } from '../core/channel';
import type { QuickReplyStore } from '../core/ports/quick-reply-store';
import type { QuickReplyLookup } from '../core/wechat-agent/quick-replies';
import { CachedQuickReplies } from './quick-reply-cache';
import { quickReplyContents } from './quick-reply-render';

export interface QuickRepliesModule {
  store: QuickReplyStore;
  lookup: QuickReplyLookup;
  start(): Promise<void>;
  stop(): void;
}

export function quickRepliesModule(
  inner: QuickReplyStore,
  options: { channelKind(channelId: string): Promise<ChannelKind | undefined>; reloadMs?: number },
): QuickRepliesModule {
  const store = new CachedQuickReplies(inner);
  let timer: ReturnType<typeof setInterval> | undefined;
  return {
    store,
    lookup: {
      peek: (owner) => store.peek(owner),
      contents: async (r, channelId) => quickReplyContents(r, (await options.channelKind(channelId)) ?? 'miniprogram'),
    },
    async start() {
      await store.reload();
      timer = setInterval(() => void store.reload().catch(() => undefined), options.reloadMs ?? 5000);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
