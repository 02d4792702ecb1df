import { ClockError, createManualClock, createOffsetClock } from './clock';
import { TEST_EPOCH, startTestEmulator, type TestEmulator } from './testing/test-emulator';

describe('setting the emulator clock', () => {
  it('moves a manual clock to an instant, forward only', () => {
    const clock = createManualClock(1000);
    clock.set(5000);
    expect(clock.now()).toBe(5000);
    clock.set(5000); // the same instant is allowed: a test clock that did not move
    expect(() => clock.set(4999)).toThrow(ClockError);
    expect(clock.now()).toBe(5000);
  });

  it('moves an offset clock to an instant that then runs with real time', () => {
    let real = 10_000;
    const clock = createOffsetClock(() => real);
    clock.set(50_000);
    real += 7;
    expect(clock.now()).toBe(50_007);
    expect(() => clock.set(40_000)).toThrow(ClockError);
  });

  describe('POST /emulator/clock', () => {
    let emu: TestEmulator;
    beforeEach(async () => {
      emu = await startTestEmulator();
    });
    afterEach(() => emu.close());

    const post = (body: unknown) =>
      fetch(`${emu.baseUrl}/emulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });

    it('takes milliseconds or an ISO text', async () => {
      expect(await (await post({ now: TEST_EPOCH + 60_000 })).json()).toEqual({ now: TEST_EPOCH + 60_000 });
      const res = await post({ now: '2025-01-02T00:00:00.000Z' });
      expect(res.status).toBe(200);
      expect(emu.clock.now()).toBe(Date.UTC(2025, 0, 2));
    });

    it('refuses to go back, since WeChat time never does, and stays where it was', async () => {
      await post({ now: TEST_EPOCH + 3_600_000 });
      const res = await post({ now: TEST_EPOCH });
      expect(res.status).toBe(409);
      expect(((await res.json()) as { error: string }).error).toMatch(/does not go back/);
      expect(emu.clock.now()).toBe(TEST_EPOCH + 3_600_000);
    });

    it('refuses what is not an instant', async () => {
      expect((await post({ now: 'tomorrow' })).status).toBe(400);
      expect((await post({})).status).toBe(400);
    });
  });
});
