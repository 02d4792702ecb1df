// Logins (POST /accounts) as the agents and merchants screens show them: who can log in as what, with
// a new password or removal; and a small form to create one. Passwords follow the server's rule
// (PASSWORD_MIN_LENGTH in server/src/app/auth/password-rules.ts).
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { AccountCreate, AccountView, List } from '../api/types';
import { defineMessages, useT } from '../i18n/i18n';
import { adminMessages } from './messages';
import { ConfirmButton } from './ui';
import { useLoad, useSubmit } from './use-load';
import { ErrorLine } from './form-parts';

export const PASSWORD_MIN = 8;
const USERNAME = /^[A-Za-z0-9_.@-]{3,64}$/;

export const accountMessages = defineMessages(
  {
    username: '登录名',
    password: '密码',
    password_new: '新密码',
    set_password: '重置密码',
    remove_login: '删除登录',
    remove_login_q: '删除登录 {username}？其会话会立即失效。',
    no_login: '无登录',
    add_login: '添加登录',
    password_set: '密码已更新，该账号的会话已退出。',
    e_username: '登录名为 3–64 位字母、数字或 _ . @ -',
    e_password: '密码至少 {min} 位',
    create: '创建',
  },
  {
    username: 'Username',
    password: 'Password',
    password_new: 'New password',
    set_password: 'Reset password',
    remove_login: 'Remove login',
    remove_login_q: 'Remove the login {username}? Its sessions end at once.',
    no_login: 'no login',
    add_login: 'Add login',
    password_set: 'Password changed; that login’s sessions were ended.',
    e_username: 'A username is 3–64 letters, digits or _ . @ -',
    e_password: 'At least {min} characters',
    create: 'Create',
  },
);

export function useAccounts() {
  return useLoad('accounts', (signal) => api.get<List<AccountView>>('/api/v1/accounts', undefined, signal).then((l) => l.items));
}

export function checkLogin(
  username: string,
  password: string,
  t: (k: 'e_username' | 'e_password', p?: Record<string, number>) => string,
): string | undefined {
  if (!USERNAME.test(username.trim())) return t('e_username');
  if (password.length < PASSWORD_MIN) return t('e_password', { min: PASSWORD_MIN });
  return undefined;
}

/** A login's row actions: reset its password, remove it. */
export function LoginActions({ account, onRemoved }: { account: AccountView; onRemoved(): void }) {
  const t = useT(accountMessages);
  const ta = useT(adminMessages);
  const [setting, setSetting] = useState(false);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState(false);
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < PASSWORD_MIN) return submit.setError(t('e_password', { min: PASSWORD_MIN }));
    void submit.run(async () => {
      await api.put(`/api/v1/accounts/${encodeURIComponent(account.id)}/password`, { password });
      setSetting(false);
      setPassword('');
      setDone(true);
    });
  };
  const remove = () =>
    void submit.run(async () => {
      await api.delete(`/api/v1/accounts/${encodeURIComponent(account.id)}`);
      onRemoved();
    });
  return (
    <div className="stack" style={{ gap: 6 }}>
      {setting ? (
        <form className="row" onSubmit={save}>
          <input
            type="password"
            name="newPassword"
            aria-label={t('password_new')}
            placeholder={t('password_new')}
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
            autoFocus
            style={{ width: 160 }}
          />
          <button type="submit" className="primary" disabled={submit.busy}>
            {ta('save')}
          </button>
          <button type="button" onClick={() => setSetting(false)}>
            {ta('cancel')}
          </button>
        </form>
      ) : (
        <div className="row">
          <button
            type="button"
            onClick={() => {
              setSetting(true);
              setDone(false);
            }}
          >
            {t('set_password')}
          </button>
          <ConfirmButton
            label={t('remove_login')}
            question={t('remove_login_q', { username: account.username })}
            onConfirm={remove}
            disabled={submit.busy}
          />
        </div>
      )}
      <ErrorLine error={submit.error} />
      {done && (
        <p className="hint" role="status">
          {t('password_set')}
        </p>
      )}
    </div>
  );
}

/** Creates a login with the given grant; `onCreated` gets the new account. */
export function NewLoginForm({
  grant,
  onCreated,
  onCancel,
}: {
  grant: AccountCreate['grant'];
  onCreated(a: AccountView): void;
  onCancel(): void;
}) {
  const t = useT(accountMessages);
  const ta = useT(adminMessages);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const submit = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    const problem = checkLogin(username, password, t);
    if (problem) return submit.setError(problem);
    void submit.run(async () => onCreated(await api.post<AccountView>('/api/v1/accounts', { username: username.trim(), password, grant })));
  };
  return (
    <form className="stack" style={{ gap: 6 }} onSubmit={save} noValidate>
      <div className="row">
        <input
          name="username"
          aria-label={t('username')}
          placeholder={t('username')}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="off"
          style={{ width: 150 }}
        />
        <input
          name="password"
          type="password"
          aria-label={t('password')}
          placeholder={t('password')}
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          autoComplete="new-password"
          style={{ width: 150 }}
        />
        <button type="submit" className="primary" disabled={submit.busy}>
          {t('create')}
        </button>
        <button type="button" onClick={onCancel}>
          {ta('cancel')}
        </button>
      </div>
      <ErrorLine error={submit.error} />
    </form>
  );
}
