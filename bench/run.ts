/** `npm run bench`: every benchmark in turn; each prints its table and merges into bench/results.json. */
import { benchHttp } from './http';
import { benchLogin } from './login';
import { benchStartup } from './startup';

const only = process.argv.slice(2);
const suites: Record<string, () => Promise<unknown>> = {
  startup: () => benchStartup(),
  http: () => benchHttp(),
  login: () => benchLogin(),
};
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
