/**
 * Google Gemini through its official SDK (@google/genai). The SDK's own retries stay off: retries,
 * timeouts and the circuit breaker live in one place (resilient-model.ts). A 429 from Gemini carries
 * its wait in the body (google.rpc.RetryInfo), which the resilience layer honours.
 */
import { ApiError, FinishReason, type GenerateContentConfig, GoogleGenAI } from '@google/genai';
import type {
  JsonModelRequest,
  LanguageModel,
  ModelRequest,
  ModelResult,
  FinishReason as OurFinishReason,
} from '../../ports/language-model';
import { isAbort, ProviderError } from './provider-error';

export interface GeminiOptions {
  apiKey: string;
  model: string;
  /** Another endpoint speaking the Gemini API (a proxy, or the fake server of the tests). */
  baseUrl?: string;
  timeoutMs: number;
}

const FINISH_REASONS: Partial<Record<FinishReason, OurFinishReason>> = {
  [FinishReason.STOP]: 'stop',
  [FinishReason.MAX_TOKENS]: 'length',
  [FinishReason.SAFETY]: 'safety',
  [FinishReason.PROHIBITED_CONTENT]: 'safety',
  [FinishReason.BLOCKLIST]: 'safety',
  [FinishReason.SPII]: 'safety',
  [FinishReason.RECITATION]: 'safety',
};

/** The wait Gemini asks for, from `details[].retryDelay` ("7s") in the error body. */
function retryDelayOf(message: string): number | undefined {
  const match = /"retryDelay"\s*:\s*"(\d+(?:\.\d+)?)s"/u.exec(message);
  return match?.[1] ? Number(match[1]) * 1000 : undefined;
}

function toProviderError(error: unknown): ProviderError {
  if (error instanceof ApiError) {
    const retryAfterMs = retryDelayOf(error.message);
    return new ProviderError(`Gemini answered ${error.status}`, {
      status: error.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  return new ProviderError('Gemini could not be reached', { cause: error });
}

export function createGeminiModel(options: GeminiOptions): LanguageModel {
  const client = new GoogleGenAI({
    apiKey: options.apiKey,
    httpOptions: {
      timeout: options.timeoutMs,
      ...(options.baseUrl ? { baseUrl: options.baseUrl } : {}),
    },
  });

  function configOf(request: ModelRequest): GenerateContentConfig {
    return {
      systemInstruction: request.system,
      ...(request.maxOutputTokens ? { maxOutputTokens: request.maxOutputTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
      ...(request.signal ? { abortSignal: request.signal } : {}),
      // Gemini 2.5 Flash "thinks" by default, and its thoughts count against maxOutputTokens: a
      // letter needs none, and without this it could be cut short (MAX_TOKENS) and cost more.
      ...(/2\.5-flash/u.test(options.model) ? { thinkingConfig: { thinkingBudget: 0 } } : {}),
    };
  }

  const finishOf = (reason: FinishReason | undefined, blocked: boolean): OurFinishReason =>
    // No finish reason at all means the stream was cut: not a complete answer.
    blocked ? 'safety' : reason ? (FINISH_REASONS[reason] ?? 'other') : 'other';

  async function* streamText(request: ModelRequest): AsyncGenerator<string, ModelResult, void> {
    let text = '';
    let reason: FinishReason | undefined;
    let blocked = false;
    let model = options.model;
    let tokensIn = 0;
    let tokensOut = 0;
    try {
      const stream = await client.models.generateContentStream({
        model: options.model,
        contents: request.prompt,
        config: configOf(request),
      });
      for await (const chunk of stream) {
        if (chunk.promptFeedback?.blockReason) blocked = true;
        const candidate = chunk.candidates?.[0];
        reason = candidate?.finishReason ?? reason;
        model = chunk.modelVersion ?? model;
        tokensIn = chunk.usageMetadata?.promptTokenCount ?? tokensIn;
        tokensOut = chunk.usageMetadata?.candidatesTokenCount ?? tokensOut;
        const piece = chunk.text ?? '';
        if (piece) {
          text += piece;
          yield piece;
        }
      }
    } catch (error) {
      if (isAbort(error, request.signal)) throw error;
      throw toProviderError(error);
    }
    return { text, finishReason: finishOf(reason, blocked), model, tokensIn, tokensOut };
  }

  async function generateJson(request: JsonModelRequest): Promise<ModelResult> {
    try {
      const answer = await client.models.generateContent({
        model: options.model,
        contents: request.prompt,
        config: {
          ...configOf(request),
          responseMimeType: 'application/json',
          responseJsonSchema: request.schema,
        },
      });
      return {
        text: answer.text ?? '',
        finishReason: finishOf(
          answer.candidates?.[0]?.finishReason,
          Boolean(answer.promptFeedback?.blockReason),
        ),
        model: answer.modelVersion ?? options.model,
        tokensIn: answer.usageMetadata?.promptTokenCount ?? 0,
        tokensOut: answer.usageMetadata?.candidatesTokenCount ?? 0,
      };
    } catch (error) {
      if (isAbort(error, request.signal)) throw error;
      throw toProviderError(error);
    }
  }

  return { provider: 'gemini', model: options.model, streamText, generateJson };
}
