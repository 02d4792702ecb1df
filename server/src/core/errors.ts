// Errors of the conversation engine. Use cases throw these for requests that cannot apply (the HTTP edge
// maps `code` to a status in its one error handler); refusals that are part of the story (a closed send
// window) are returned as results instead.

/**
 * `robot_only`: a conversation in robot-only reception mode, which no person takes or answers.
 * `not_assignee`: a colleague's conversation, read-only to the agent (app/support/conversation-access.ts).
 */
export type EngineErrorCode = 'not_found' | 'forbidden' | 'invalid_state' | 'invalid_input' | 'robot_only' | 'not_assignee';

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: EngineErrorCode,
    message: string,
  ) {
    super(message);
  }
}
