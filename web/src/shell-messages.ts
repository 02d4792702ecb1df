import { defineMessages } from './i18n/i18n';

export const shellMessages = defineMessages(
  {
    product: '客服工作台',
    inbox: '会话',
    admin: '管理',
    simulator: '客户模拟器',
    logout: '退出',
    language: 'English',
    loading: '加载中…',
    live_connecting: '正在连接…',
    live_closed: '已断开',
    not_found: '页面不存在',
    role_platform_admin: '平台管理员',
    role_merchant_admin: '商户管理员',
    role_agent: '客服',
  },
  {
    product: 'Kefu workbench',
    inbox: 'Conversations',
    admin: 'Admin',
    simulator: 'Customer simulator',
    logout: 'Log out',
    language: '中文',
    loading: 'Loading…',
    live_connecting: 'Connecting…',
    live_closed: 'Disconnected',
    not_found: 'Page not found',
    role_platform_admin: 'Platform admin',
    role_merchant_admin: 'Merchant admin',
    role_agent: 'Agent',
  },
);
