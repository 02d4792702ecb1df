// The reach of the roles beyond admin and agent, without a server: a supervisor over a whole channel or one
// merchant, and an agent of several channels acting as the agent of the channel a request touches.
import { choosesMerchant, merchantFilter, merchantForNew, mustAdminister, PLATFORM_TEAM, reaches } from './policy';
import type { Principal } from './principal';
import { actAs } from './seats';

const via = { kind: 'token', tokenId: 't' } as const;
const overChannel: Principal = { role: 'supervisor', channelId: 'shop', via };
const overMerchant: Principal = { role: 'supervisor', channelId: 'shop', merchantId: 'm1', via };
const seats = [
  { agentId: 'a1', channelId: 'shop', merchantId: 'm1' },
  { agentId: 'b1', channelId: 'mall' },
];
const twoChannels: Principal = { role: 'agent', ...seats[0]!, seats, via };

it('a supervisor reaches its channel (every merchant) or its merchant, and administers nothing', () => {
  expect(reaches(overChannel, { channelId: 'shop', merchantId: 'm2' })).toBe(true);
  expect(reaches(overChannel, { channelId: 'shop' })).toBe(true);
  expect(reaches(overChannel, { channelId: 'mall' })).toBe(false);
  expect(reaches(overMerchant, { channelId: 'shop', merchantId: 'm2' })).toBe(false);
  expect(reaches(overMerchant, { channelId: 'shop' })).toBe(false);
  expect(choosesMerchant(overChannel)).toBe(true);
  expect(choosesMerchant(overMerchant)).toBe(false);
  expect(merchantFilter(overChannel, 'shop', undefined)).toBeUndefined();
  expect(merchantFilter(overChannel, 'shop', PLATFORM_TEAM)).toEqual({ merchantId: undefined });
  expect(merchantFilter(overMerchant, 'shop', undefined)).toEqual({ merchantId: 'm1' });
  expect(() => merchantFilter(overMerchant, 'shop', 'm2')).toThrow(/own merchant/);
  expect(() => merchantFilter(overChannel, 'mall', undefined)).toThrow(/not yours/);
  expect(() => mustAdminister(overMerchant, { channelId: 'shop', merchantId: 'm1' }, 'agent')).toThrow(/supervisors/);
  expect(() => merchantForNew(overChannel, 'shop', undefined)).toThrow(/supervisors/);
});

it('an agent of several channels acts as the agent of the channel named, else as it is', () => {
  expect(actAs(twoChannels, 'mall')).toMatchObject({ agentId: 'b1', channelId: 'mall' });
  expect(actAs(twoChannels, 'mall')).not.toHaveProperty('merchantId');
  expect(actAs(actAs(twoChannels, 'mall'), 'shop')).toMatchObject({ agentId: 'a1', channelId: 'shop', merchantId: 'm1' });
  expect(actAs(twoChannels, 'elsewhere')).toBe(twoChannels);
  expect(actAs(overChannel, 'mall')).toBe(overChannel);
  expect(reaches(actAs(twoChannels, 'mall'), { channelId: 'mall' })).toBe(true);
  expect(reaches(twoChannels, { channelId: 'mall' })).toBe(false);
});
