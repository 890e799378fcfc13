/**
 * Letters (contract/letters.ts): the streamed generation, the letter and its versions, exports.
 * A generation is a POST answered with text/event-stream; refusals before the stream (quota,
 * premium, validation) arrive as ordinary JSON errors and are raised as `ApiError` by `apiFetch`.
 */
import type { z } from 'zod';
import type {
  GenerateLetterRequest,
  LetterDetailSchema,
  LetterSummarySchema,
  LetterVersionSchema,
} from '../../../contract/letters';
import type { LetterOptions } from '../../../server/core/letter/options';
import { ApiError, api, apiFetch } from './client';
import { readSse } from './sse';

export type LetterSummary = z.infer<typeof LetterSummarySchema>;
export type LetterDetail = z.infer<typeof LetterDetailSchema>;
export type LetterVersion = z.infer<typeof LetterVersionSchema>;
export type { GenerateLetterRequest, LetterOptions };
export type ExportFormat = 'pdf' | 'docx' | 'txt';

export const TONES = ['formel', 'dynamique', 'sobre', 'creatif', 'startup', 'associatif'] as const;
export type Tone = (typeof TONES)[number];
export const LENGTHS = ['short', 'standard', 'long'] as const;

export const LETTERS_KEY = ['letters'] as const;
export const letterKey = (id: string) => ['letters', id] as const;
export const versionsKey = (id: string) => ['letters', id, 'versions'] as const;

export const listLetters = () => api<LetterSummary[]>('GET', '/api/letters');
export const getLetter = (id: string) => api<LetterDetail>('GET', `/api/letters/${id}`);
export const updateLetter = (id: string, input: { title?: string; content?: string }) =>
  api<LetterDetail>('PATCH', `/api/letters/${id}`, input);
export const deleteLetter = (id: string) => api<void>('DELETE', `/api/letters/${id}`);
export const listVersions = (id: string) => api<LetterVersion[]>('GET', `/api/letters/${id}/versions`);
export const restoreVersion = (id: string, version: number) =>
  api<LetterDetail>('POST', `/api/letters/${id}/restore`, { version });
export const duplicateLetter = (id: string, input: { offerDocumentId?: string; title?: string } = {}) =>
  api<LetterDetail>('POST', `/api/letters/${id}/duplicate`, input);

/** What happens while a letter is written, in order. */
export type StreamEvent =
  | { type: 'started'; letterId: string; replay: boolean }
  | { type: 'chunk'; text: string };

interface StreamOptions {
  signal?: AbortSignal;
  onEvent: (event: StreamEvent) => void;
}

function parseJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    throw new ApiError(200, 'bad_response', 'Invalid event');
  }
}

/** Reads a generation stream to its end: the saved letter, or an `ApiError` for `failed`. */
async function followStream(response: Response, options: StreamOptions): Promise<LetterDetail> {
  if (!response.body) throw new ApiError(response.status, 'bad_response', 'Empty stream');
  for await (const message of readSse(response.body)) {
    const payload = parseJson(message.data) as Record<string, unknown>;
    if (message.event === 'started') {
      options.onEvent({
        type: 'started',
        letterId: String(payload.letterId ?? ''),
        replay: payload.replay === true,
      });
    } else if (message.event === 'chunk') {
      if (typeof payload.text === 'string') options.onEvent({ type: 'chunk', text: payload.text });
    } else if (message.event === 'completed') {
      return payload as unknown as LetterDetail;
    } else if (message.event === 'failed') {
      const error = (payload.error ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
      throw new ApiError(
        200,
        typeof error.code === 'string' ? error.code : 'internal_error',
        typeof error.message === 'string' ? error.message : '',
        typeof error.details === 'object' && error.details !== null
          ? (error.details as Record<string, unknown>)
          : undefined,
      );
    }
  }
  // The stream ended without a verdict (connection cut): nothing was saved as complete.
  throw new ApiError(0, 'network_error', 'Stream ended early');
}

/** Writes a new letter. The same `idempotencyKey` on a retry replays instead of writing twice. */
export async function generateLetter(
  request: GenerateLetterRequest,
  idempotencyKey: string,
  options: StreamOptions,
): Promise<LetterDetail> {
  const response = await apiFetch('POST', '/api/letters', request, {
    signal: options.signal,
    headers: { Accept: 'text/event-stream', 'Idempotency-Key': idempotencyKey },
  });
  return followStream(response, options);
}

/** Writes the letter again (a new version), with new options or the previous ones. */
export async function regenerateLetter(
  id: string,
  letterOptions: LetterOptions | undefined,
  options: StreamOptions,
): Promise<LetterDetail> {
  const response = await apiFetch(
    'POST',
    `/api/letters/${id}/regenerate`,
    letterOptions ? { options: letterOptions } : {},
    { signal: options.signal, headers: { Accept: 'text/event-stream' } },
  );
  return followStream(response, options);
}

function filenameOf(response: Response, fallback: string): string {
  const header = response.headers.get('content-disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1]);
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header);
  return plain?.[1] ?? fallback;
}

/** Hands a file to the browser's download manager. */
export function saveFile(blob: Blob, filename: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Downloads the letter as PDF, DOCX or text; returns the file name. */
export async function exportLetter(id: string, format: ExportFormat, title: string): Promise<string> {
  const response = await apiFetch('GET', `/api/letters/${id}/export?format=${format}`, undefined, {
    headers: { Accept: '*/*' },
  });
  const safe = title.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'lettre';
  const filename = filenameOf(response, `${safe}.${format}`);
  saveFile(await response.blob(), filename);
  return filename;
}

/** One thing to check in the letter: a name or number found in neither the CV nor the offer. */
export interface GroundingItem {
  text: string;
  note?: string;
}

const ITEM_FIELDS = ['unsupported', 'findings', 'items', 'flags', 'issues', 'entities'] as const;

function itemOf(value: unknown): GroundingItem | null {
  if (typeof value === 'string') return value.trim() ? { text: value } : null;
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const text = [record.text, record.value, record.entity, record.term, record.name].find(
    (candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '',
  );
  if (!text) return null;
  const note = [record.reason, record.kind, record.type].find(
    (candidate): candidate is string => typeof candidate === 'string' && candidate.trim() !== '',
  );
  return note ? { text, note } : { text };
}

/**
 * The "to check" items of a grounding report, whatever its exact shape: an array, or an object
 * with an array under one of the usual names. Unknown shapes give an empty list.
 */
export function groundingItems(grounding: unknown): GroundingItem[] {
  let list: unknown[] = [];
  if (Array.isArray(grounding)) list = grounding;
  else if (typeof grounding === 'object' && grounding !== null) {
    const record = grounding as Record<string, unknown>;
    for (const field of ITEM_FIELDS) {
      const value = record[field];
      if (Array.isArray(value)) list = list.concat(value);
    }
  }
  const seen = new Set<string>();
  const items: GroundingItem[] = [];
  for (const value of list) {
    const item = itemOf(value);
    if (item && !seen.has(item.text)) {
      seen.add(item.text);
      items.push(item);
    }
  }
  return items;
}

/** Whether a grounding report was produced at all (null: none yet). */
export const hasGroundingReport = (grounding: unknown) => grounding !== null && grounding !== undefined;
