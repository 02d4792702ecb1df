// Builds the whole server from its configuration without listening: storage, the engine, the push path
// (endpoint → inbox → worker → use cases), the outbox sender, the timers, the REST API, ops and kit
// routes. main.ts listens; tests and benchmarks compose the same server on a temporary data directory.
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import type { Router } from 'express';
import type { Logger } from 'pino';
import { addMissingChannels } from './app/admin/channels';
import type { EngineDeps } from './app/support/engine-deps';
import { unionIdVerified } from './app/union-id-verified';
import { completeAuthorization, configurePlatform, platformEventReceived, type PlatformDeps } from './app/open-platform/index';
import { loadConfigFile } from './channels-file';
import { authPageBaseUrl, type ServerConfig } from './config';
import type { ChannelStore } from './core/ports/channel-store';
import type { Clock } from './core/ports/clock';
import type { PlatformStore } from './core/ports/platform-store';
import type { Robot } from './core/ports/robot';
import type { KnowledgeLookup } from './core/wechat-agent/knowledge';
import { apiRouter } from './http/api/api-router';
import { AuthService } from './app/auth/auth-service';
import { LoginThrottle } from './app/auth/login-throttle';
import { SharedLoginThrottle } from './app/auth/shared-login-throttle';
import { createApp, type KefuApp } from './http/create-app';
import { createMetrics, type Metrics } from './http/ops/metrics';
import { opsRouter } from './http/ops/ops-router';
import { kitSessionRouter } from './http/routes/kit-session';
import { workbenchRouters } from './http/workbench/workbench-routers';
import { webAppRouter } from './http/web/web-app';
import { knowledgeModule, type KnowledgeModule } from './knowledge/knowledge-module';
import { renderEntryReplies } from './knowledge/render';
import { quickRepliesModule } from './knowledge/quick-replies-module';
import { InboxWorker } from './runtime/inbox-worker';
import { NoticeHub } from './runtime/notice-hub';
import { OutboxSender } from './runtime/outbox-sender';
import { isDeadOwner, outboxOwnerId } from './runtime/outbox-owner';
import { TimerScheduler } from './runtime/timer-scheduler';
import { ControllableClock } from './runtime/controllable-clock';
import { TestClockDriver } from './runtime/test-clock';
import { testClockRouter } from './http/test-clock-routes';
import { NoticesToWeChatAgents } from './runtime/notices-to-wechat-agents';
import { WeChatApis } from './runtime/wechat-apis';
import { FfmpegAudio, WeChatCustomerMedia } from './runtime/customer-media';
import { OpenPlatformApis } from './runtime/open-platform-apis';
import { nodeCredentials, randomPushSecrets } from './security/index';
import { wechatTyping } from './runtime/wechat-typing';
import { webhooksModule, type WebhooksModule } from './runtime/webhooks-module';
import { auditRetention } from './runtime/audit-retention';
import { queueRetention } from './runtime/queue-retention';
import type { WebhookRetryPolicy } from './core/webhooks/delivery-policy';
import { openServerStorage, type ServerStorage } from './storage/open-server-storage';
import { openPgCluster } from './storage/postgres/pg-cluster';
import { VERSION } from './version';
import { WeChatClient, checkCredentials, jscode2session } from './wechat/outbound/index';

export interface ComposeOptions {
  config: ServerConfig;
  logger: Logger;
  clock?: Clock;
  robot?: Robot;
  /** Tests pass faster loops. */
  pollMs?: number;
  /** How long a WeChat API call may take (default WECHAT_CALL_TIMEOUT_MS, 30 s); tests of a silent WeChat pass less. */
  wechatTimeoutMs?: number;
  /** Knowledge-base entries for WeChat agents' `@3:2#`; tests pass their own, the server reads the knowledge base. */
  knowledge?: KnowledgeLookup;
  /** Webhook retries; tests pass shorter backoff. */
  webhookRetry?: WebhookRetryPolicy;
}

