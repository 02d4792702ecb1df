// Encoding and decoding a full session-from (every field, a three-level transfer chain, an encrypted
// UnionID), next to the baseline an integrator writes by hand from Sobot's template (string
// concatenation with JSON.stringify, no validation, no escaping, no budget), in the same run.
// Target: encoding at most 20 µs.
import { decodeSessionFrom, encodeSessionFrom, type SessionFromInput } from '../src/index';

const input: SessionFromInput = {
  nickname: '演示用户|VIP',
  avatarUrl: 'https://thirdwx.qlogo.cn/mmopen/vi_32/abcdefghijklmnopqrstuvwxyz0123456789/132',
  params: { orderId: 'E20261121-0042', source: 'order-page', campaign: 'double-11' },
  transferAction: [
    { actionType: 'to_group', deciId: 'after-sales', optionId: '3', spillId: '5' },
    { actionType: 'to_service', deciId: 'supervisor-01', optionId: '1', spillId: '1' },
    { actionType: 'to_group', deciId: 'general', optionId: '4' },
  ],
  platformAction: { customerCode: 'shop-001', flowGroupId: 'presale' },
  partnerId: 'user-8842',
  robotId: '2',
  plainUnionId: 'oJw8S1S0ZheoM2PnKbka3zJO-QyE',
  unionIdKey: '1234567890abcdef',
  customerFields: { memberLevel: 'gold', city: '杭州' },
};

function handWritten(i: SessionFromInput): string {
  return (
    `sobot|${i.nickname}|${i.avatarUrl}|${JSON.stringify(i.params)}|transfer_action=${JSON.stringify(i.transferAction)}` +
    `|platform_action=${JSON.stringify(i.platformAction)}|partnerid=${i.partnerId}|robotid=${i.robotId}|unionid=${i.unionId ?? ''}` +
    `|customer_fields=${JSON.stringify(i.customerFields)}`
  );
}

/** Per-operation latency in µs: mean and p99 over `n` timed calls after a warm-up. */
function measure(label: string, n: number, fn: () => unknown): { mean: number; p99: number } {
  for (let i = 0; i < 20_000; i++) fn();
  const samples = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    samples[i] = Number(process.hrtime.bigint() - t0) / 1000;
  }
  samples.sort();
  const mean = samples.reduce((a, b) => a + b, 0) / n;
  const p99 = samples[Math.floor(n * 0.99)] as number;
  console.log(`${label.padEnd(44)} mean ${mean.toFixed(2).padStart(7)} µs   p99 ${p99.toFixed(2).padStart(7)} µs`);
  return { mean, p99 };
}

const encoded = encodeSessionFrom(input);
console.log(`full session-from: ${encoded.bytes} bytes, ${encoded.dropped.length} drops`);
const baseline = measure('baseline: hand-written template string', 100_000, () => handWritten(input));
const encode = measure('encodeSessionFrom, same UnionID encrypted here', 100_000, () => encodeSessionFrom(input));
let n = 0;
const fresh = measure('encodeSessionFrom, a new UnionID encrypted each call', 100_000, () =>
  encodeSessionFrom({ ...input, plainUnionId: `oJw8S1S0ZheoM2PnKbka${n++}` }),
);
const withoutCipher = { ...input, plainUnionId: undefined, unionIdKey: undefined, unionId: encoded.fields.unionId };
measure('encodeSessionFrom, UnionID already encrypted', 100_000, () => encodeSessionFrom(withoutCipher));
measure('decodeSessionFrom', 100_000, () => decodeSessionFrom(encoded.value));
const oversized = { ...input, nickname: '长'.repeat(300), avatarUrl: `https://x/${'a'.repeat(400)}` };
measure('encodeSessionFrom over the limit (drops parts)', 20_000, () => encodeSessionFrom(oversized));
const verdict = (m: { mean: number }) => (m.mean <= 20 ? 'met' : 'NOT met');
console.log(
  `encode vs baseline: ${(encode.mean / baseline.mean).toFixed(1)}x the time; target 20 µs per encode: ${verdict(encode)} (same UnionID), ${verdict(fresh)} (new UnionID each call)`,
);
