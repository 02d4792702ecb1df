import { defineMessages } from '../../i18n/i18n';

export const merchantMessages = defineMessages(
  {
    title: '商户',
    create: '新建商户',
    empty: '这个渠道还没有商户。商户对应小程序 platform_action 里的 customerCode，各自拥有客服、技能组和知识库。',
    col_name: '名称',
    col_code: '商户编码',
    col_admins: '商户管理员',
    f_code: '商户编码 (customerCode)',
    f_code_hint: '小程序在进入客服时通过 platform_action 传入的 customerCode。',
    f_name: '名称',
    new_title: '新建商户',
    edit_title: '编辑商户 {name}',
    add_admin: '添加管理员',
    no_admins: '没有管理员',
    e_code: '请填写商户编码（最多 64 个字符）',
    e_name: '请填写名称',
  },
  {
    title: 'Merchants',
    create: 'New merchant',
    empty:
      'This channel has no merchants yet. A merchant is the customerCode of the mini program’s platform_action, with its own agents, groups and knowledge base.',
    col_name: 'Name',
    col_code: 'Code',
    col_admins: 'Merchant admins',
    f_code: 'Code (customerCode)',
    f_code_hint: 'The customerCode the mini program passes in platform_action when opening the chat.',
    f_name: 'Name',
    new_title: 'New merchant',
    edit_title: 'Edit merchant {name}',
    add_admin: 'Add admin',
    no_admins: 'no admins',
    e_code: 'Enter a code (at most 64 characters)',
    e_name: 'Enter a name',
  },
);
