// Routing and timer settings of a channel, a merchant or a skill group; defaults in default-settings.ts.

export type ReceptionMode = 'agents_only' | 'robot_first' | 'robot_only';
export type AssignmentStrategy = 'least_loaded' | 'round_robin';
export type SettingsLanguage = 'zh-CN' | 'en';

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
}

export interface RoutingSettings {
  receptionMode: ReceptionMode;
  /** The robot when the session-from names none. */
  defaultRobotId?: string;
  /** A customer message matching one of these asks for a person (robot-first mode). */
  transferKeywords: string[];
  assignment: AssignmentStrategy;
  /** Prefer the customer's previous agent while that agent is online (or invisible) and has room. */
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
  /** Courtesy notices (queue moves, silence warning) are skipped when fewer sends than this would be left. */
  quotaReservedForAgents: number;
  language: SettingsLanguage;
  messages: RoutingMessages;
}

/** What is stored per level: any subset; messages may be overridden one by one. */
export type RoutingSettingsPatch = Partial<Omit<RoutingSettings, 'messages'>> & { messages?: Partial<RoutingMessages> };
