// Bundles the server's TypeScript (not its dependencies) into dist/server with esbuild. Dynamic
// imports stay separate chunks, so optional SDKs (Stripe…) are still loaded only when configured.
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

export async function buildServer() {
  rmSync(join(root, 'dist/server'), { recursive: true, force: true });
  await build({
    absWorkingDir: root,
    entryPoints: ['server/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    splitting: true,
    sourcemap: true,
    outdir: 'dist/server',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  // The document-reading worker is a plain .mjs file loaded by URL beside the bundle.
  copyFileSync(
    join(root, 'server/adapters/documents/extract-worker.mjs'),
    join(root, 'dist/server/extract-worker.mjs'),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await buildServer();
