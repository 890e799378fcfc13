/** `npm run bench`: every benchmark in turn; each prints its table and merges into bench/results.json. */
import { benchAi } from './ai';
import { benchAnalyses } from './analyses';
import { benchHttp } from './http';
import { benchLetters } from './letters';
import { benchLogin } from './login';
import { benchStartup } from './startup';

const only = process.argv.slice(2);
const suites: Record<string, () => Promise<unknown>> = {
  startup: () => benchStartup(),
  http: () => benchHttp(),
  login: () => benchLogin(),
  analyses: () => benchAnalyses(),
  letters: () => benchLetters(),
  ai: () => benchAi(),
};
for (const [name, run] of Object.entries(suites)) {
  if (only.length && !only.includes(name)) continue;
  console.log(`\n=== ${name} ===`);
  await run();
}
