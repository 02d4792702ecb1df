// Every route family of the API, in the order the OpenAPI document lists them.
import type { ApiContext } from '../api-context';
import type { ApiRoute } from '../route-table';
import { accountRoutes } from './account-routes';
import { actionRoutes } from './action-routes';
import { agentRoutes } from './agent-routes';
import { archiveRoutes } from './archive-routes';
import { auditRoutes } from './audit-routes';
import { authRoutes } from './auth-routes';
import { calendarRoutes } from './calendar-routes';
import { channelRoutes } from './channel-routes';
import { channelConfigRoutes } from './channel-config-routes';
import { conversationRoutes } from './conversation-routes';
import { credentialsRoutes } from './credentials-routes';
import { customerRoutes } from './customer-routes';
import { customerHistoryRoutes } from './customer-history-routes';
import { deskRoutes } from './desk-routes';
import { groupRoutes } from './group-routes';
import { knowledgeRoutes } from './knowledge-routes';
import { knowledgeSearchRoutes } from './knowledge-search-routes';
import { mediaRoutes } from './media-routes';
import { messageMediaRoutes } from './message-media-routes';
import { merchantRoutes } from './merchant-routes';
import { platformRoutes } from './platform-routes';
import { quickReplyRoutes } from './quick-reply-routes';
import { typingRoutes } from './typing-routes';
import { rangeReportRoutes } from './range-report-routes';
import { reportRoutes } from './report-routes';
import { searchRoutes } from './search-routes';
import { settingsRoutes } from './settings-routes';
import { timeZoneRoutes } from './time-zone-routes';
import { tokenRoutes } from './token-routes';
import { transcriptRoutes } from './transcript-routes';
import { webhookRoutes } from './webhook-routes';

export function allRoutes(ctx: ApiContext): ApiRoute[] {
  return [
    ...authRoutes(ctx),
    ...tokenRoutes(ctx),
    ...accountRoutes(ctx),
    // Before the channel routes: /channels/export.csv and /channels/credentials-check are not channel ids.
    ...reportRoutes(ctx),
    ...rangeReportRoutes(ctx),
    ...credentialsRoutes(ctx),
    ...platformRoutes(ctx), // /channels/:channelId/authorization beside the channel routes
    ...channelRoutes(ctx),
    ...channelConfigRoutes(ctx),
    ...merchantRoutes(ctx),
    ...agentRoutes(ctx),
    ...groupRoutes(ctx),
    ...calendarRoutes(ctx),
    ...archiveRoutes(ctx), // archive, unarchive, dependents and delete of the five above
    ...settingsRoutes(ctx),
    ...timeZoneRoutes(ctx),
    ...customerRoutes(ctx),
    ...customerHistoryRoutes(ctx),
    ...searchRoutes(ctx), // before /conversations/:conversationId's neighbours
    ...conversationRoutes(ctx),
    ...transcriptRoutes(ctx),
    ...deskRoutes(ctx),
    ...actionRoutes(ctx),
    ...typingRoutes(ctx),
    ...mediaRoutes(ctx),
    ...messageMediaRoutes(ctx),
    ...knowledgeSearchRoutes(ctx), // before /knowledge/:number
    ...knowledgeRoutes(ctx),
    ...quickReplyRoutes(ctx),
    ...webhookRoutes(ctx),
    ...auditRoutes(ctx),
  ];
}
