// The lenient reading of a transfer_action that arrived (the encoder stays strict: validate.ts). A
// customer's routing should not be thrown away for one odd level, so instead of failing, each rule of
// Sobot's table (../shared/seeds/001, 004) is applied level by level:
// - a value that is not an array gives no chain (the default routing);
// - levels after the fourth are ignored (Sobot: three overflow levels, the fourth never overflows);
// - a level with an unknown actionType or no usable deciId (its target) is dropped;
// - a level whose optionId or spillId does not fit its actionType, or that overflows without a spillId,
//   is kept as a level that does not overflow; the fourth level's overflow flag is ignored;
// - a spillId on a level that does not overflow means nothing and is left out (Sobot-template senders
//   leave it there), without a remark.
import { TRANSFER_ACTION_MAX_LEVELS } from './limits';
import type { TransferAction, TransferActionType } from './types';

const OPTIONS = { to_service: { overflow: '1', stay: '2' }, to_group: { overflow: '3', stay: '4' } } as const;
const SPILL_IDS: Record<TransferActionType, readonly string[]> = { to_service: ['1', '2', '3'], to_group: ['4', '5', '6', '7'] };

export interface TransferActionRemark {
  /** `transferAction`, or `transferAction[i]` for the level at index i of what arrived. */
  field: string;
  reason: string;
}

export interface TransferActionReading {
  /** The usable levels, in order; empty when nothing was usable. */
  levels: TransferAction[];
  /** What was ignored or changed, for operators; never a reason to reject the rest. */
  remarks: TransferActionRemark[];
}

/** A string or a finite number, as a string; anything else (or empty) is no value. */
function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One level, or the reason it is dropped; `remark` says what was changed to keep it. */
function readLevel(item: unknown, position: number): { level?: TransferAction; remark?: string } {
  if (!isObject(item)) return { remark: 'is not an object; level dropped' };
  const actionType = item.actionType;
  if (actionType !== 'to_group' && actionType !== 'to_service') {
    return { remark: `unknown actionType ${JSON.stringify(actionType)}; level dropped` };
  }
  const deciId = idOf(item.deciId);
  if (deciId === undefined) return { remark: 'has no deciId (no target); level dropped' };
  const options = OPTIONS[actionType];
  const stay: TransferAction = { actionType, deciId, optionId: options.stay };
  const optionId = idOf(item.optionId);
  if (optionId === options.stay) return { level: stay };
  if (optionId !== options.overflow)
    return { level: stay, remark: `optionId ${JSON.stringify(item.optionId)} does not fit ${actionType}; kept without overflow` };
  if (position >= TRANSFER_ACTION_MAX_LEVELS - 1) return { level: stay, remark: 'the fourth level never overflows; kept without overflow' };
  const spillId = idOf(item.spillId);
  if (spillId === undefined) return { level: stay, remark: 'overflows without a spillId; kept without overflow' };
  if (!SPILL_IDS[actionType].includes(spillId)) {
    return { level: stay, remark: `spillId "${spillId}" does not fit ${actionType}; kept without overflow` };
  }
  return { level: { actionType, deciId, optionId: options.overflow, spillId: spillId as TransferAction['spillId'] } };
}

/** Total: never throws, whatever arrives. */
export function readTransferAction(value: unknown, field = 'transferAction'): TransferActionReading {
  if (value === undefined || value === null) return { levels: [], remarks: [] };
  if (!Array.isArray(value)) return { levels: [], remarks: [{ field, reason: 'is not an array of transfer levels; ignored' }] };
  const remarks: TransferActionRemark[] = [];
  if (value.length > TRANSFER_ACTION_MAX_LEVELS) {
    remarks.push({ field, reason: `has ${value.length} levels; those after the ${TRANSFER_ACTION_MAX_LEVELS}th are ignored` });
  }
  const levels: TransferAction[] = [];
  value.slice(0, TRANSFER_ACTION_MAX_LEVELS).forEach((item: unknown, i) => {
    const { level, remark } = readLevel(item, i);
    if (level) levels.push(level);
    if (remark !== undefined) remarks.push({ field: `${field}[${i}]`, reason: remark });
  });
  return { levels, remarks };
}

/** Whether a level overflows at all (its flag; the condition is the router's business). */
export function overflows(level: TransferAction): boolean {
  return level.optionId === OPTIONS[level.actionType].overflow;
}
