import 'server-only';
import pino from 'pino';

/** Operators' log: one JSON object per line on stdout. */
export const logger = pino({ base: { service: 'eduschoolpay-dashboard' } });
