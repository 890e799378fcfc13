/**
 * A private PostgreSQL cluster for fault tests: initdb'd in a temporary directory, on its own port,
 * started and stopped at will (as the postgres user: PostgreSQL refuses to run as root).
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';

function binDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root).sort().reverse();
  for (const version of versions) {
    const dir = join(root, version, 'bin');
    if (existsSync(join(dir, 'initdb'))) return dir;
  }
  return null;
}

export const POSTGRES_BIN = binDir();

export interface PrivatePostgres {
  url: string;
  port: number;
  start(): void;
  stop(): void;
  destroy(): void;
}

function asPostgres(command: string, args: string[]) {
  const isRoot = userInfo().uid === 0;
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  return execFileSync(file, argv, { stdio: 'pipe', timeout: 60_000 }).toString();
}

export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  if (!POSTGRES_BIN) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) are not installed');
  const base = mkdtempSync(join(tmpdir(), 'pl-pg-'));
  chmodSync(base, 0o777);
  const dataDir = join(base, 'data');
  const port = await freePort();
  if (userInfo().uid === 0) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(base, uid, gid);
  }
  asPostgres(join(POSTGRES_BIN, 'initdb'), [
    '-D',
    dataDir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
  ]);
  const pgCtl = join(POSTGRES_BIN, 'pg_ctl');
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const cluster: PrivatePostgres = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    start: () =>
      void asPostgres(pgCtl, ['-D', dataDir, '-o', options, '-l', join(base, 'log'), '-w', 'start']),
    stop: () => void asPostgres(pgCtl, ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
    destroy: () => {
      try {
        cluster.stop();
      } catch {
        // already stopped
      }
    },
  };
  cluster.start();
  return cluster;
}
