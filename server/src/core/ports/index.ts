// The ports of the conversation engine, in one import.
export type { Clock } from './clock';
export type { IdGenerator, IdKind } from './id-generator';
export type * from './repositories';
export type { Outbox, OutboxItem } from './outbox';
export type { Transaction, UnitOfWork } from './unit-of-work';
export type { EngineNotice, NoticeListener, NoticeSource, Notifier } from './notifier';
export type { LabeledCounter, MetricsRecorder } from './metrics';
export type { MediaResolver } from './media';
export type { Robot, RobotAnswer, RobotContext } from './robot';
