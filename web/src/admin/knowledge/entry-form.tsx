// A knowledge entry's editor. The fields each answer type needs follow entryProblems in
// server/src/knowledge/entry.ts, checked here before sending; pictures are uploaded through the
// knowledge media route and referenced as media:<id>.
import { useRef, useState, type FormEvent } from 'react';
import { api, fileToBase64 } from '../../api/client';
import type { KnowledgeEntry, KnowledgeMediaAnswer } from '../../api/types';
import { useT } from '../../i18n/i18n';
import { channelPath, useAdmin } from '../admin-context';
import { Field, splitList } from '../ui';
import { EditForm } from '../form-parts';
import { useSubmit } from '../use-load';
import { isStoredMedia, pictureSrc } from './media-src';
import { cleanSimilar, SimilarQuestionsInput } from './similar-questions';
import { kbMessages } from './messages';
import { mediaMessages } from './media-messages';

type EntryType = KnowledgeEntry['type'];
/** The server's ENTRY_TYPES in the order the picker shows them (USES below must name every one). */
export const ENTRY_TYPES: readonly EntryType[] = ['text', 'link', 'image', 'miniprogram', 'voice', 'video'];
const MAX_UPLOAD_BYTES = 140 * 1024;
const HTTP = /^https?:\/\/\S+$/;

/** What a new entry starts with (e.g. from an unanswered question). */
export interface EntrySeed {
  keywords?: string[];
  title?: string;
}

