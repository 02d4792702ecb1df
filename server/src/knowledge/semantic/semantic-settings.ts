// The semantic stage's settings as admins see and change them, per channel. The API key is write-only:
// views say only whether one is set.
import { EngineError } from '../../core/errors';
import type { SemanticSettings, SemanticSettingsChange, SemanticStore } from '../../core/ports/semantic-store';
import type { SemanticRefresher } from './refresher';

export interface SemanticSettingsView extends SemanticSettings {
  apiKeySet: boolean;
}

export const DEFAULT_SEMANTIC: SemanticSettings = { enabled: false, url: '', model: '', timeoutMs: 300 };

export class SemanticSettingsService {
  constructor(
    private readonly store: SemanticStore,
    private readonly refresher: SemanticRefresher,
  ) {}

  async view(channelId: string): Promise<SemanticSettingsView> {
    const c = (await this.store.configs()).find((x) => x.channelId === channelId);
    if (!c) return { ...DEFAULT_SEMANTIC, apiKeySet: false };
    return { enabled: c.enabled, url: c.url, model: c.model, timeoutMs: c.timeoutMs, apiKeySet: c.apiKey !== undefined };
  }

  async save(channelId: string, change: SemanticSettingsChange): Promise<SemanticSettingsView> {
    if (change.enabled && (change.url === '' || change.model === ''))
      throw new EngineError('invalid_input', 'semantic: an enabled stage needs the endpoint URL and the model');
    await this.store.saveConfig(channelId, change);
    await this.refresher.reloadSettings();
    return this.view(channelId);
  }
}
