/**
 * Fault tolerance around a LanguageModel (cockatiel): a timeout per attempt, an overall deadline,
 * at most three attempts on transient failures only (network, 429, 5xx, timeouts) with exponential
 * backoff, jitter and the provider's Retry-After, and a circuit breaker that fails fast while the
 * provider is down and lets one call through to test it. A streamed letter is retried only until its
 * first chunk: once text has reached the user, a retry would write a different letter over it.
 */
import {
  BrokenCircuitError,
  CircuitState,
  ConsecutiveBreaker,
  circuitBreaker,
  DelegateBackoff,
  handleWhen,
  retry,
  TaskCancelledError,
  TimeoutStrategy,
  timeout,
  wrap,
} from 'cockatiel';
import { AppError } from '../../core/errors';
import { AI_UNAVAILABLE_MESSAGE } from '../../ports/ai-engine';
import type { JsonModelRequest, LanguageModel, ModelRequest, ModelResult } from '../../ports/language-model';

export interface ResilienceOptions {
  /** Time allowed to one attempt until its answer (or its first streamed chunk), and between two chunks. */
  attemptTimeoutMs: number;
  /** Time allowed to the whole call, retries and waits included. */
  deadlineMs: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Consecutive failures that open the breaker. */
  breakerFailures?: number;
  /** How long the breaker stays open before letting one call through. */
  breakerHalfOpenAfterMs?: number;
  /** Jitter source (tests pass a fixed one). */
  random?: () => number;
  /** Called on every attempt, for metrics and tests. */
  onAttempt?: (attempt: number) => void;
  onBreakerStateChange?: (state: 'closed' | 'open' | 'half-open') => void;
}

/** What a provider adapter throws (see provider-error.ts); read by shape so any adapter fits. */
interface ProviderFailure {
  retryable?: boolean;
  retryAfterMs?: number;
  status?: number;
}

const failureOf = (error: unknown): ProviderFailure =>
  typeof error === 'object' && error !== null ? (error as ProviderFailure) : {};

const UNAVAILABLE = AI_UNAVAILABLE_MESSAGE;

export interface ResilientModel extends LanguageModel {
  breakerState(): 'closed' | 'open' | 'half-open';
  /** Seconds until the open breaker lets a trial call through; null when calls may go. */
  unavailableFor(): number | null;
}

const STATE_NAMES: Record<CircuitState, 'closed' | 'open' | 'half-open'> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'half-open',
  [CircuitState.Isolated]: 'open',
};

