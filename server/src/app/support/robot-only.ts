// Robot-only reception never hands a customer to a person: agents' replies and transfers on such a
// conversation are refused with their own code. A conversation a person already holds (the mode was
// switched while it was open) stays theirs to finish.
import { EngineError } from '../../core/errors';
import type { Conversation } from '../../core/model/conversation';
import type { Work } from './engine-deps';
import { loadSettings } from './routing-context';

export async function mustNotBeRobotOnly(w: Work, c: Conversation): Promise<void> {
  if (c.state === 'assigned') return;
  const settings = await loadSettings(w, c.channelId, c.merchantId);
  if (settings.receptionMode === 'robot_only') {
    throw new EngineError('robot_only', `conversation ${c.id} is served by the robot only (robot-only reception mode)`);
  }
}
