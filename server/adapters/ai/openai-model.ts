/**
 * Any OpenAI-compatible chat endpoint (OpenAI, Mistral, Ollama, vLLM) through the official `openai`
 * SDK. The SDK's own retries stay off: retries, timeouts and the circuit breaker live in one place
 * (resilient-model.ts), which honours the provider's Retry-After.
 */
import OpenAI, { APIError, APIUserAbortError } from 'openai';
import type { ChatCompletionCreateParamsBase } from 'openai/resources/chat/completions';
import type {
  FinishReason,
  JsonModelRequest,
  LanguageModel,
  ModelRequest,
  ModelResult,
} from '../../ports/language-model';
import { isAbort, ProviderError, parseRetryAfter } from './provider-error';

export interface OpenAiOptions {
  apiKey: string;
  model: string;
  /** e.g. https://api.mistral.ai/v1, http://localhost:11434/v1 (Ollama), http://localhost:8000/v1 (vLLM). */
  baseUrl?: string;
  timeoutMs: number;
}

const FINISH_REASONS: Record<string, FinishReason> = {
  stop: 'stop',
  length: 'length',
  content_filter: 'safety',
};

function toProviderError(error: unknown): ProviderError {
  if (error instanceof APIError && error.status !== undefined) {
    // OpenAI sends `retry-after-ms` (milliseconds) beside the standard `retry-after` (seconds).
    const milliseconds = Number(error.headers?.get('retry-after-ms') ?? Number.NaN);
    const retryAfterMs = Number.isFinite(milliseconds)
      ? milliseconds
      : parseRetryAfter(error.headers?.get('retry-after'));
    return new ProviderError(`The model endpoint answered ${error.status}`, {
      status: error.status,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
      cause: error,
    });
  }
  return new ProviderError('The model endpoint could not be reached', { cause: error });
}

export function createOpenAiModel(options: OpenAiOptions): LanguageModel {
  const client = new OpenAI({
    apiKey: options.apiKey,
    timeout: options.timeoutMs,
    maxRetries: 0,
    ...(options.baseUrl ? { baseURL: options.baseUrl } : {}),
  });

  function paramsOf(request: ModelRequest): ChatCompletionCreateParamsBase {
    return {
      model: options.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.prompt },
      ],
      // `max_tokens` rather than `max_completion_tokens`: Mistral, Ollama and vLLM all read it.
      ...(request.maxOutputTokens ? { max_tokens: request.maxOutputTokens } : {}),
      ...(request.temperature !== undefined ? { temperature: request.temperature } : {}),
    };
  }

  const rethrow = (error: unknown, signal: AbortSignal | undefined): never => {
    if (error instanceof APIUserAbortError || isAbort(error, signal)) throw error;
    throw toProviderError(error);
  };

  async function* streamText(request: ModelRequest): AsyncGenerator<string, ModelResult, void> {
    let text = '';
    let reason: string | null | undefined;
    let model = options.model;
    let tokensIn = 0;
    let tokensOut = 0;
    try {
      const stream = await client.chat.completions.create(
        { ...paramsOf(request), stream: true, stream_options: { include_usage: true } },
        request.signal ? { signal: request.signal } : {},
      );
      for await (const chunk of stream) {
        model = chunk.model || model;
        const choice = chunk.choices[0];
        reason = choice?.finish_reason ?? reason;
        if (chunk.usage) {
          tokensIn = chunk.usage.prompt_tokens;
          tokensOut = chunk.usage.completion_tokens;
        }
        const piece = choice?.delta?.content ?? '';
        if (piece) {
          text += piece;
          yield piece;
        }
      }
    } catch (error) {
      rethrow(error, request.signal);
    }
    // A stream that ends without a finish reason was cut: not a complete letter.
    return {
      text,
      finishReason: reason ? (FINISH_REASONS[reason] ?? 'other') : 'other',
      model,
      tokensIn,
      tokensOut,
    };
  }

  async function generateJson(request: JsonModelRequest): Promise<ModelResult> {
    try {
      const answer = await client.chat.completions.create(
        {
          ...paramsOf(request),
          stream: false,
          response_format: {
            type: 'json_schema',
            json_schema: { name: 'answer', schema: request.schema, strict: false },
          },
        },
        request.signal ? { signal: request.signal } : {},
      );
      const choice = answer.choices[0];
      return {
        text: choice?.message.content ?? '',
        finishReason: FINISH_REASONS[choice?.finish_reason ?? ''] ?? 'other',
        model: answer.model || options.model,
        tokensIn: answer.usage?.prompt_tokens ?? 0,
        tokensOut: answer.usage?.completion_tokens ?? 0,
      };
    } catch (error) {
      return rethrow(error, request.signal);
    }
  }

  return { provider: 'openai', model: options.model, streamText, generateJson };
}
