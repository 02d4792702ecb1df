// The webhook signature as the README documents it: a known answer, and the receiver's checks.
import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'whsec_test';
const BODY = '{"id":"evt_1","type":"webhook.test"}';

it('is hex HMAC-SHA256 of timestamp + "." + body with the secret', () => {
  const expected = createHmac('sha256', SECRET).update(`1700000000.${BODY}`).digest('hex');
  expect(signWebhook(SECRET, 1700000000, BODY)).toBe(expected);
  // The README's example: the same numbers, for a receiver to check its own code against.
  expect(signWebhook(SECRET, 1700000000, BODY)).toBe('684fbc8999ff13aa332102c10e23ad56af8cb3b34c5d3bcba8bf53317e5f6c33');
});

it('verifies the header within five minutes, and refuses another secret, body, or an old timestamp', () => {
  const header = `v1=${signWebhook(SECRET, 1700000000, BODY)}`;
  expect(verifyWebhookSignature(SECRET, header, '1700000000', BODY, 1700000100)).toBe(true);
  expect(verifyWebhookSignature('whsec_other', header, '1700000000', BODY, 1700000100)).toBe(false);
  expect(verifyWebhookSignature(SECRET, header, '1700000000', `${BODY} `, 1700000100)).toBe(false);
  expect(verifyWebhookSignature(SECRET, header, '1700000000', BODY, 1700000301)).toBe(false);
  expect(verifyWebhookSignature(SECRET, 'v1=00', '1700000000', BODY, 1700000000)).toBe(false);
});