export function createResilientModel(model: LanguageModel, options: ResilienceOptions): ResilientModel {
  const maxAttempts = options.maxAttempts ?? 3;
  const baseDelayMs = options.baseDelayMs ?? 500;
  const maxDelayMs = options.maxDelayMs ?? 8_000;
  const random = options.random ?? Math.random;

  const isTransient = (error: unknown) =>
    error instanceof TaskCancelledError || failureOf(error).retryable === true;

  const breaker = circuitBreaker(handleWhen(isTransient), {
    halfOpenAfter: options.breakerHalfOpenAfterMs ?? 30_000,
    breaker: new ConsecutiveBreaker(options.breakerFailures ?? 5),
  });
  const cooldownMs = options.breakerHalfOpenAfterMs ?? 30_000;
  let openedAt = 0;
  breaker.onStateChange((state) => {
    if (state === CircuitState.Open) openedAt = Date.now();
    options.onBreakerStateChange?.(STATE_NAMES[state]);
  });
  const attemptTimeout = timeout(options.attemptTimeoutMs, {
    strategy: TimeoutStrategy.Aggressive,
    // The stream outlives the attempt that opened it: its signal must not be aborted on return.
    abortOnReturn: false,
  });

  /** Runs `task` with retries, breaker and per-attempt timeout, within the caller's signal and the deadline. */
  async function run<T>(task: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): Promise<T> {
    const deadline = AbortSignal.timeout(options.deadlineMs);
    const outer = callerSignal ? AbortSignal.any([callerSignal, deadline]) : deadline;
    const startedAt = Date.now();
    const remaining = () => options.deadlineMs - (Date.now() - startedAt);
    const retryPolicy = retry(
      // Never retry what the caller cancelled, a 4xx, a safety block, or a wait beyond the deadline.
      handleWhen(
        (error) =>
          !outer.aborted &&
          !(error instanceof BrokenCircuitError) &&
          isTransient(error) &&
          (failureOf(error).retryAfterMs ?? 0) < remaining(),
      ),
      {
        maxAttempts: maxAttempts - 1,
        backoff: new DelegateBackoff((context) => {
          const error = 'error' in context.result ? context.result.error : undefined;
          const exponential = Math.min(maxDelayMs, baseDelayMs * 2 ** (context.attempt - 1));
          const jittered = exponential * (0.5 + random() / 2);
          return Math.max(jittered, failureOf(error).retryAfterMs ?? 0);
        }),
      },
    );
    const policy = wrap(retryPolicy, breaker, attemptTimeout);
    let attempt = 0;
    try {
      return await policy.execute(async ({ signal }) => {
        attempt += 1;
        options.onAttempt?.(attempt);
        return task(AbortSignal.any([outer, signal]));
      }, outer);
    } catch (error) {
      if (callerSignal?.aborted) throw error;
      throw translate(error, deadline.aborted);
    }
  }

  function translate(error: unknown, deadlinePassed: boolean): unknown {
    if (error instanceof AppError) return error;
    if (error instanceof BrokenCircuitError)
      return new AppError('ai_unavailable', UNAVAILABLE, { reason: 'circuit_open' });
    if (error instanceof TaskCancelledError || deadlinePassed)
      return new AppError('ai_unavailable', UNAVAILABLE, { reason: 'timeout' });
    const failure = failureOf(error);
    if (failure.retryable) return new AppError('ai_unavailable', UNAVAILABLE, { reason: 'provider_error' });
    // A 4xx is our request or our key, not the user's doing: unavailable, and logged by the caller.
    return new AppError('ai_unavailable', UNAVAILABLE, {
      reason: 'provider_rejected',
      ...(failure.status ? { status: failure.status } : {}),
    });
  }

  async function* streamText(request: ModelRequest): AsyncGenerator<string, ModelResult, void> {
    const own = new AbortController();
    const callerSignal = request.signal ? AbortSignal.any([request.signal, own.signal]) : own.signal;
    const opened = await run(async (signal) => {
      const stream = model.streamText({ ...request, signal });
      return { stream, first: await stream.next() };
    }, callerSignal);
    const { stream } = opened;
    let step = opened.first;
    try {
      while (!step.done) {
        yield step.value;
        step = await nextWithin(stream, options.attemptTimeoutMs, own);
      }
      return step.value;
    } catch (error) {
      if (request.signal?.aborted) throw error;
      throw translate(error, false);
    } finally {
      // Client gone or stream abandoned: the upstream call is cancelled.
      own.abort();
    }
  }

  return {
    provider: model.provider,
    model: model.model,
    breakerState: () => STATE_NAMES[breaker.state],
    unavailableFor() {
      // One trial call is under way: the others would only meet the breaker, so they wait.
      if (breaker.state === CircuitState.HalfOpen) return 1;
      if (breaker.state !== CircuitState.Open) return null;
      const leftMs = cooldownMs - (Date.now() - openedAt);
      // Past the cooldown the next call is the trial: let it go.
      return leftMs > 0 ? Math.ceil(leftMs / 1000) : null;
    },
    streamText,
    generateJson: (request: JsonModelRequest) =>
      run((signal) => model.generateJson({ ...request, signal }), request.signal),
  };
}

/** The next chunk, or a timeout error when the provider goes silent mid-stream. */
async function nextWithin<T, R>(
  stream: AsyncGenerator<T, R, void>,
  ms: number,
  own: AbortController,
): Promise<IteratorResult<T, R>> {
  let timer: NodeJS.Timeout | undefined;
  const silence = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      own.abort();
      reject(new TaskCancelledError(`No chunk for ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([stream.next(), silence]);
  } finally {
    clearTimeout(timer);
  }
}
