// Shows the exact session-from the kit builds for a set of options, its size, and what it drops.
import { buildSessionFrom, type SessionFromDrop, type SessionFromOptions } from '../../kefu-kit/index';

function describeDrop(drop: SessionFromDrop): string {
  if (drop.field === 'params' || drop.field === 'customerFields') return `${drop.field}.${drop.key}`;
  if (drop.action === 'shortened') return `nickname ${drop.fromChars} → ${drop.toChars} chars`;
  return drop.field;
}

function optionsFor(nicknameLength: number): SessionFromOptions {
  return {
    nickname: '长'.repeat(nicknameLength) || 'Demo',
    avatarUrl: 'https://thirdwx.qlogo.cn/demo/avatar.png',
    params: { page: 'inspect', campaign: 'double-11' },
    platformAction: { customerCode: 'shop-001', flowGroupId: 'presale' },
    robotId: '1',
    partnerId: 'demo-user-1',
  };
}

function view(nicknameLength: number) {
  const options = optionsFor(nicknameLength);
  const built = buildSessionFrom(options);
  return {
    nicknameLength,
    options,
    built: {
      value: built.value,
      bytes: built.encoded?.bytes ?? 0,
      dropped: (built.encoded?.dropped ?? []).map(describeDrop),
      error: built.error?.message ?? '',
    },
  };
}

Component({
  data: view(0),
  methods: {
    onNicknameLength(event: WechatMiniprogram.SliderChange) {
      this.setData(view(event.detail.value));
    },
  },
});
