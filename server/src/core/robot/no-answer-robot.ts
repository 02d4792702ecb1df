// The robot until the knowledge base (issue 5) exists: it never knows the answer, so robot-first
// conversations reach a person on the first transfer keyword and robot-only ones get the fallback text.
import type { Robot, RobotAnswer } from '../ports/robot';

export class NoAnswerRobot implements Robot {
  async answer(): Promise<RobotAnswer> {
    return { kind: 'no_answer' };
  }
}
