// Sobot's documented examples (../shared/seeds/001 and 004, "WeChat Mini Program" docking guide),
// used as known answers by the encoder and decoder tests.
export const SOBOT_PARAMS = '{"name":"sobot","age":18}';
export const SOBOT_TRANSFER_ACTION =
  '[{"actionType":"to_group","deciId":"xxx","optionId":"3","spillId":"4"},{"actionType":"to_group","deciId":"xxx","optionId":"4"}]';
export const SOBOT_PLATFORM_ACTION = '{"customerCode":"xxx","flowGroupId":"xxx"}';
export const SOBOT_UNIONID = 'oJw8S1S0ZheoM2PnKbka3zJO-QyE';
export const SOBOT_CUSTOMER_FIELDS = '{"ddb35f065d4b44ec870f58b87c1a52db":"xx"}';

/** The "Access to Agent button" template of seed 004 with its example values filled in. */
export const SOBOT_FULL_TEMPLATE =
  `sobot|小明|https://img.sobot.com/console/common/face/admin.png|${SOBOT_PARAMS}|transfer_action=${SOBOT_TRANSFER_ACTION}` +
  `|platform_action=${SOBOT_PLATFORM_ACTION}|partnerid=xxx|robotid=1|unionid=${SOBOT_UNIONID}|customer_fields=${SOBOT_CUSTOMER_FIELDS}`;

/** What both the encoder (normalised) and the decoder give for the template above. */
export const SOBOT_FULL_FIELDS = {
  nickname: '小明',
  avatarUrl: 'https://img.sobot.com/console/common/face/admin.png',
  params: { name: 'sobot', age: '18' },
  transferAction: [
    { actionType: 'to_group', deciId: 'xxx', optionId: '3', spillId: '4' },
    { actionType: 'to_group', deciId: 'xxx', optionId: '4' },
  ],
  platformAction: { customerCode: 'xxx', flowGroupId: 'xxx' },
  partnerId: 'xxx',
  robotId: '1',
  unionId: SOBOT_UNIONID,
  customerFields: { ddb35f065d4b44ec870f58b87c1a52db: 'xx' },
};
