// Validation of encoder input (and of transfer/platform actions found while decoding), with precise errors.
// Rules from Sobot's transfer_action / platform_action tables (../shared/seeds/001, 004).
import { SessionFromError } from './errors';
import { PARTNER_ID_MAX_CHARS, TRANSFER_ACTION_MAX_LEVELS } from './limits';
import type { PlatformAction, SessionFromFields, SessionFromInput, TransferAction } from './types';

const OVERFLOW_OPTIONS = { to_service: { overflow: '1', stay: '2' }, to_group: { overflow: '3', stay: '4' } } as const;
const SPILL_IDS = { to_service: ['1', '2', '3'], to_group: ['4', '5', '6', '7'] } as const;

function fail(field: string, message: string): never {
  throw new SessionFromError('invalid_field', field, message);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') fail(field, `must be a string, got ${typeof value}`);
  return value === '' ? undefined : value;
}

/** Ids may come as numbers in Sobot's examples (`robotid: 1`); they travel as strings. */
function idString(value: unknown, field: string, required: boolean): string | undefined {
  if (value === undefined || value === null || value === '') {
    if (required) fail(field, 'is required');
    return undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') fail(field, `must be a string or a number, got ${typeof value}`);
  return value;
}

export function validateStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) fail(field, 'must be an object whose values are strings');
  const out: Record<string, string> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === '') fail(field, 'keys must not be empty');
    if (v === undefined) continue;
    if (typeof v === 'string') out[key] = v;
    else if ((typeof v === 'number' && Number.isFinite(v)) || typeof v === 'boolean') out[key] = String(v);
    else fail(`${field}.${key}`, `must be a string, number or boolean, got ${v === null ? 'null' : typeof v}`);
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

export function validateTransferAction(value: unknown, field = 'transferAction'): TransferAction[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(field, 'must be an array of transfer levels');
  if (value.length === 0) return undefined;
  if (value.length > TRANSFER_ACTION_MAX_LEVELS) {
    fail(field, `has ${value.length} levels; at most ${TRANSFER_ACTION_MAX_LEVELS} are allowed`);
  }
  return value.map((item: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isPlainObject(item)) fail(at, 'must be an object');
    const actionType = item.actionType;
    if (actionType !== 'to_group' && actionType !== 'to_service') {
      fail(`${at}.actionType`, `must be "to_group" or "to_service", got ${JSON.stringify(actionType)}`);
    }
    const deciId = idString(item.deciId, `${at}.deciId`, true) as string;
    const options = OVERFLOW_OPTIONS[actionType];
    const optionId = idString(item.optionId, `${at}.optionId`, true);
    if (optionId !== options.overflow && optionId !== options.stay) {
      fail(
        `${at}.optionId`,
        `must be "${options.overflow}" (overflow) or "${options.stay}" (no overflow) for ${actionType}, got "${optionId}"`,
      );
    }
    const overflows = optionId === options.overflow;
    const isLast = i === value.length - 1;
    if (overflows && isLast) fail(`${at}.optionId`, 'the last level cannot overflow: there is no next level to overflow to');
    const spillId = idString(item.spillId, `${at}.spillId`, overflows);
    const action: TransferAction = { actionType, deciId, optionId };
    if (spillId !== undefined) {
      if (!overflows) fail(`${at}.spillId`, `only applies when optionId is "${options.overflow}" (overflow)`);
      const allowed: readonly string[] = SPILL_IDS[actionType];
      if (!allowed.includes(spillId)) {
        fail(`${at}.spillId`, `must be one of ${allowed.join(', ')} for ${actionType}, got "${spillId}"`);
      }
      action.spillId = spillId as TransferAction['spillId'];
    }
    return action;
  });
}

export function validatePlatformAction(value: unknown, field = 'platformAction'): PlatformAction | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isPlainObject(value)) fail(field, 'must be an object with customerCode');
  const customerCode = idString(value.customerCode, `${field}.customerCode`, true) as string;
  const flowGroupId = idString(value.flowGroupId, `${field}.flowGroupId`, false);
  return flowGroupId === undefined ? { customerCode } : { customerCode, flowGroupId };
}

export function validatePartnerId(value: unknown, field = 'partnerId'): string | undefined {
  const partnerId = optionalString(value, field);
  if (partnerId !== undefined && Array.from(partnerId).length > PARTNER_ID_MAX_CHARS) {
    fail(field, `is ${Array.from(partnerId).length} characters; at most ${PARTNER_ID_MAX_CHARS} are allowed`);
  }
  return partnerId;
}

/** Everything but the UnionID, which the encoder resolves (it may need the cipher). */
export function validateInput(input: unknown): Omit<SessionFromFields, 'unionId' | 'extra'> {
  if (!isPlainObject(input)) fail('input', 'must be an object');
  const fields: SessionFromFields = {};
  const set = <K extends keyof SessionFromFields>(key: K, v: SessionFromFields[K] | undefined) => {
    if (v !== undefined) fields[key] = v;
  };
  set('nickname', optionalString(input.nickname, 'nickname'));
  set('avatarUrl', optionalString(input.avatarUrl, 'avatarUrl'));
  set('params', validateStringMap(input.params, 'params'));
  set('transferAction', validateTransferAction(input.transferAction));
  set('platformAction', validatePlatformAction(input.platformAction));
  set('partnerId', validatePartnerId(input.partnerId));
  set('robotId', idString(input.robotId, 'robotId', false));
  set('customerFields', validateStringMap(input.customerFields, 'customerFields'));
  return fields;
}

export { fail as failField, optionalString };
