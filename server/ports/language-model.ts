/**
 * A text-generation model behind an external API (Gemini, any OpenAI-compatible endpoint).
 * Adapters translate provider errors into AppError `ai_unavailable` (transient: network, 429,
 * 5xx, timeout, open breaker) or `ai_bad_output` (blocked, truncated, malformed).
 */

export interface ModelRequest {
  /** System instructions (rules); never contains user data. */
  system: string;
  /** The user turn: the brief and the delimited data blocks. */
  prompt: string;
  maxOutputTokens?: number;
  temperature?: number;
  /** Aborts the upstream call (client gone, shutdown). */
  signal?: AbortSignal;
}

export interface JsonModelRequest extends ModelRequest {
  /** JSON schema the answer must follow (structured output). */
  schema: Record<string, unknown>;
}

/** Why the model stopped: anything but `stop` means the text is not a complete answer. */
export type FinishReason = 'stop' | 'length' | 'safety' | 'other';

export interface ModelResult {
  text: string;
  finishReason: FinishReason;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export interface LanguageModel {
  /** Provider family, stored with every letter version. */
  readonly provider: 'gemini' | 'openai';
  /** Model name, stored with every letter version. */
  readonly model: string;
  /** Streams the answer; yields text chunks, returns the final result (finish reason checked by the caller). */
  streamText(request: ModelRequest): AsyncGenerator<string, ModelResult, void>;
  /** One non-streamed call whose text is JSON following `request.schema`. */
  generateJson(request: JsonModelRequest): Promise<ModelResult>;
}
