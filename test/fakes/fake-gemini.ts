/**
 * A fake Google Gemini API (v1beta generateContent / streamGenerateContent?alt=sse) for the official
 * @google/genai SDK, scriptable through scripted-server.ts. Errors carry Gemini's body, including
 * the google.rpc.RetryInfo a real 429 sends. Run alone: `npx tsx test/fakes/fake-gemini.ts 8089`.
 */
import type { ServerResponse } from 'node:http';
import { pathToFileURL } from 'node:url';
import { type Finish, type ScriptedServer, startScriptedServer, type WireFormat } from './scripted-server';

const FINISH: Record<Finish, string> = { stop: 'STOP', length: 'MAX_TOKENS', safety: 'SAFETY' };
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

/** The texts of a Gemini request: system instruction and contents parts. */
function promptOf(body: any): string {
  const texts: string[] = [];
  const collect = (content: any) => {
    if (typeof content === 'string') texts.push(content);
    for (const part of content?.parts ?? []) if (typeof part?.text === 'string') texts.push(part.text);
  };
  collect(body.systemInstruction);
  for (const content of Array.isArray(body.contents) ? body.contents : [body.contents]) collect(content);
  return texts.join('\n');
}

const response = (text: string, final: { finish: Finish; tokensIn: number; tokensOut: number } | null) => ({
  candidates: [
    {
      content: { role: 'model', parts: [{ text }] },
      index: 0,
      ...(final ? { finishReason: FINISH[final.finish] } : {}),
    },
  ],
  ...(final
    ? {
        usageMetadata: {
          promptTokenCount: final.tokensIn,
          candidatesTokenCount: final.tokensOut,
          totalTokenCount: final.tokensIn + final.tokensOut,
        },
      }
    : {}),
  modelVersion: 'gemini-fake-001',
});

export const geminiWire: WireFormat = {
  route(path, body) {
    const match = /^\/v1beta\/models\/[^/:]+:(streamGenerateContent|generateContent)$/u.exec(path);
    if (!match) return undefined;
    return { stream: match[1] === 'streamGenerateContent', prompt: promptOf(body) };
  },
  error(res: ServerResponse, status, retryAfterSeconds) {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        error: {
          code: status,
          message: status === 429 ? 'Resource has been exhausted (e.g. check quota).' : 'Fake failure.',
          status: STATUS_NAMES[status] ?? 'UNKNOWN',
          ...(retryAfterSeconds !== undefined
            ? {
                details: [
                  {
                    '@type': 'type.googleapis.com/google.rpc.RetryInfo',
                    retryDelay: `${retryAfterSeconds}s`,
                  },
                ],
              }
            : {}),
        },
      }),
    );
  },
  streamHeaders: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  streamChunk(res, text, final) {
    res.write(`data: ${JSON.stringify(response(text, final))}\r\n\r\n`);
  },
  whole(res, text, finish, tokensIn, tokensOut) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(response(text, { finish, tokensIn, tokensOut })));
  },
};

export const startFakeGemini = (port = 0): Promise<ScriptedServer> => startScriptedServer(geminiWire, port);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const server = await startFakeGemini(Number(process.argv[2] ?? 8089));
  server.fallback = { chunkDelayMs: 40, chunks: 24 };
  console.log(`Fake Gemini on ${server.url} (GEMINI_BASE_URL=${server.url})`);
}
