// Ends a conversation: the closing text (when the window allows), the record, the satisfaction request
// when the settings ask for one (support/csat.ts), and the freed seat goes to the queue.
import { endConversation } from '../../core/conversation/transitions';
import type { Conversation, EndReason } from '../../core/model/conversation';
import type { Work } from './engine-deps';
import { requestRating } from './csat';
import { drainQueue } from './drain-queue';
import { loadSettings } from './routing-context';
import { saveConversation, sendSystemText } from './send-to-customer';

export async function closeConversation(
  w: Work,
  c: Conversation,
  reason: EndReason,
  options: { closingText: boolean },
): Promise<Conversation> {
  const settings = await loadSettings(w, c.channelId, c.merchantId);
  if (options.closingText) await sendSystemText(w, c, settings.messages.sessionClosing, 'closing', settings, 'closing');
  const ended = endConversation(c, reason, w.now);
  await saveConversation(w, ended, c.agentId);
  const asked = await requestRating(w, ended, settings);
  if (c.state === 'assigned' || c.state === 'queued') await drainQueue(w, c.channelId, c.merchantId);
  return asked;
}
