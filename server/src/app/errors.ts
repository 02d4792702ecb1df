// The API's typed error. The one error handler (http/error-handler.ts) answers it as
// {"error": {"code", "message"}} with its status; handlers just throw it.
import { EngineError, type EngineErrorCode } from '../core/errors';
import { MediaRefused } from '../core/media/media-rules';

/**
 * What a client needs to say a refusal in its user's language without parsing English: the field it is
 * about (its path in the request part, "hours.0.start"), why (a zod issue kind or a schema's own reason,
 * "too_small", "time_zone") and the rule's figures ({minimum: 1}). Never the value sent.
 */
export interface FailureDetails {
  field?: string;
  reason?: string;
  params?: Record<string, string | number>;
}

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    /** English, shown to the caller: never a secret, a password or a token. */
    readonly publicMessage: string,
    readonly details?: FailureDetails,
  ) {
    super(publicMessage);
  }
}

/**
 * Our refusals of one field are written "<path>: what is wrong" (as validation's are): the path travels
 * as data too (without its request part), so that a client can name the field in its user's language.
 */
const FIELD_FIRST = /^(?:(?:body|query|params)\.)?([A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*): /;

export const badRequest = (message: string, code = 'invalid_request') => {
  const field = FIELD_FIRST.exec(message)?.[1];
  return new ApiError(400, code, message, field === undefined ? undefined : { field, reason: 'invalid' });
};
export const unauthenticated = (message = 'authentication required') => new ApiError(401, 'unauthenticated', message);
export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);
export const notFound = (what: string) => new ApiError(404, 'not_found', `${what} not found`);
export const conflict = (code: string, message: string) => new ApiError(409, code, message);

const ENGINE_STATUS: Record<EngineErrorCode, number> = {
  not_found: 404,
  forbidden: 403,
  invalid_state: 409,
  invalid_input: 400,
  robot_only: 409,
  not_assignee: 403,
};

/** The engine's errors carry a code but no HTTP status; give them one so the error handler can answer. */
export function fromEngine(err: unknown): unknown {
  if (err instanceof EngineError) return new ApiError(ENGINE_STATUS[err.code], err.code, err.message);
  if (err instanceof MediaRefused) return new ApiError(err.code === 'media_too_large' ? 413 : 400, err.code, err.message);
  return err;
}
