/**
 * A fake OpenAI-compatible chat completions endpoint (/v1/chat/completions, streamed as SSE chunks
 * ending with `data: [DONE]`) for the official `openai` SDK, scriptable through scripted-server.ts.
 * Run alone: `npx tsx test/fakes/fake-openai.ts 8090`, then OPENAI_BASE_URL=http://127.0.0.1:8090/v1.
 */
import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { type Finish, type ScriptedServer, startScriptedServer, type WireFormat } from './scripted-server';

const FINISH: Record<Finish, string> = { stop: 'stop', length: 'length', safety: 'content_filter' };
const MODEL = 'fake-model';

function promptOf(body: any): string {
  const messages: any[] = Array.isArray(body.messages) ? body.messages : [];
  return messages.map((m) => (typeof m?.content === 'string' ? m.content : '')).join('\n');
}

const usage = (tokensIn: number, tokensOut: number) => ({
  prompt_tokens: tokensIn,
  completion_tokens: tokensOut,
  total_tokens: tokensIn + tokensOut,
});

export const openAiWire: WireFormat = {
  route(path, body) {
    if (path !== '/v1/chat/completions') return undefined;
    return { stream: body.stream === true, prompt: promptOf(body) };
  },
  error(res, status, retryAfterSeconds) {
    res.writeHead(status, {
      'content-type': 'application/json',
      ...(retryAfterSeconds !== undefined ? { 'retry-after': String(retryAfterSeconds) } : {}),
    });
    res.end(
      JSON.stringify({
        error: {
          message: 'Fake failure.',
          type: status === 429 ? 'rate_limit_exceeded' : 'server_error',
          code: null,
        },
      }),
    );
  },
  streamHeaders: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  streamChunk(res, text, final) {
    const base = {
      id: `chatcmpl-${randomUUID()}`,
      object: 'chat.completion.chunk',
      created: 0,
      model: MODEL,
    };
    res.write(
      `data: ${JSON.stringify({ ...base, choices: [{ index: 0, delta: { content: text }, finish_reason: final ? FINISH[final.finish] : null }] })}\n\n`,
    );
    if (final) {
      // With stream_options.include_usage, usage comes in one last chunk without choices.
      res.write(
        `data: ${JSON.stringify({ ...base, choices: [], usage: usage(final.tokensIn, final.tokensOut) })}\n\n`,
      );
      res.write('data: [DONE]\n\n');
    }
  },
  whole(res, text, finish, tokensIn, tokensOut) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        id: `chatcmpl-${randomUUID()}`,
        object: 'chat.completion',
        created: 0,
        model: MODEL,
        choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: FINISH[finish] }],
        usage: usage(tokensIn, tokensOut),
      }),
    );
  },
};

export const startFakeOpenAi = (port = 0): Promise<ScriptedServer> => startScriptedServer(openAiWire, port);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startFakeOpenAi(Number(process.argv[2] ?? 8090));
  server.fallback = { chunkDelayMs: 40, chunks: 24 };
  console.log(`Fake OpenAI-compatible endpoint on ${server.url}/v1 (OPENAI_BASE_URL=${server.url}/v1)`);
}
