import { isRadarError } from '../../errors.js';
import {
  WarehouseAuthError,
  WarehouseDatabaseNotFoundError,
  WarehousePermissionError,
  WarehouseQueryError,
  WarehouseSchemaNotFoundError,
  WarehouseTimeoutError,
  WarehouseUnreachableError,
} from '../warehouse-source-errors.js';

const NETWORK: Readonly<Record<string, string>> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'unknown host',
  EAI_AGAIN: 'host name lookup failed',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'the connection was reset',
  EPIPE: 'the connection was closed',
};

/** A pg or socket failure → the message a person can act on; RadarErrors pass through unchanged. */
export function translatePostgresError(
  error: unknown,
  location: { readonly label: string; readonly schema: string; readonly database: string },
  timeoutMs: number,
): unknown {
  if (isRadarError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  const options = { cause: error };
  if (typeof code === 'string' && code in NETWORK) {
    return new WarehouseUnreachableError(location.label, NETWORK[code] as string, options);
  }
  switch (code) {
    case '28P01':
    case '28000':
      return new WarehouseAuthError(location.label, message, options);
    case '3D000':
      return new WarehouseDatabaseNotFoundError(location.label, location.database, options);
    case '3F000':
      return new WarehouseSchemaNotFoundError(location.label, location.schema);
    case '42501':
      return new WarehousePermissionError(location.label, message, options);
    case '57014':
      return new WarehouseTimeoutError(location.label, timeoutMs, options);
    default:
      break;
  }
  if (/timeout/i.test(message)) return new WarehouseTimeoutError(location.label, timeoutMs, options);
  if (/Connection terminated|ECONNRESET|socket/i.test(message)) {
    return new WarehouseUnreachableError(location.label, message, options);
  }
  if (typeof code === 'string') return new WarehouseQueryError(location.label, message, options);
  return error;
}
