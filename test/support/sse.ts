/** Reads a text/event-stream answer into its events (as a browser's EventSource would). */
export interface SseEvent {
  event: string;
  data: any;
}

export async function readSse(response: Response, onEvent?: (event: SseEvent) => void): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  if (!response.body) return events;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary !== -1) {
      const frame = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      boundary = buffer.indexOf('\n\n');
      if (frame.startsWith(':')) continue;
      const event = /^event: (.*)$/m.exec(frame)?.[1] ?? 'message';
      const data = frame
        .split('\n')
        .filter((line) => line.startsWith('data: '))
        .map((line) => line.slice(6))
        .join('\n');
      const parsed = { event, data: data ? JSON.parse(data) : null };
      events.push(parsed);
      onEvent?.(parsed);
    }
  }
  return events;
}

/** POSTs a generation request with the client's cookies and returns the raw response. */
export function postLetter(
  baseUrl: string,
  cookie: string,
  body: unknown,
  headers: Record<string, string> = {},
  signal?: AbortSignal,
): Promise<Response> {
  return fetch(`${baseUrl}/api/letters`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body: JSON.stringify(body),
    ...(signal ? { signal } : {}),
  });
}
