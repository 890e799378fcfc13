// `npm start`: builds what is missing or stale — the web app (Vite) and the server bundle
// (esbuild; half the start-up time of loading TypeScript on the fly) — then runs the server in
// this same process, so signals reach it directly.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

const isStale = (output, sources) =>
  !existsSync(output) ||
  Math.max(...sources.map((s) => newestMtime(join(root, s)))) > statSync(output).mtimeMs;

const webIndex = join(root, 'dist', 'web', 'index.html');
if (isStale(webIndex, ['web', 'vite.config.ts'])) {
  console.log('Building the web app…');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

const serverEntry = join(root, 'dist', 'server', 'main.mjs');
if (isStale(serverEntry, ['server', 'contract', 'package.json'])) {
  const { buildServer } = await import('./build-server.mjs');
  await buildServer();
}

await import(pathToFileURL(serverEntry).href);
