/**
 * Chooses the AI engine from the configuration: the offline writer by default, Gemini when a key is
 * set, or any OpenAI-compatible endpoint. Model adapters are loaded only when used, so a fresh
 * install never loads a provider SDK.
 */
import { aiProviderOf, type Config } from '../../config';
import type { AiEngine } from '../../ports/ai-engine';
import type { LanguageModel } from '../../ports/language-model';
import { createLlmEngine } from './llm-engine';
import { createOfflineEngine } from './offline-engine';
import { createResilientModel, type ResilienceOptions } from './resilient-model';

export type EngineConfig = Pick<
  Config,
  | 'AI_PROVIDER'
  | 'GEMINI_API_KEY'
  | 'GEMINI_MODEL'
  | 'GEMINI_BASE_URL'
  | 'OPENAI_API_KEY'
  | 'OPENAI_BASE_URL'
  | 'OPENAI_MODEL'
  | 'AI_REDACT_PII'
  | 'AI_TIMEOUT_MS'
  | 'AI_BREAKER_FAILURES'
  | 'AI_BREAKER_COOLDOWN_MS'
  | 'OFFLINE_STREAM_DELAY_MS'
>;

async function createModel(config: EngineConfig, provider: 'gemini' | 'openai'): Promise<LanguageModel> {
  if (provider === 'gemini') {
    const { createGeminiModel } = await import('./gemini-model');
    return createGeminiModel({
      apiKey: config.GEMINI_API_KEY ?? '',
      model: config.GEMINI_MODEL,
      ...(config.GEMINI_BASE_URL ? { baseUrl: config.GEMINI_BASE_URL } : {}),
      timeoutMs: config.AI_TIMEOUT_MS,
    });
  }
  const { createOpenAiModel } = await import('./openai-model');
  return createOpenAiModel({
    // Ollama and vLLM accept any key; the SDK insists on one.
    apiKey: config.OPENAI_API_KEY ?? 'not-needed',
    model: config.OPENAI_MODEL,
    ...(config.OPENAI_BASE_URL ? { baseUrl: config.OPENAI_BASE_URL } : {}),
    timeoutMs: config.AI_TIMEOUT_MS,
  });
}

export async function createAiEngine(
  config: EngineConfig,
  resilience: Partial<ResilienceOptions> = {},
): Promise<AiEngine> {
  const offline = createOfflineEngine({ chunkDelayMs: config.OFFLINE_STREAM_DELAY_MS });
  const provider = aiProviderOf(config);
  if (provider === 'offline') return offline;
  const model = createResilientModel(await createModel(config, provider), {
    attemptTimeoutMs: config.AI_TIMEOUT_MS,
    deadlineMs: config.AI_TIMEOUT_MS * 2,
    breakerFailures: config.AI_BREAKER_FAILURES,
    breakerHalfOpenAfterMs: config.AI_BREAKER_COOLDOWN_MS,
    ...resilience,
  });
  return createLlmEngine({ model, redact: config.AI_REDACT_PII, deterministic: offline });
}
