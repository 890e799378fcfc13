/**
 * The offline engine: no key, no network, the default. It writes with `core/letter`'s composer and
 * finds transferable skills with `core/letter/facts`, so a fresh install produces real letters.
 * The letter is streamed a few words at a time so the editor behaves as it does with a model.
 */
import type { LetterBrief } from '../../core/letter/brief';
import { extractBriefFacts, suggestTransferableSkillsFromFacts } from '../../core/letter/facts';
import { composeOfflineLetterParts, countWords } from '../../core/letter/offline-composer';
import type { AiEngine, TransferableSkillsRequest, WrittenLetter } from '../../ports/ai-engine';

export interface OfflineEngineOptions {
  /** Pause between streamed chunks (ms): 0 in tests and benchmarks, a little for a natural feel. */
  chunkDelayMs?: number;
  /** Words per streamed chunk. */
  wordsPerChunk?: number;
}

function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Splits a text into chunks of a few words, keeping every character (spaces and line breaks). */
export function chunkText(text: string, wordsPerChunk: number): string[] {
  const tokens = text.match(/\S+\s*/g) ?? [];
  const leading = text.match(/^\s*/)?.[0] ?? '';
  const chunks: string[] = [];
  for (let i = 0; i < tokens.length; i += wordsPerChunk) {
    chunks.push(tokens.slice(i, i + wordsPerChunk).join(''));
  }
  if (leading && chunks.length) chunks[0] = leading + chunks[0];
  return chunks;
}

export function createOfflineEngine(options: OfflineEngineOptions = {}): AiEngine {
  const chunkDelayMs = options.chunkDelayMs ?? 0;
  const wordsPerChunk = options.wordsPerChunk ?? 6;
  return {
    name: 'offline',
    async *writeLetter(brief: LetterBrief, signal?: AbortSignal) {
      const letter = composeOfflineLetterParts(brief);
      for (const chunk of chunkText(letter.text, wordsPerChunk)) {
        if (signal?.aborted) break;
        yield chunk;
        await pause(chunkDelayMs, signal);
      }
      const result: WrittenLetter = {
        text: letter.text,
        // A cancelled stream is not a letter: the service must not save it.
        finishReason: signal?.aborted ? 'other' : 'stop',
        engine: 'offline',
        model: 'phoenix-offline-1',
        tokensIn: 0,
        tokensOut: countWords(letter.text),
        writtenWithoutAi: true,
      };
      return result;
    },
    async suggestTransferableSkills(request: TransferableSkillsRequest) {
      const facts = extractBriefFacts(request.cv, request.offer, {
        targetRole: request.offer.title ?? '',
        extraTerms: [],
        today: request.today,
      });
      return suggestTransferableSkillsFromFacts(facts, request.offerText, request.language);
    },
    // The deterministic reports are the offline engine's whole answer: nothing to add.
    enrich: {
      coach: async (report) => report,
      mirror: async (report) => report,
      trajectory: async (trajectory) => trajectory,
      requirements: async (offer) => offer,
    },
  };
}
