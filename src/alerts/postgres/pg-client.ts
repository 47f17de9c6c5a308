import pRetry from 'p-retry';
import pg from 'pg';
import type { Logger } from '../../logging.js';

/** The isolation level a store method runs at; each method states its own and why (see postgres-alert-store.ts). */
export type Isolation = 'READ COMMITTED' | 'REPEATABLE READ' | 'SERIALIZABLE';

export type Tx = pg.PoolClient;

/** How long one operation keeps retrying a lost connection (a Postgres restart or fail-over takes seconds). */
const RETRY_FOR_MS = 120_000;

/** Errors after which the same transaction, run again, can succeed. */
const RETRYABLE_SQLSTATES = new Set([
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '57P01', // admin_shutdown (a restart)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const RETRYABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'EAI_AGAIN']);

export function isRetryable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (RETRYABLE_SQLSTATES.has(code) || RETRYABLE_NODE_CODES.has(code))) return true;
  return /Connection terminated|connection error|not queryable|timeout exceeded when trying to connect/i.test(
    error.message,
  );
}

/** BIGINT (epoch ms, counts) as numbers: every value Radar stores is far below 2^53. */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === pg.types.builtins.INT8
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format ?? 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A pool on RADAR_STATE_URL that runs each store method as one transaction at the isolation the method names, and
 * runs it again, with exponential backoff, when the connection was lost (Postgres restarted, the network dropped) or
 * Postgres aborted it to keep it serialisable. Every method is written so that running it twice is harmless (claims
 * by unique key, compare-and-set updates), which is what makes a retry after an unknown COMMIT outcome safe.
 */
export class PgDatabase {
  readonly pool: pg.Pool;
  readonly #logger: Logger;

  constructor(url: string, logger: Logger, options: { readonly max?: number } = {}) {
    this.#logger = logger;
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.max ?? 5,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      types,
    });
    // An idle client whose server went away emits here; without a listener Node would crash the process.
    this.pool.on('error', (error) => {
      this.#logger.warn(
        { err: error.message },
        'Postgres connection lost (idle client); the pool reconnects on demand',
      );
    });
  }

  transaction<T>(name: string, isolation: Isolation, body: (tx: Tx) => Promise<T>): Promise<T> {
    return this.withClient(name, async (client) => {
      await client.query(`BEGIN ISOLATION LEVEL ${isolation}`);
      try {
        const result = await body(client);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /**
   * Runs `body` on one pooled connection, again from the start (backoff 0.1 s doubling to 5 s, for up to two
   * minutes) while the failure is a lost connection or an aborted transaction; other errors reject at once.
   */
  withClient<T>(name: string, body: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const started = Date.now();
    return pRetry(
      async () => {
        let client: pg.PoolClient;
        try {
          client = await this.pool.connect();
        } catch (error) {
          throw this.#classify(error);
        }
        let broken = false;
        // A connection that dies between two queries of a checked-out client is reported as an 'error' event on
        // the client, not as a rejection: without a listener it would crash the process. The next query rejects.
        const onError = () => {
          broken = true;
        };
        client.on('error', onError);
        try {
          return await body(client);
        } catch (error) {
          broken ||= isRetryable(error);
          throw this.#classify(error);
        } finally {
          client.off('error', onError);
          client.release(broken);
        }
      },
      {
        retries: 1_000,
        minTimeout: 100,
        maxTimeout: 5_000,
        factor: 2,
        randomize: true,
        onFailedAttempt: (error) => {
          if (Date.now() - started > RETRY_FOR_MS) throw error;
          this.#logger.warn(
            { store: 'postgres', operation: name, attempt: error.attemptNumber, reason: error.message },
            'Postgres unavailable (connection lost, restarting) or transaction aborted; retrying with backoff',
          );
        },
      },
    );
  }

  /** Reads outside an explicit transaction (one statement, READ COMMITTED), retried like transactions. */
  query<R extends pg.QueryResultRow>(name: string, sql: string, params: readonly unknown[] = []): Promise<R[]> {
    return this.transaction(name, 'READ COMMITTED', async (tx) => (await tx.query<R>(sql, [...params])).rows);
  }

  /** Non-retryable errors stop the retries at once (p-retry's AbortError); retryable ones go round again. */
  #classify(error: unknown): Error {
    const asError = error instanceof Error ? error : new Error(String(error));
    return isRetryable(asError) ? asError : new pRetry.AbortError(asError);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
