/**
 * Server-sent events over a hijacked reply: headers copied from the reply (security headers
 * included), one `event:`/`data:` frame per message, a heartbeat so proxies keep the stream open,
 * and an AbortSignal that fires when the client goes away.
 */
import type { FastifyReply } from 'fastify';

export interface SseStream {
  send(event: string, data: unknown): void;
  close(): void;
  /** Aborted when the client disconnects before `close()`. */
  signal: AbortSignal;
}

export function openSse(reply: FastifyReply, heartbeatMs = 15_000): SseStream {
  const controller = new AbortController();
  const raw = reply.raw;
  reply.hijack();
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  raw.writeHead(200, {
    ...headers,
    'content-type': 'text/event-stream; charset=utf-8',
    // A letter in the making is personal data: never stored by a cache on the way.
    'cache-control': 'no-store, no-transform',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  raw.flushHeaders();
  let closed = false;
  const heartbeat = setInterval(() => {
    if (!closed) raw.write(': ping\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  raw.on('close', () => {
    clearInterval(heartbeat);
    if (!closed) controller.abort();
    closed = true;
  });
  return {
    signal: controller.signal,
    send(event, data) {
      if (closed) return;
      raw.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    close() {
      if (closed) return;
      closed = true;
      clearInterval(heartbeat);
      raw.end();
    },
  };
}
