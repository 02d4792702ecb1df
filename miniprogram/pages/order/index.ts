// An order page: routes the customer to the after-sales skill group with Sobot's overflow chain.
import type { TransferAction } from '../../kefu-kit/index';

const transferAction: TransferAction[] = [
  // after-sales group; overflow when all its agents are busy (spillId 5)
  { actionType: 'to_group', deciId: 'after-sales', optionId: '3', spillId: '5' },
  // the supervisor; overflow when offline (spillId 1)
  { actionType: 'to_service', deciId: 'supervisor-01', optionId: '1', spillId: '1' },
  // the general group, the last level, never overflows
  { actionType: 'to_group', deciId: 'general', optionId: '4' },
];

Component({
  data: {
    order: { id: 'E20261121-0042', status: '已签收 Delivered' },
    params: { orderId: 'E20261121-0042' },
    transferAction,
    robotId: '2',
    customerFields: { memberLevel: 'gold' },
  },
  methods: {
    onError(event: WechatMiniprogram.CustomEvent) {
      console.error('contact button input is invalid', event.detail);
    },
  },
});
