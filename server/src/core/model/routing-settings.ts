// Routing and timer settings of a channel, a merchant or a skill group; defaults in default-settings.ts.

export type ReceptionMode = 'agents_only' | 'robot_first' | 'robot_only';
export type AssignmentStrategy = 'least_loaded' | 'round_robin';
export type SettingsLanguage = 'zh-CN' | 'en';
/** What agents see of conversations a colleague holds: read-only, or nothing at all. */
export type ColleaguesConversations = 'read_only' | 'hidden';
/** When an ended conversation asks the customer for a rating (core/conversation/csat.ts). */
export type CsatMode = 'off' | 'on' | 'after_agent';

/** What the customer is told. Placeholders: {position}, {minutes}, {agent}, {merchant}. */
export interface RoutingMessages {
  queuePosition: string;
  queueFull: string;
  assigned: string;
  offHours: string;
  nobodyAvailable: string;
  leaveMessagePrompt: string;
  leaveMessageReceived: string;
  silenceWarning: string;
  sessionClosing: string;
  robotNoAnswer: string;
  robotOnlyNoAnswer: string;
  /** Names the shop when the customer's chat switches to another merchant's conversation. */
  merchantAnnouncement: string;
  // Notices of a new conversation and of a transfer (support/notices.ts).
  /** Greets a new conversation (agents mode; robot modes greet with the knowledge base's welcome entry). */
  welcome: string;
  /** Names the human agent who served a returning customer last: {agent}. */
  previousAgent: string;
  /** A transfer to an agent: {agent}. */
  transferredToAgent: string;
  /** A transfer to a group or back to the queue (the queue position follows in the same message). */
  transferred: string;
  /** Asks the customer to rate the conversation that just ended (satisfaction, CSAT): a reply 1-5. */
  csatRequest: string;
  /** Thanks the customer for a rating. */
  csatThanks: string;
}

export interface RoutingSettings {
  receptionMode: ReceptionMode;
  /** The robot when the session-from names none. */
  defaultRobotId?: string;
  /** A customer message that is one of these (the whole text, trimmed) asks for a person (robot-first mode). */
  transferKeywords: string[];
  /** Robot-first mode: the robot keeps answering customers while they wait in the queue. */
  robotWhileQueued: boolean;
  /** A customer with the robot or in the queue who writes an agent's name is handed to that agent when they can take it now (never in robot-only mode). */
  callAgentByName: boolean;
  assignment: AssignmentStrategy;
  /** Prefer the customer's previous agent while that agent is online (or invisible) and has room; an entry's transfer_action comes first. */
  lastAgentMode: boolean;
  /** Where conversations go without a transfer_action; undefined: any agent of the merchant. */
  defaultGroupId?: string;
  /** Work time; undefined: always. */
  calendarId?: string;
  /** Queued conversations per target (group, agent or pool); 0: never queue. */
  maxQueueLength: number;
  /** Minutes in the queue before the customer is offered to leave a message; 0: never. */
  queueTimeoutMinutes: number;
  /** When work time ends, queued customers get the off-hours notice and the offer to leave a message. */
  queueClosesWithWorkTime: boolean;
  /** Tell the customer which agent took the conversation (costs one of WeChat's sends). */
  announceAssignment: boolean;
  /** Tell queued customers their new position when it moves. */
  announceQueuePosition: boolean;
  /** End the conversation after the customer has been silent this long; 0: never. */
  customerSilenceMinutes: number;
  /** Send the silence warning this many minutes before the end; 0: no warning. */
  silenceWarningMinutes: number;
  /** Move the conversation to another agent after the agent has not answered this long; 0: never. */
  agentNoReplyMinutes: number;
  /** End robot conversations after this much customer silence; 0: never. */
  robotIdleMinutes: number;
  /** What happens to an agent's conversations when the agent goes offline. */
  onAgentOffline: 'reassign' | 'keep';
  /** Every notice is skipped when fewer sends than this would be left (in a one-minute window: one). */
  quotaReservedForAgents: number;
  /** Greet every new conversation (the welcome text, or the robot's welcome entry in robot modes). */
  sendWelcome: boolean;
  /** Tell a returning customer which human agent served them last. */
  announcePreviousAgent: boolean;
  /** Agents see colleagues' conversations read-only (default) or not at all; admins always see them. */
  colleaguesConversations: ColleaguesConversations;
  /** Ask the customer to rate a conversation when it ends: never, always, or only after a person answered. */
  csat: CsatMode;
  language: SettingsLanguage;
  messages: RoutingMessages;
}

/** What is stored per level: any subset; messages may be overridden one by one. */
export type RoutingSettingsPatch = Partial<Omit<RoutingSettings, 'messages'>> & { messages?: Partial<RoutingMessages> };
