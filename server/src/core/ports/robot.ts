// Port: the robot that answers before (or instead of) agents. The knowledge base's robot implements
// it (knowledge/); the session-from's robotid (or the settings' default) chooses which robot answers.
import type { MessageContent } from '../model/message';

export interface RobotContext {
  channelId: string;
  merchantId?: string;
  robotId?: string;
  conversationId: string;
  customer: { id: string; nickname?: string };
}

export type RobotAnswer =
  /** `handoff`: the robot itself decided the customer needs a person (a menu entry, N misses in a row). */
  { kind: 'answer'; replies: MessageContent[]; handoff?: boolean } | { kind: 'no_answer' };

export interface Robot {
  answer(question: MessageContent, context: RobotContext): Promise<RobotAnswer>;
  /** The welcome (引导语) for a customer entering the chat, from memory (it runs inside a unit of work). */
  greeting?(context: RobotContext): MessageContent | undefined;
}
