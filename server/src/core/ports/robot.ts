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
  /**
   * Work the robot may do BEFORE the unit of work opens (e.g. fetch a question's embedding), so that no
   * network call ever happens inside it. It keeps to its own time budget and never throws; `merchantId`
   * is what is cheaply known then (often nothing: the merchant is decided inside the unit).
   */
  prepare?(channelId: string, merchantId: string | undefined, text: string): Promise<void>;
  answer(question: MessageContent, context: RobotContext): Promise<RobotAnswer>;
  /** The welcome (引导语) for a customer entering the chat, from memory (it runs inside a unit of work). */
  greeting?(context: RobotContext): MessageContent | undefined;
}
