/**
 * The scriptable core of the fake AI providers: an HTTP server on 127.0.0.1 that answers each
 * request with the next scripted reply (or the default one), records what it received, and can
 * fail the way real providers do: an error status with a wait, a stall, a stream cut mid-answer.
 * fake-gemini.ts and fake-openai.ts put the provider's wire format on top.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export type Finish = 'stop' | 'length' | 'safety';

export interface Reply {
  /** The answer, or a function of the prompt (the default signs with the first name placeholder). */
  text?: string | ((prompt: string) => string);
  /** Chunks the streamed answer is cut into (default 8). */
  chunks?: number;
  chunkDelayMs?: number;
  finish?: Finish;
  /** Answer this status with the provider's error body instead of a completion. */
  status?: number;
  /** Wait asked for with the error (seconds). */
  retryAfterSeconds?: number;
  /** Accept the request and never answer. */
  hang?: boolean;
  /** Stream this many chunks, then drop the connection without a final chunk. */
  cutAfterChunks?: number;
}

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  /** Every text the request carried (system and user turns), joined. */
  prompt: string;
}

export interface ScriptedServer {
  url: string;
  port: number;
  requests: RecordedRequest[];
  /** Replies for the next requests, in order; then `fallback`. */
  script(...replies: Reply[]): void;
  fallback: Reply;
  /** Forgets the script, the recorded requests and the fallback: a clean slate between tests. */
  reset(): void;
  close(): Promise<void>;
}

export interface WireFormat {
  /** Reads the texts of a request body (the prompt), or undefined when the route is not the model's. */
  route(path: string, body: any): { stream: boolean; prompt: string } | undefined;
  error(res: ServerResponse, status: number, retryAfterSeconds: number | undefined): void;
  /** Writes a streamed answer chunk by chunk; `final` marks the last one. */
  streamChunk(
    res: ServerResponse,
    text: string,
    final: { finish: Finish; tokensIn: number; tokensOut: number } | null,
  ): void;
  /** Writes a whole (non-streamed) answer. */
  whole(res: ServerResponse, text: string, finish: Finish, tokensIn: number, tokensOut: number): void;
  streamHeaders: Record<string, string>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A plausible letter signed with the first name placeholder of the prompt, so restoration shows. */
export function defaultLetter(prompt: string): string {
  const name = /\[NAME_\d+\]/u.exec(prompt)?.[0] ?? 'Camille';
  return [
    'Madame, Monsieur,',
    '',
    'Votre offre a retenu toute mon attention : après plusieurs années dans mon premier métier, je souhaite mettre mon sens de l’organisation et ma rigueur au service de votre équipe.',
    '',
    'J’ai conduit des projets exigeants, coordonné des équipes et appris chaque jour de nouveaux outils. Ces expériences sont un atout pour le poste que vous proposez.',
    '',
    'Je serais heureuse d’en parler avec vous lors d’un entretien.',
    '',
    'Je vous prie d’agréer, Madame, Monsieur, l’expression de mes salutations distinguées.',
    '',
    name,
  ].join('\n');
}

/** Splits a text into `count` pieces of similar length (chunks may cut words, as real ones do). */
export function splitText(text: string, count: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / Math.max(1, count)));
  const pieces: string[] = [];
  for (let at = 0; at < text.length; at += size) pieces.push(text.slice(at, at + size));
  return pieces.length > 0 ? pieces : [''];
}

const tokens = (text: string) => Math.ceil(text.length / 4);

export async function startScriptedServer(format: WireFormat, port = 0): Promise<ScriptedServer> {
  const queue: Reply[] = [];
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const state = { fallback: {} as Reply };

  async function answer(req: IncomingMessage, res: ServerResponse, raw: string) {
    const path = req.url ?? '/';
    let body: any;
    try {
      body = JSON.parse(raw || '{}');
    } catch {
      return format.error(res, 400, undefined);
    }
    const route = format.route(path.split('?')[0] ?? path, body);
    if (!route) return format.error(res, 404, undefined);
    requests.push({ path, headers: req.headers, body, prompt: route.prompt });
    const reply = queue.shift() ?? state.fallback;
    if (reply.hang) {
      hanging.add(res);
      return;
    }
    if (reply.status) return format.error(res, reply.status, reply.retryAfterSeconds);
    const text =
      typeof reply.text === 'function'
        ? reply.text(route.prompt)
        : (reply.text ?? defaultLetter(route.prompt));
    const finish = reply.finish ?? 'stop';
    if (!route.stream) return format.whole(res, text, finish, tokens(route.prompt), tokens(text));
    res.writeHead(200, format.streamHeaders);
    const pieces = splitText(text, reply.chunks ?? 8);
    for (const [index, piece] of pieces.entries()) {
      if (reply.cutAfterChunks !== undefined && index >= reply.cutAfterChunks) {
        // Give the client time to read what was sent, then drop the connection mid-answer.
        await sleep(100);
        res.socket?.destroy();
        return;
      }
      if (reply.chunkDelayMs) await sleep(reply.chunkDelayMs);
      if (res.destroyed) return;
      const last = index === pieces.length - 1;
      format.streamChunk(
        res,
        piece,
        last ? { finish, tokensIn: tokens(route.prompt), tokensOut: tokens(text) } : null,
      );
    }
    res.end();
  }

  const server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (raw += chunk));
    req.on('end', () => void answer(req, res, raw));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    script: (...replies) => void queue.push(...replies),
    get fallback() {
      return state.fallback;
    },
    set fallback(reply: Reply) {
      state.fallback = reply;
    },
    reset: () => {
      queue.length = 0;
      requests.length = 0;
      state.fallback = {};
    },
    close: async () => {
      for (const res of hanging) res.socket?.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
