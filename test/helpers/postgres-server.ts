import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getFreePort } from './free-port.js';

/** A throwaway Postgres cluster for one test run: initdb in a temp dir, started on a free port, trust auth. */
export interface PostgresServer {
  /** Superuser URL of the `postgres` database; tests create their own databases on it. */
  readonly adminUrl: string;
  readonly port: number;
  stop(): void;
}

const SUPERUSER = 'radar_test';

/** The Debian `postgresql` package's binaries (newest version first), or pg_config's. */
function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0] !== undefined) return join(root, versions[0], 'bin');
  }
  const fromConfig = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  if (fromConfig.status === 0 && existsSync(join(fromConfig.stdout.trim(), 'initdb'))) return fromConfig.stdout.trim();
  throw new Error(
    'Postgres is not installed (no /usr/lib/postgresql/*/bin/initdb and no pg_config): the Postgres store tests ' +
      'cannot run. Install it with `apt-get install -y postgresql` (.ci/run does this) and run the tests again.',
  );
}

/** Postgres refuses to run as root: as root, run its binaries as the `postgres` system user the package creates. */
function runAs(): { uid: number; gid: number; wrap: (bin: string, args: string[]) => [string, string[]] } | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  const uid = id('-u');
  const gid = id('-g');
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      'The tests run as root and Postgres refuses to run as root, but there is no `postgres` system user to run ' +
        'it as. Install the postgresql package (it creates the user) or run the tests as a normal user.',
    );
  }
  return {
    uid: Number(uid.stdout.trim()),
    gid: Number(gid.stdout.trim()),
    wrap: (bin, args) => ['runuser', ['-u', 'postgres', '--', bin, ...args]],
  };
}

/** Starts a fresh cluster; throws with the reason (and the server log) when it cannot. */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = findBinDir();
  const user = runAs();
  const dir = mkdtempSync(join(tmpdir(), 'radar-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (user !== null) {
    chownSync(dir, user.uid, user.gid);
    chmodSync(dir, 0o700);
  }
  const run = (tool: string, args: string[]) => {
    const [command, argv] = user === null ? [join(bin, tool), args] : user.wrap(join(bin, tool), args);
    const result = spawnSync(command, argv, { encoding: 'utf8', timeout: 120_000 });
    if (result.status !== 0) {
      const serverLog = existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : '';
      throw new Error(
        `Could not start the test Postgres: ${tool} failed (${result.error?.message ?? `exit ${result.status}`}).\n` +
          `${result.stderr}${serverLog === '' ? '' : `\nserver log:\n${serverLog}`}`,
      );
    }
  };
  const port = await getFreePort();
  run('initdb', ['-D', data, '-U', SUPERUSER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  run('pg_ctl', [
    '-D',
    data,
    '-l',
    log,
    '-w',
    '-t',
    '60',
    '-o',
    `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`,
    'start',
  ]);
  return {
    adminUrl: `postgres://${SUPERUSER}@127.0.0.1:${port}/postgres`,
    port,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
