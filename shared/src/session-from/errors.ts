/** Why an input cannot become a session-from. `field` is a path such as `transferAction[1].optionId`. */
export type SessionFromErrorCode = 'invalid_field' | 'too_long';

export class SessionFromError extends Error {
  override readonly name = 'SessionFromError';
  constructor(
    readonly code: SessionFromErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
  }
}
