// The API's answers and bodies as TypeScript types, inferred from the server's own zod schemas
// (server/src/contract/), so the web app cannot drift from what the server enforces. Type-only
// imports: none of the server's code reaches the browser bundle.
import type { z } from 'zod';
import type * as auth from '../../../server/src/contract/auth';
import type * as channel from '../../../server/src/contract/channel';
import type * as conv from '../../../server/src/contract/conversation';
import type * as history from '../../../server/src/contract/customer-history';
import type * as knowledge from '../../../server/src/contract/knowledge';
import type * as media from '../../../server/src/contract/media';
import type * as quick from '../../../server/src/contract/quick-replies';
import type * as reports from '../../../server/src/contract/reports';
import type * as settings from '../../../server/src/contract/settings';
import type * as team from '../../../server/src/contract/team';
import type * as webhooks from '../../../server/src/contract/webhooks';

export type Out<T extends z.ZodType> = z.output<T>;
export type In<T extends z.ZodType> = z.input<T>;
export interface List<T> {
  items: T[];
}

export type Role = Out<typeof auth.role>;
export type Principal = Out<typeof auth.principal>;
export type AccountView = Out<typeof auth.accountView>;
export type AccountCreate = In<typeof auth.accountCreate>;
export type TokenView = Out<typeof auth.tokenView>;
export type TokenCreated = Out<typeof auth.tokenCreated>;

export type Channel = Out<typeof channel.channel>;
export type ChannelCreate = In<typeof channel.channelCreate>;
export type ChannelUpdate = In<typeof channel.channelUpdate>;
export type CredentialsCheck = In<typeof channel.credentialsCheck>;
export type StoredCredentialsCheck = In<typeof channel.storedCredentialsCheck>;
export type CredentialsAnswer = Out<typeof channel.credentialsAnswer>;

export type Customer = Out<typeof conv.customer>;
export type CustomerEvent = Out<typeof conv.customerEvent>;
export type Conversation = Out<typeof conv.conversation>;
export type ConversationState = Out<typeof conv.conversationState>;
export type ConversationList = Out<typeof conv.conversationList>;
export type EntryPage = NonNullable<Customer['entryPage']>;
export type Message = Out<typeof conv.message>;
export type MessageContent = Message['content'];
export type Delivery = NonNullable<Message['delivery']>;
export type SendWindow = Out<typeof conv.sendWindow>;
export type ReplyBody = In<typeof conv.replyBody>;
type ReplyKind = (typeof conv.REPLY_KINDS)[number];
/** One reply's content, exactly one kind (the schema's refine says so; its inferred type cannot). */
export type ReplyPayload = { [K in ReplyKind]: { [P in K]: NonNullable<ReplyBody[P]> } }[ReplyKind];
export type ReplyAnswer = Out<typeof conv.replyAnswer>;
export type TransferBody = In<typeof conv.transferBody>;
export type TransferAnswer = Out<typeof conv.transferAnswer>;
export type TakeAnswer = Out<typeof conv.takeAnswer>;
export type ConversationEvent = Out<typeof conv.conversationEvent>;

export type PictureUpload = In<typeof media.pictureUpload>;
export type MediaUpload = Out<typeof media.uploaded>;

export type Agent = Out<typeof team.agent>;
export type AgentStatus = Out<typeof team.agentStatus>;
export type AgentCreate = In<typeof team.agentCreate>;
export type AgentUpdate = In<typeof team.agentUpdate>;
export type Group = Out<typeof team.group>;
export type GroupCreate = In<typeof team.groupCreate>;
export type GroupUpdate = In<typeof team.groupUpdate>;
export type Calendar = Out<typeof team.calendar>;
export type CalendarCreate = In<typeof team.calendarCreate>;
export type Merchant = Out<typeof team.merchant>;

export type KnowledgeEntry = Out<typeof knowledge.entry>;
export type KnowledgeEntryCreate = In<typeof knowledge.entryCreate>;
export type RobotSettings = Out<typeof knowledge.robotSettingsAnswer>;
export type RobotSettingsChange = In<typeof knowledge.robotSettingsChange>;
export type KnowledgeMiss = Out<typeof knowledge.miss>;
export type KnowledgeExport = Out<typeof knowledge.exportAnswer>;
export type KnowledgeImport = In<typeof knowledge.importBody>;
export type KnowledgeImportAnswer = Out<typeof knowledge.importAnswer>;
export type KnowledgeMediaAnswer = Out<typeof knowledge.mediaAnswer>;
export type KnowledgeHit = Out<typeof knowledge.searchAnswer>['items'][number];
export type KnowledgeSynonyms = Out<typeof knowledge.synonyms>;
export type KnowledgeSynonymsExport = Out<typeof knowledge.synonymsExport>;

export type Dashboard = Out<typeof reports.dashboard>;
export type DashboardTimes = Dashboard['waitMs'];

export type Settings = Out<typeof settings.settingsAnswer>;
export type SettingsPatch = In<typeof settings.settingsPatch>;
export type CustomerHistory = Out<typeof history.customerHistory>;
export type CustomerHistoryItem = Out<typeof history.customerHistoryItem>;

export type QuickReply = Out<typeof quick.quickReply>;
export type QuickReplyCreate = In<typeof quick.quickReplyCreate>;
export type UsableQuickReply = Out<typeof quick.usableQuickReply>;
export type QuickReplyImportAnswer = Out<typeof quick.quickReplyImportAnswer>;

export type Webhook = Out<typeof webhooks.webhook>;
export type WebhookCreate = In<typeof webhooks.webhookCreate>;
export type WebhookCreated = Out<typeof webhooks.webhookCreated>;
export type WebhookLog = Out<typeof webhooks.webhookLog>;
export type WebhookEventType = Out<typeof webhooks.webhookEventType>;
