// Shapes the agent view uses beyond web/src/api/types.ts: the reply variants and knowledge hits the
// server is gaining (POST /conversations/:id/reply, GET /channels/:id/knowledge/search). Declared here
// so the view compiles whether or not the server's schemas have caught up yet.
import type { Agent, Conversation, Customer, Group, Merchant, Message, SendWindow } from '../api/types';

export type { Agent, Conversation, Customer, Group, Merchant, Message, SendWindow };

export type ReplyPayload =
  | { text: string }
  | { image: { media: string } }
  | { card: { title: string; pagePath: string; thumbMedia: string; appId?: string } }
  | { knowledge: { number: number } };

export interface ReplyAnswer {
  messageId: string;
  delivery: { status: 'pending' };
  window: SendWindow;
}

export interface KnowledgeHit {
  number: number;
  question: string;
  preview: string;
  type: string;
}

export interface MediaUpload {
  media: string;
  url: string;
}

/** The content variants of server/src/core/model/message.ts, read loosely (the API types them as {type}). */
export interface AnyContent {
  type: string;
  text?: string;
  mediaId?: string;
  picUrl?: string;
  title?: string;
  pagePath?: string;
  appId?: string;
  thumbMediaId?: string;
  thumbUrl?: string;
  description?: string;
  url?: string;
  recognition?: string;
  latitude?: number;
  longitude?: number;
  label?: string;
  msgType?: string;
}

export type ListKey = 'queued' | 'mine' | 'ended';