export interface ComposedServer {
  app: KefuApp;
  knowledge: KnowledgeModule;
  /** The SQLite connection (tests reach into it); throws when the server runs on PostgreSQL. */
  readonly db: Database;
  storage: ServerStorage;
  engine: EngineDeps;
  /** Logins, tokens and accounts, shared by the REST API and the workbench. */
  auth: AuthService;
  notices: NoticeHub;
  metrics: Metrics;
  /** Routes stored pushes. */
  inboxWorker: InboxWorker;
  outboxSender: OutboxSender;
  /** Tells agents who answer from their own WeChat what changed elsewhere (assignments, failures). */
  noticesToWeChatAgents: NoticesToWeChatAgents;
  /** Webhook endpoints' stories and the sender (units store their events: closeUnit in app/support/engine-deps.ts). */
  webhooks: WebhooksModule;
  /** Seeds channels and the first admin, then starts the worker, the sender and the timers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function composeServer(options: ComposeOptions): ComposedServer {
  const { config, logger } = options;
  // KEFU_TEST_CLOCK=1: time stands still until /testing/clock moves it, from the real time (or options.clock's).
  const testClock = config.testClock ? new ControllableClock(options.clock?.now() ?? Date.now()) : undefined;
  const clock = testClock ?? options.clock ?? { now: () => Date.now() };
  if (testClock)
    logger.warn({ now: new Date(testClock.now()).toISOString() }, 'KEFU_TEST_CLOCK=1: time stands still until /testing/clock moves it');
  const outboxOwner = outboxOwnerId();
  // PostgreSQL when DATABASE_URL names one, else the SQLite file in DATA_DIR.
  const nodeName = config.nodeName ?? `${hostname()}-${process.pid}`;
  const storage = openServerStorage(config, { clock, outboxOwner, logger, nodeName });
  const metrics = createMetrics({ nodeName });
  const notices = new NoticeHub();
  // Nodes sharing one PostgreSQL database share live notices and login counts through it.
  const cluster =
    config.databaseUrl === undefined
      ? undefined
      : openPgCluster(config.databaseUrl, { nodeName, deliver: (n) => notices.deliver(n), logger });
  if (cluster) notices.relayTo(cluster.notices);
  const auth = storage.auth;
  const client = new WeChatClient({
    baseUrl: config.wechatApiBaseUrl,
    ...(options.wechatTimeoutMs !== undefined && { timeoutMs: options.wechatTimeoutMs }),
  });
  // The open platform: its component token and each authorized account's token, one per cluster.
  const openPlatformApis = new OpenPlatformApis(client, storage.platform, storage.tokens, clock.now);
  const apis = new WeChatApis(client, storage.channels, storage.tokens, { platform: storage.platform, apis: openPlatformApis });
  const openPlatform: PlatformDeps = {
    platform: storage.platform,
    channels: storage.channels,
    tokens: storage.tokens,
    clock,
    api: openPlatformApis,
    newPushSecrets: randomPushSecrets,
  };
  const pollMs = options.pollMs ?? 1000;
  const semanticStore = storage.semantic;
  const knowledge = knowledgeModule(storage.knowledge, {
    now: clock.now,
    newId: () => storage.ids.next('kbm'), // it makes media ids only
    pollMs,
    channelKind: async (id) => (await storage.channels.get(id))?.kind,
    semantic: { store: semanticStore, log: logger },
  });

  let outboxSender: OutboxSender | undefined;
  const engine: EngineDeps = {
    uow: storage.uow,
    clock,
    ids: storage.ids,
    notifier: notices,
    robot: options.robot ?? knowledge.robot,
    wakeOutbox: () => void outboxSender?.kick(),
    wakeWebhooks: () => void webhooks.sender.kick(),
    ...(storage.timerClaims && { timerClaims: storage.timerClaims }),
  };
  outboxSender = new OutboxSender({
    store: storage.outbox,
    engine,
    channel: (id) => apis.forChannel(id),
    logger,
    now: clock.now,
    pollMs,
    metrics,
    media: knowledge.media,
    deadOwner: (owner) => isDeadOwner(owner, outboxOwner),
  });
  const inbox = storage.inbox;
  const noticesToWeChatAgents = new NoticesToWeChatAgents(engine, logger);
  // `@3:2#` from a WeChat agent: entry 2 (or a keyword) of the merchant's knowledge base, read from memory.
  const knowledgeLookup: KnowledgeLookup =
    options.knowledge ??
    (async (scope, key, who) => {
      const entry = knowledge.service.lookup(scope, key);
      return entry && renderEntryReplies(entry, who ?? { id: '' });
    });
  // `/q` from a WeChat agent reads quick replies from memory, inside the push's unit of work.
  const quickReplies = quickRepliesModule(storage.quickReplies, {
    channelKind: async (id) => (await storage.channels.findRecord(id))?.kind,
  });
  notices.subscribeLocal(noticesToWeChatAgents.listener); // once in the cluster: on the node that made the change
  const webhooks = webhooksModule({
    stores: { webhooks: storage.webhooks, channels: storage.channels, uow: storage.uow, ids: storage.ids },
    clock,
    logger,
    pollMs,
    allowLocalHttp: config.webhooksAllowLocalHttp === true,
    ...(options.webhookRetry && { retry: options.webhookRetry }),
  });
  const inboxWorker = new InboxWorker(
    {
      engine,
      inbox,
      // The push path's cached lookup (no database read nor secrets opened per pass); changes made here show at once.
      channelOf: (id) => storage.channels.findRecord(id),
      wechatAgents: { knowledge: knowledgeLookup, quickReplies: quickReplies.lookup },
    },
    { logger, now: clock.now, pollMs, ...(storage.routingBatchSize !== undefined && { batchSize: storage.routingBatchSize }) },
  );
  const retention = auditRetention(storage.audit, clock, logger, config.auditRetentionDays);
  const queuesRetention = queueRetention({ inbox, outbox: storage.outbox }, clock, logger, config.queueRetentionDays);
  const timers = new TimerScheduler({ engine, channelIds: async () => (await storage.channels.list()).map((c) => c.id), logger });

  const testClockDriver =
    testClock &&
    new TestClockDriver({
      clock: testClock,
      timers,
      inboxWorker,
      outboxSender,
      noticesToWeChatAgents,
      storedWork: storage.pendingWork,
    });

  // One guessing budget for bearer (API) and cookie (workbench) logins.
  const authService = new AuthService({
    stores: auth,
    uow: engine.uow,
    clock,
    ids: storage.ids,
    ...nodeCredentials(),
    throttle: cluster ? new SharedLoginThrottle(cluster.loginAttempts) : new LoginThrottle(),
  });
  // Credential checks answer at once: a busy WeChat is reported, not retried behind the admin's back.
  const checkingClient = new WeChatClient({ baseUrl: config.wechatApiBaseUrl, retry: { maxRetries: 0 }, timeoutMs: 8000 });
  const workbench = workbenchRouters({
    auth: authService,
    clock,
    notices,
    logger,
    version: VERSION,
    ...(config.simulator && {
      simulator: { wechatApiBaseUrl: config.wechatApiBaseUrl, channelAppId: async (id: string) => (await storage.channels.get(id))?.appId },
    }),
  });
  const app = createApp({
    logger,
    channels: storage.channels,
    // The push path's time (replay windows, grace periods, activity) is the server's clock, the test clock too.
    nowMs: () => clock.now(),
    ...(config.trustProxy !== undefined && { trustProxy: config.trustProxy }),
    // Acknowledged once stored; routing, the robot and sends happen after, in the worker.
    onPush: async (channel, message) => {
      const end = metrics.pushLatency.startTimer({ channel: channel.id });
      const outcome = await inbox.accept(channel.id, message, clock.now());
      end();
      metrics.pushesReceived.inc({ channel: channel.id, type: message.type, outcome });
      void inboxWorker.kick();
      return undefined;
    },
    openPlatform: {
      settings: () => storage.platform.settings(),
      authorization: (appId) => storage.platform.authorization(appId),
      onEvent: (event) => platformEventReceived(openPlatform, event),
      onAuthorized: (code) => completeAuthorization(openPlatform, code),
    },
    extraRouters: [
      ...(testClockDriver ? [['/testing', testClockRouter(testClockDriver)] as [string, Router]] : []),
      ...workbench, // before the API: the session cookie becomes a bearer header there
      [
        '/api/v1',
        apiRouter({
          engine,
          channels: storage.channels,
          auth: authService,
          metrics,
          knowledge: knowledge.service,
          quickReplies: quickReplies.store,
          typing: { engine, sender: wechatTyping(apis), sentAt: new Map() },
          ...(knowledge.semantic && { semanticSettings: knowledge.semantic.settings }),
          version: VERSION,
          reports: storage.reports,
          search: storage.search,
          pushLog: storage.pushLog,
          messageMedia: { source: new WeChatCustomerMedia(apis), audio: new FfmpegAudio() },
          webhooks: webhooks.deps,
          audit: storage.audit,
          checkCredentials: (kind, app) => checkCredentials(checkingClient, kind, app),
          openPlatform,
          authPageBaseUrl: authPageBaseUrl(config),
          ...(config.publicBaseUrl !== undefined && { publicBaseUrl: config.publicBaseUrl }),
        }),
      ],
      ['/', opsRouter({ metrics, checkDatabase: () => (cluster ?? storage).health(), nodeName })],
      [
        '/kit',
        kitSessionRouter({
          findKitChannel: async (id) => {
            const c = await storage.channels.get(id);
            return c?.kind === 'miniprogram' && c.unionIdKey
              ? { appId: c.appId, secret: c.appSecret, unionIdKey: c.unionIdKey }
              : undefined;
          },
          // An authorized mini program has no AppSecret here: the component's jscode2session instead.
          codeToSession: async (a, code) =>
            (await storage.platform.authorization(a.appId))?.state === 'authorized'
              ? openPlatformApis.codeToSession(a.appId, code)
              : jscode2session(client, a, code),
          unionIdVerified: (channelId, openid, unionId) => unionIdVerified(engine, { channelId, openid, unionId }),
        }),
      ],
      ['/', webAppRouter(config.webDir)], // the browser workbench at /app/, and / leads there
    ],
  });

  return {
    app,
    knowledge,
    get db() {
      if (!storage.sqlite) throw new Error('this server runs on PostgreSQL (DATABASE_URL): there is no SQLite connection');
      return storage.sqlite;
    },
    storage,
    engine,
    auth: authService,
    notices,
    metrics,
    inboxWorker,
    outboxSender,
    noticesToWeChatAgents,
    webhooks,
    async start() {
      await storage.ready(); // PostgreSQL: migrated (once across nodes) and the master key checked
      await cluster?.start(); // listening for the other nodes' live notices
      if (config.channelsFile)
        await seedChannels({ channels: storage.channels, platform: storage.platform, clock }, config.channelsFile, logger);
      if (config.firstAdmin) await ensureFirstAdmin(authService, config.firstAdmin, logger);
      await knowledge.service.start(); // the robot answers from memory: load it before the first message
      await knowledge.semantic?.refresher.start(); // its settings now, entry vectors in the background
      await quickReplies.start();
      await inboxWorker.start();
      outboxSender?.start();
      webhooks.sender.start();
      timers.start();
      retention.start();
      queuesRetention.start();
    },
    async stop() {
      await Promise.all([inboxWorker.stop(), outboxSender?.stop(), timers.stop()]);
      knowledge.semantic?.refresher.stop();
      quickReplies.stop();
      await knowledge.service.stop();
      await noticesToWeChatAgents.idle();
      await webhooks.sender.stop();
      await retention.stop();
      await queuesRetention.stop();
      await cluster?.close();
      await storage.close();
    },
  };
}

/** Channels (and the open platform) from the file are created when missing; existing ones (maybe edited since) are left alone. */
async function seedChannels(
  deps: { channels: ChannelStore; platform: PlatformStore; clock: Clock },
  file: string,
  logger: Logger,
): Promise<void> {
  const { channels, platform } = loadConfigFile(file);
  for (const channelId of await addMissingChannels(deps, channels)) logger.info({ channelId }, 'channel created from the channels file');
  if (platform && !(await deps.platform.settings())) {
    await configurePlatform(deps, platform);
    logger.info({ componentAppId: platform.componentAppId }, 'open platform configured from the channels file');
  }
}

async function ensureFirstAdmin(auth: AuthService, admin: { username: string; password: string }, logger: Logger): Promise<void> {
  if (!(await auth.createFirstAdmin(admin.username, admin.password))) return;
  logger.info({ username: admin.username }, 'first platform admin created');
}
