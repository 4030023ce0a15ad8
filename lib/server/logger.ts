import 'server-only';
import pino from 'pino';
import { requestLogFields } from './request-context';

/**
 * Operators' log: one JSON object per line on stdout. A line written while serving a request
 * carries its `reqId` (lib/server/request-context.ts), so one clerk's lookup can be followed
 * through the audit, the WeChat Pay attempts and their Request-IDs.
 */
export const logger = pino({ base: { service: 'eduschoolpay-dashboard' }, mixin: requestLogFields });
