// Merchants (organisation units inside a channel): platform admins create and change them; merchant
// admins and agents read their own. The rules are the stories' (app/admin/merchants.ts).
import { changeMerchant, createMerchant, listMerchants, readMerchant } from '../../../app/admin/merchants';
import type { ApiContext } from '../api-context';
import { resourceRoutes } from '../resource-routes';
import { ALL_ROLES, PLATFORM, type ApiRoute } from '../route-table';
import { merchant, merchantCreate, merchantUpdate } from '../../../contract/team';

export function merchantRoutes(ctx: ApiContext): ApiRoute[] {
  return resourceRoutes(ctx, {
    tag: 'merchants',
    plural: 'merchants',
    idParam: 'merchantId',
    roles: { read: ALL_ROLES, write: PLATFORM },
    schemas: { item: merchant, create: merchantCreate, change: merchantUpdate },
    merchantFilter: false, // merchants are what the filter names
    stories: { list: listMerchants, create: createMerchant, read: readMerchant, change: changeMerchant },
    summaries: {
      list: 'List a channel’s merchants (yours only unless platform admin)',
      create: 'Create a merchant',
      read: 'Read a merchant',
      change: 'Change a merchant’s code or name',
    },
  });
}
