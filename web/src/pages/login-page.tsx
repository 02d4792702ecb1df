// Login: username and password to POST /workbench/session. The server throttles guessing (429 with
// Retry-After); the page says how long to wait rather than a generic failure.
import { useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { defineMessages, useLang, useT } from '../i18n/i18n';
import { useSession } from '../session/session';

const messages = defineMessages(
  {
    title: '登录客服工作台',
    username: '用户名',
    password: '密码',
    submit: '登录',
    submitting: '正在登录…',
    wrong: '用户名或密码不正确',
    throttled: '尝试次数过多，请稍后再试',
    archived: '这个客服账号已归档，无法登录。请联系管理员恢复。',
    expired: '登录已过期，请重新登录',
    failed: '登录失败：{message}',
    language: 'English',
  },
  {
    title: 'Log in to the workbench',
    username: 'Username',
    password: 'Password',
    submit: 'Log in',
    submitting: 'Logging in…',
    wrong: 'Wrong username or password',
    throttled: 'Too many attempts; try again later',
    archived: 'This agent has been archived and cannot log in. Ask an admin to unarchive it.',
    expired: 'Your session expired; please log in again',
    failed: 'Login failed: {message}',
    language: '中文',
  },
);

export function LoginPage({ expired }: { expired: boolean }) {
  const t = useT(messages);
  const { lang, setLang } = useLang();
  const { login } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(expired ? t('expired') : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await login(username.trim(), password);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) setError(t('wrong'));
      else if (err instanceof ApiError && err.status === 429) setError(t('throttled'));
      else if (err instanceof ApiError && err.code === 'agent_archived') setError(t('archived'));
      else setError(t('failed', { message: (err as Error).message }));
      setBusy(false);
    }
  }

  return (
    <main className="login">
      <form className="card login-card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">{t('title')}</h1>
        <label>
          {t('username')}
          <input
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            required
            autoFocus
          />
        </label>
        <label>
          {t('password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="primary" type="submit" disabled={busy}>
          {busy ? t('submitting') : t('submit')}
        </button>
        <button type="button" className="link" onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {t('language')}
        </button>
      </form>
    </main>
  );
}
