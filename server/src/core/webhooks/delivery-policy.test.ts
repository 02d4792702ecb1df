// When a webhook attempt counts as delivered, when it is tried again, and when it is given up.
import { decide, DEFAULT_WEBHOOK_RETRY } from './delivery-policy';

const fresh = { attempts: 1, createdAt: 0 };

it('delivers on any 2xx, retries anything else with doubling delays capped at an hour', () => {
  expect(decide({ statusCode: 204, latencyMs: 3 }, fresh, 0, DEFAULT_WEBHOOK_RETRY, 0.999)).toEqual({ outcome: 'delivered' });
  expect(decide({ statusCode: 500, latencyMs: 3 }, fresh, 0, DEFAULT_WEBHOOK_RETRY, 0.999)).toMatchObject({
    outcome: 'retry',
    error: 'HTTP 500',
  });
  expect(decide({ statusCode: 301, latencyMs: 3 }, fresh, 0, DEFAULT_WEBHOOK_RETRY, 0.999).error).toBe(
    'HTTP 301: redirects are not followed',
  );
  const delays = [1, 2, 3, 10, 20].map(
    (attempts) => decide({ error: 'refused', latencyMs: 1 }, { attempts, createdAt: 0 }, 0, DEFAULT_WEBHOOK_RETRY, 1 - 1e-12).nextAttemptAt,
  );
  expect(delays).toEqual([10_000, 20_000, 40_000, 3_600_000, 3_600_000]);
});

it('gives up once the next try would come more than a day after the event', () => {
  const day = 24 * 60 * 60_000;
  const late = decide({ statusCode: 503, latencyMs: 1 }, { attempts: 30, createdAt: 0 }, day - 1000, DEFAULT_WEBHOOK_RETRY, 0.5);
  expect(late).toMatchObject({ outcome: 'failed', error: 'HTTP 503; given up after 30 attempts' });
});
