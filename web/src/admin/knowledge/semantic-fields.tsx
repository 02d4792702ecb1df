// The robot's optional semantic stage in the robot settings form (platform admins, the platform's
// settings: it is set per channel). The API key is write-only: the form shows whether one is stored,
// an empty field keeps it, and "remove" clears it.
import { useState, type ReactNode } from 'react';
import type { RobotSettings, RobotSettingsChange } from '../../api/types';
import { defineMessages, useT } from '../../i18n/i18n';
import { Field } from '../ui';

type View = NonNullable<RobotSettings['semantic']>;
type Change = NonNullable<RobotSettingsChange['semantic']>;

const messages = defineMessages(
  {
    title: '语义理解（可选）',
    hint: '配置一个兼容 OpenAI 的向量接口（POST /v1/embeddings）后，机器人会按语义重新排序候选答案，并找回关键词没有匹配到的条目；答案仍然只来自知识库条目。接口慢或不可用时按关键词回答。',
    enabled: '启用语义理解',
    url: '接口地址',
    model: '模型',
    api_key: 'API 密钥',
    api_key_set: '已保存密钥；留空则保持不变。',
    api_key_unset: '尚未保存密钥。',
    api_key_remove: '删除已保存的密钥',
    timeout: '等待时间（毫秒）',
    timeout_hint: '超过这个时间就按关键词回答（50–2000）。',
    e_url: '启用时需要 http(s) 接口地址和模型',
    e_timeout: '请输入 50–2000 的整数',
  },
  {
    title: 'Semantic understanding (optional)',
    hint: 'With an OpenAI-compatible embeddings endpoint (POST /v1/embeddings), the robot re-ranks its candidate answers by meaning and finds entries the keywords missed; answers still come only from entries. When the endpoint is slow or down it answers by keywords.',
    enabled: 'Use semantic understanding',
    url: 'Endpoint URL',
    model: 'Model',
    api_key: 'API key',
    api_key_set: 'A key is stored; leave empty to keep it.',
    api_key_unset: 'No key stored yet.',
    api_key_remove: 'Remove the stored key',
    timeout: 'Time budget (ms)',
    timeout_hint: 'Past this the robot answers by keywords (50–2000).',
    e_url: 'When on, an http(s) endpoint URL and a model are needed',
    e_timeout: 'A whole number from 50 to 2000',
  },
);

export interface SemanticDraft {
  /** The change to send, or an error message to show. */
  change(): { ok: Change } | { error: string };
  fields: ReactNode;
}

export function useSemanticDraft(view: View): SemanticDraft {
  const t = useT(messages);
  const [enabled, setEnabled] = useState(view.enabled);
  const [url, setUrl] = useState(view.url);
  const [model, setModel] = useState(view.model);
  const [timeout, setTimeoutMs] = useState(String(view.timeoutMs));
  const [apiKey, setApiKey] = useState('');
  const [removeKey, setRemoveKey] = useState(false);
  const change = (): { ok: Change } | { error: string } => {
    const ms = Number(timeout);
    if (!Number.isInteger(ms) || ms < 50 || ms > 2000) return { error: t('e_timeout') };
    if (enabled && (!/^https?:\/\/\S+$/.test(url.trim()) || model.trim() === '')) return { error: t('e_url') };
    const key = removeKey ? { apiKey: '' } : apiKey.trim() !== '' ? { apiKey: apiKey.trim() } : {};
    return { ok: { enabled, url: url.trim(), model: model.trim(), timeoutMs: ms, ...key } };
  };
  const fields = (
    <fieldset>
      <legend>{t('title')}</legend>
      <p className="hint">{t('hint')}</p>
      <label className="inline">
        <input name="semanticEnabled" type="checkbox" checked={enabled} onChange={(e) => setEnabled(e.target.checked)} /> {t('enabled')}
      </label>
      <div className="grid-form">
        <Field label={t('url')} wide>
          <input name="semanticUrl" type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/v1/embeddings" />
        </Field>
        <Field label={t('model')}>
          <input name="semanticModel" value={model} onChange={(e) => setModel(e.target.value)} />
        </Field>
        <Field label={t('timeout')} hint={t('timeout_hint')}>
          <input
            name="semanticTimeoutMs"
            type="number"
            min={50}
            max={2000}
            value={timeout}
            onChange={(e) => setTimeoutMs(e.target.value)}
          />
        </Field>
        <Field label={t('api_key')} hint={view.apiKeySet ? t('api_key_set') : t('api_key_unset')}>
          <input
            name="semanticApiKey"
            type="password"
            autoComplete="off"
            value={apiKey}
            disabled={removeKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        </Field>
      </div>
      {view.apiKeySet && (
        <label className="inline">
          <input name="semanticRemoveKey" type="checkbox" checked={removeKey} onChange={(e) => setRemoveKey(e.target.checked)} />{' '}
          {t('api_key_remove')}
        </label>
      )}
    </fieldset>
  );
  return { change, fields };
}
