// The channel stories of a change: the previous push settings kept for the grace period, ended early on
// request; the default replay window of plaintext channels.
import { OPERATOR } from '../auth/principal';
import { adminFixture, CHANNEL_RECORD, type AdminFixture } from '../testing/admin-fixture';
import { endGrace } from './channel-changes';
import { changeChannel, createChannel, readChannel } from './channels';

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const MINUTE = 60_000;

let f: AdminFixture;
beforeEach(async () => {
  f = await adminFixture();
});
const stored = async () => (await f.channels.get(CHANNEL_RECORD.id))!;

describe('a change of Token, EncodingAESKey or mode', () => {
  it('keeps the previous values for 30 minutes by default, and says until when', async () => {
    const now = f.admin.clock.now();
    const shown = await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { mode: 'secure', encodingAesKey: KEY });
    expect(shown).toMatchObject({ mode: 'secure', previousMode: 'plaintext', previousValidUntil: now + 30 * MINUTE, graceSeconds: 1800 });
    expect((await stored()).previous).toEqual({ token: CHANNEL_RECORD.token, mode: 'plaintext', until: now + 30 * MINUTE });
    expect(JSON.stringify(shown)).not.toContain(CHANNEL_RECORD.token);
  });

  it('uses the channel’s grace period; 0 keeps nothing', async () => {
    const now = f.admin.clock.now();
    await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { graceSeconds: 120 });
    expect((await stored()).previous).toBeUndefined(); // not a push setting: nothing to keep
    expect(await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { token: 'token02' })).toMatchObject({
      previousValidUntil: now + 120_000,
    });
    await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { graceSeconds: 0 });
    expect(await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { token: 'token03' })).toMatchObject({ previousValidUntil: null });
  });

  it('keeps an ongoing grace period through other changes, and drops it once over', async () => {
    await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { token: 'token02' });
    await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { name: 'Renamed' });
    expect((await stored()).previous?.token).toBe(CHANNEL_RECORD.token);
    f.engine.clock.advanceMinutes(31);
    expect(await readChannel(f.admin, OPERATOR, CHANNEL_RECORD.id)).toMatchObject({ previousValidUntil: null, previousMode: null });
    await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { name: 'Again' });
    expect((await stored()).previous).toBeUndefined();
  });

  it('ends on request (“end now”)', async () => {
    await changeChannel(f.admin, OPERATOR, CHANNEL_RECORD.id, { token: 'token02' });
    expect(await endGrace(f.admin, OPERATOR, CHANNEL_RECORD.id)).toMatchObject({ previousValidUntil: null, previousMode: null });
    expect((await stored()).previous).toBeUndefined();
  });
});

describe('the replay window', () => {
  const fields = { ...CHANNEL_RECORD, id: 'ch9' };
  it('is 300 s for a new plaintext channel unless set, none for an encrypted one', async () => {
    expect(await createChannel(f.admin, fields)).toMatchObject({ replayWindowSeconds: 300 });
    expect(await createChannel(f.admin, { ...fields, id: 'ch8', replayWindowSeconds: 60 })).toMatchObject({ replayWindowSeconds: 60 });
    expect(await createChannel(f.admin, { ...fields, id: 'ch7', mode: 'secure', encodingAesKey: KEY })).toMatchObject({
      replayWindowSeconds: null,
    });
  });

  it('comes with a switch to plaintext, and stays off once the admin turned it off', async () => {
    await createChannel(f.admin, { ...fields, mode: 'secure', encodingAesKey: KEY });
    expect(await changeChannel(f.admin, OPERATOR, 'ch9', { mode: 'plaintext' })).toMatchObject({ replayWindowSeconds: 300 });
    expect(await changeChannel(f.admin, OPERATOR, 'ch9', { replayWindowSeconds: null })).toMatchObject({ replayWindowSeconds: null });
    expect(await changeChannel(f.admin, OPERATOR, 'ch9', { name: 'Renamed' })).toMatchObject({ replayWindowSeconds: null });
  });
});
