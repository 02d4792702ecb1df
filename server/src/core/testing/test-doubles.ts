// Clock, ids, notifier and robot for tests.
import type { Clock } from '../ports/clock';
import type { IdGenerator, IdKind } from '../ports/id-generator';
import type { EngineNotice, Notifier } from '../ports/notifier';
import type { Robot, RobotAnswer, RobotContext } from '../ports/robot';
import type { MessageContent } from '../model/message';

/** A clock that moves only when told to. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2025, 0, 6, 2, 0)) {}
  now(): number {
    return this.current;
  }
  set(instant: number): void {
    this.current = instant;
  }
  advanceMinutes(minutes: number): void {
    this.current += minutes * 60_000;
  }
}

/** conversation-000001, message-000002, …: readable in failures, unique across kinds, sorted by creation. */
export class SequentialIds implements IdGenerator {
  private n = 0;
  next(kind: IdKind): string {
    this.n += 1;
    return `${kind}-${String(this.n).padStart(6, '0')}`;
  }
}

export class RecordingNotifier implements Notifier {
  readonly notices: EngineNotice[] = [];
  async notify(notices: readonly EngineNotice[]): Promise<void> {
    this.notices.push(...notices);
  }
}

/** Answers from a table of exact texts; anything else is no_answer. */
export class ScriptedRobot implements Robot {
  readonly questions: Array<{ question: MessageContent; context: RobotContext }> = [];
  constructor(private readonly answers: Record<string, RobotAnswer> = {}) {}
  async answer(question: MessageContent, context: RobotContext): Promise<RobotAnswer> {
    this.questions.push({ question, context });
    return (question.type === 'text' && this.answers[question.text]) || { kind: 'no_answer' };
  }
}
