import { isRecord, json, type Reply } from '../http.js';
import type { RequestContext } from '../router.js';
import { salesError, salesOk } from './errors.js';
import { hasStripeCredentials, type PaymentSettings } from './model.js';

const SUPPORTED_GATEWAYS = ['stripe'];

/**
 * POST /platform/v1/payment/settings. Credentials and gateway type may arrive in separate calls, but the type
 * can only be made active once the gateway's credentials are stored (the seed's two-step prerequisite).
 */
export function updateSettings(ctx: RequestContext): Reply {
  const body = ctx.body;
  if (!isRecord(body) || !isRecord(body.payment_settings)) {
    return salesError(422, 'MISSING_PARAMETER', 'Mandatory parameter payment_settings is missing');
  }
  const incoming = body.payment_settings;
  const next: PaymentSettings = { ...ctx.state.sales.settings, ...incoming };
  const type = incoming.payments_gateway_type;
  if (type !== undefined) {
    if (typeof type !== 'string' || !SUPPORTED_GATEWAYS.includes(type)) {
      return salesError(422, 'UNSUPPORTED_GATEWAY', `Unsupported payments_gateway_type ${JSON.stringify(type)}`);
    }
    if (!hasStripeCredentials(next)) {
      return salesError(422, 'GATEWAY_NOT_CONNECTED', `Connect ${type} before making it the active gateway`);
    }
  }
  ctx.state.sales.settings = next;
  return salesOk(201, { payment_settings: present(next) });
}

/** GET /platform/v1/payment/settings */
export function readSettings(ctx: RequestContext): Reply {
  return json(200, { data: { payment_settings: present(ctx.state.sales.settings) }, status: 'OK' });
}

/** The stored settings as the API shows them: connected gateways listed, the access token masked. */
function present(settings: PaymentSettings): Record<string, unknown> {
  const shown: Record<string, unknown> = { ...settings };
  if (typeof settings.stripe_access_token === 'string') shown.stripe_access_token = mask(settings.stripe_access_token);
  shown.connected_payment_gateways = hasStripeCredentials(settings) ? ['stripe'] : [];
  return shown;
}

function mask(secret: string): string {
  return secret.length <= 4 ? '****' : `${secret.slice(0, 4)}****`;
}