interface Draft {
  number: string;
  keywords: string;
  similarQuestions: string[];
  type: EntryType;
  text: string;
  leadText: string;
  title: string;
  description: string;
  url: string;
  pagePath: string;
  appId: string;
  media: string;
  thumb: string;
  expiresAt: string;
  enabled: boolean;
  welcome: boolean;
  handoff: boolean;
  robotIds: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
function localInput(ms: number | undefined): string {
  if (ms === undefined) return '';
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function draftOf(e: KnowledgeEntry | undefined, seed: EntrySeed | undefined, nextNumber: number): Draft {
  return {
    number: String(e?.number ?? nextNumber),
    keywords: (e?.keywords ?? seed?.keywords ?? []).join('\n'),
    similarQuestions: e?.similarQuestions ?? [],
    type: e?.type ?? 'text',
    text: e?.text ?? '',
    leadText: e?.leadText ?? '',
    title: e?.title ?? seed?.title ?? '',
    description: e?.description ?? '',
    url: e?.url ?? '',
    pagePath: e?.pagePath ?? '',
    appId: e?.appId ?? '',
    media: e?.media ?? '',
    thumb: e?.thumb ?? '',
    expiresAt: localInput(e?.expiresAt),
    enabled: e?.enabled ?? true,
    welcome: e?.welcome ?? false,
    handoff: e?.handoff ?? false,
    robotIds: (e?.robotIds ?? []).join(', '),
  };
}

/** Which optional fields each type uses; others are cleared on save. */
const USES: Record<
  EntryType,
  ReadonlyArray<'text' | 'leadText' | 'title' | 'description' | 'url' | 'pagePath' | 'appId' | 'media' | 'thumb'>
> = {
  text: ['text'],
  link: ['leadText', 'title', 'description', 'url', 'media'],
  image: ['leadText', 'media'],
  voice: ['media'],
  video: ['media', 'thumb', 'title', 'description'],
  miniprogram: ['leadText', 'title', 'pagePath', 'appId', 'media'],
};

/** What WeChat receives a field's upload as (server MediaUse): the server checks the file against its rule. */
type MediaUse = 'image' | 'voice' | 'video' | 'thumb';
const mediaUseOf = (type: EntryType, name: 'media' | 'thumb'): MediaUse =>
  name === 'thumb' ? 'thumb' : type === 'voice' ? 'voice' : type === 'video' ? 'video' : 'image';

/** `picture`: the field holds a picture (not a voice or a video), shown as a thumbnail. */
function MediaInput({
  name,
  label,
  value,
  onChange,
  channelId,
  urlOnly,
  picture,
  use,
}: {
  name: string;
  label: string;
  value: string;
  onChange(v: string): void;
  channelId: string;
  urlOnly?: boolean;
  picture?: boolean;
  use: MediaUse;
}) {
  const t = useT(kbMessages);
  const upload = useSubmit();
  const fileInput = useRef<HTMLInputElement>(null);
  const src = pictureSrc(value);
  const pick = (file: File | undefined) => {
    if (!file) return;
    if (file.size > MAX_UPLOAD_BYTES) return upload.setError(t('too_big'));
    void upload.run(async () => {
      const answer = await api.post<KnowledgeMediaAnswer>(channelPath(channelId, '/knowledge/media'), {
        filename: file.name,
        contentType: file.type || 'image/jpeg',
        base64: await fileToBase64(file),
        use,
      });
      onChange(answer.media);
    });
  };
  return (
    <Field label={label} hint={urlOnly ? undefined : t('f_media_hint')} wide>
      <div className="row">
        {isStoredMedia(value) ? (
          <span className="row" data-testid={`${name}-stored`} style={{ flex: '1 1 220px' }}>
            {t('media_stored')}
            <button type="button" onClick={() => onChange('')}>
              {t('media_remove')}
            </button>
          </span>
        ) : (
          <input
            name={name}
            value={value}
            onChange={(e) => onChange(e.target.value.trim())}
            placeholder="https://…"
            style={{ flex: '1 1 220px', width: 'auto' }}
          />
        )}
        {!urlOnly && (
          <>
            <button type="button" onClick={() => fileInput.current?.click()} disabled={upload.busy}>
              {upload.busy ? t('uploading') : t('upload')}
            </button>
            <input
              ref={fileInput}
              type="file"
              name={`${name}File`}
              accept="image/*,audio/*,video/*"
              hidden
              onChange={(e) => {
                pick(e.target.files?.[0]);
                e.target.value = '';
              }}
              aria-label={`${label} ${t('upload')}`}
            />
          </>
        )}
      </div>
      {picture && src && (
        <img
          key={src}
          src={src}
          alt=""
          className="admin-thumb"
          data-testid={`${name}-preview`}
          onError={(e) => {
            (e.target as HTMLImageElement).style.display = 'none';
          }}
        />
      )}
      {upload.error && (
        <span className="error" role="alert">
          {upload.error}
        </span>
      )}
    </Field>
  );
}

export function EntryForm({
  channelId,
  entry,
  seed,
  nextNumber,
  save,
  onClose,
}: {
  channelId: string;
  entry: KnowledgeEntry | undefined;
  seed: EntrySeed | undefined;
  nextNumber: number;
  save(fields: Record<string, unknown>, isNew: boolean): Promise<void>;
  onClose(): void;
}) {
  const t = useT(kbMessages);
  const tm = useT(mediaMessages);
  const mini = useAdmin().channel?.kind === 'miniprogram';
  const isNew = entry === undefined;
  const [d, setD] = useState<Draft>(() => draftOf(entry, seed, nextNumber));
  const submit = useSubmit();
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setD((x) => ({ ...x, [key]: value }));
  const uses = USES[d.type];

  const problem = (): string | undefined => {
    const n = Number(d.number);
    if (!Number.isInteger(n) || n < 1 || n > 999_999_999) return t('e_number');
    if (splitList(d.keywords.replace(/,/g, '\n')).some((k) => k.includes('|') || k.length > 100)) return t('e_keyword');
    switch (d.type) {
      case 'text':
        return d.text.trim() ? undefined : t('e_text');
      case 'link':
        if (!d.title.trim()) return t('e_title');
        if (mini && d.enabled && !d.description.trim()) return tm('e_description');
        if (!HTTP.test(d.url)) return t('e_url');
        return d.media && !HTTP.test(d.media) ? t('e_link_media') : undefined;
      case 'image':
      case 'voice':
        return d.media ? undefined : t('e_media');
      case 'miniprogram':
        if (!d.title.trim()) return t('e_title');
        if (!d.pagePath.trim()) return t('e_pagePath');
        return d.media ? undefined : t('e_media');
      case 'video':
        if (!d.media) return t('e_media');
        return d.thumb ? undefined : t('e_thumb');
    }
  };

  const submitForm = (e: FormEvent) => {
    e.preventDefault();
    const p = problem();
    if (p) return submit.setError(p);
    const fields: Record<string, unknown> = {
      keywords: d.keywords
        .split('\n')
        .map((k) => k.trim())
        .filter(Boolean),
      similarQuestions: cleanSimilar(d.similarQuestions),
      type: d.type,
      enabled: d.enabled,
      welcome: d.welcome,
      handoff: d.handoff,
      robotIds: splitList(d.robotIds),
    };
    if (isNew) fields.number = Number(d.number);
    for (const key of ['text', 'leadText', 'title', 'description', 'url', 'pagePath', 'appId', 'media', 'thumb'] as const) {
      const value = uses.includes(key) ? d[key].trim() : '';
      // New entries omit empty fields; an edit removes them (null) so a type change leaves nothing stale.
      if (value) fields[key] = value;
      else if (!isNew && entry[key] !== undefined) fields[key] = null;
    }
    if (d.expiresAt) fields.expiresAt = new Date(d.expiresAt).getTime();
    else if (!isNew && entry.expiresAt !== undefined) fields.expiresAt = null;
    void submit.run(() => save(fields, isNew));
  };

  return (
    <EditForm
      title={isNew ? t('new_title') : t('edit_title', { number: entry.number })}
      onSubmit={submitForm}
      onClose={onClose}
      submit={submit}
      saveTestId="kb-save"
    >
      <div className="grid-form">
        <Field label={t('f_number')} hint={t('f_number_hint')}>
          <input name="number" type="number" min={1} value={d.number} onChange={(e) => set('number', e.target.value)} disabled={!isNew} />
        </Field>
        <Field label={t('f_type')}>
          <select name="type" value={d.type} onChange={(e) => set('type', e.target.value as EntryType)}>
            {ENTRY_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`type_${type}`)}
              </option>
            ))}
          </select>
        </Field>
        <Field label={t('f_expiresAt')}>
          <input name="expiresAt" type="datetime-local" value={d.expiresAt} onChange={(e) => set('expiresAt', e.target.value)} />
        </Field>
        <Field label={t('f_keywords')} hint={t('f_keywords_hint')} wide>
          <textarea name="keywords" rows={3} value={d.keywords} onChange={(e) => set('keywords', e.target.value)} />
        </Field>
        <SimilarQuestionsInput value={d.similarQuestions} onChange={(list) => set('similarQuestions', list)} />
        {uses.includes('title') && (
          <Field label={t('f_title')}>
            <input name="title" maxLength={200} value={d.title} onChange={(e) => set('title', e.target.value)} />
          </Field>
        )}
        {uses.includes('url') && (
          <Field label={t('f_url')}>
            <input name="url" type="url" value={d.url} onChange={(e) => set('url', e.target.value.trim())} placeholder="https://" />
          </Field>
        )}
        {uses.includes('pagePath') && (
          <Field label={t('f_pagePath')}>
            <input
              name="pagePath"
              value={d.pagePath}
              onChange={(e) => set('pagePath', e.target.value.trim())}
              placeholder="pages/index/index"
            />
          </Field>
        )}
        {uses.includes('appId') && (
          <Field label={t('f_appId')}>
            <input name="appId" value={d.appId} onChange={(e) => set('appId', e.target.value.trim())} placeholder="wx…" />
          </Field>
        )}
        {uses.includes('description') && (
          <Field label={t('f_description')} wide>
            <textarea
              name="description"
              rows={2}
              maxLength={500}
              value={d.description}
              onChange={(e) => set('description', e.target.value)}
            />
          </Field>
        )}
        {uses.includes('text') && (
          <Field label={t('f_text')} hint={t('f_text_hint')} wide>
            <textarea name="text" rows={5} maxLength={2000} value={d.text} onChange={(e) => set('text', e.target.value)} />
          </Field>
        )}
        {uses.includes('leadText') && (
          <Field label={t('f_leadText')} hint={t('f_leadText_hint')} wide>
            <textarea name="leadText" rows={2} maxLength={300} value={d.leadText} onChange={(e) => set('leadText', e.target.value)} />
          </Field>
        )}
        {uses.includes('media') && (
          <MediaInput
            name="media"
            channelId={channelId}
            value={d.media}
            onChange={(v) => set('media', v)}
            urlOnly={d.type === 'link'}
            picture={d.type !== 'voice' && d.type !== 'video'}
            use={mediaUseOf(d.type, 'media')}
            label={d.type === 'link' ? t('f_media_link') : d.type === 'miniprogram' ? t('f_media_thumb') : t('f_media')}
          />
        )}
        {uses.includes('thumb') && (
          <MediaInput
            name="thumb"
            channelId={channelId}
            value={d.thumb}
            onChange={(v) => set('thumb', v)}
            label={t('f_thumb')}
            picture
            use={mediaUseOf(d.type, 'thumb')}
          />
        )}
        <Field label={t('f_robotIds')} hint={t('f_robotIds_hint')}>
          <input name="robotIds" value={d.robotIds} onChange={(e) => set('robotIds', e.target.value)} />
        </Field>
      </div>
      <div className="row" style={{ gap: '8px 20px' }}>
        <label className="inline">
          <input type="checkbox" name="enabled" checked={d.enabled} onChange={(e) => set('enabled', e.target.checked)} />
          {t('f_enabled')}
        </label>
        <label className="inline">
          <input type="checkbox" name="welcome" checked={d.welcome} onChange={(e) => set('welcome', e.target.checked)} />
          {t('f_welcome')}
        </label>
        <label className="inline">
          <input type="checkbox" name="handoff" checked={d.handoff} onChange={(e) => set('handoff', e.target.checked)} />
          {t('f_handoff')}
        </label>
      </div>
    </EditForm>
  );
}
