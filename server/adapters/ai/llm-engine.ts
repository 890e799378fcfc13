/**
 * The LLM engine: the AiEngine tasks answered by a language model (Gemini or any OpenAI-compatible
 * endpoint). One model call per letter. Personal data is redacted before the call and restored in
 * the answer, streamed chunks included. Structured tasks start from the deterministic result of
 * core/ and let the model enrich it (reword a skill for the target job), never replace it: an
 * answer that fails validation is asked for once more, then the deterministic result stands.
 */
import { z } from 'zod';
import type { LetterBrief } from '../../core/letter/brief';
import type { TransferableSkill } from '../../core/letter/facts';
import { buildLetterPrompt } from '../../core/letter/prompt';
import { createRedactionVault, type RedactionVault } from '../../core/privacy/redact';
import type { AiEngine, TransferableSkillsRequest, WrittenLetter } from '../../ports/ai-engine';
import type { LanguageModel } from '../../ports/language-model';
import { askJson, createModelEnrichment } from './enrichment';

export interface LlmEngineOptions {
  model: LanguageModel & { unavailableFor?(): number | null };
  /** Redact personal data before it leaves (on by default). */
  redact: boolean;
  /** Answers the structured tasks deterministically; the model only rewords its results. */
  deterministic: Pick<AiEngine, 'suggestTransferableSkills'>;
}

const identityVault: RedactionVault = {
  entries: new Map(),
  redact: (text) => text,
  restore: (text) => text,
  streamRestorer: () => ({ push: (chunk) => chunk, flush: () => '' }),
};

/** The people named in a brief: the candidate and, when named, the recruiter. */
function namesIn(brief: LetterBrief): string[] {
  const recruiter = brief.conventions.attentionLine?.replace(
    /^À l'attention de\s+(Madame|Monsieur)?\s*/u,
    '',
  );
  return [brief.candidate.name, brief.conventions.signature, recruiter].filter((n): n is string =>
    Boolean(n),
  );
}

const RewordedSkillsSchema = z.object({
  skills: z.array(z.object({ index: z.number().int().min(0), skill: z.string().trim().min(2).max(80) })),
});

export function createLlmEngine(options: LlmEngineOptions): AiEngine {
  const { model } = options;
  const vaultFor = (names: string[]) => (options.redact ? createRedactionVault({ names }) : identityVault);

  async function* writeLetter(brief: LetterBrief, signal?: AbortSignal) {
    const vault = vaultFor(namesIn(brief));
    const prompt = buildLetterPrompt(brief);
    const stream = model.streamText({
      system: prompt.system,
      prompt: vault.redact(prompt.prompt),
      maxOutputTokens: prompt.maxOutputTokens,
      temperature: 0.7,
      ...(signal ? { signal } : {}),
    });
    const restorer = vault.streamRestorer();
    let step = await stream.next();
    while (!step.done) {
      const text = restorer.push(step.value);
      if (text) yield text;
      step = await stream.next();
    }
    const tail = restorer.flush();
    if (tail) yield tail;
    const result = step.value;
    const written: WrittenLetter = {
      text: vault.restore(result.text).trim(),
      finishReason: result.finishReason,
      engine: model.provider,
      model: result.model || model.model,
      tokensIn: result.tokensIn,
      tokensOut: result.tokensOut,
      writtenWithoutAi: false,
    };
    return written;
  }

  async function suggestTransferableSkills(request: TransferableSkillsRequest): Promise<TransferableSkill[]> {
    const found = await options.deterministic.suggestTransferableSkills(request);
    if (found.length === 0) return found;
    const vault = vaultFor([request.cv.name].filter((n): n is string => Boolean(n)));
    const language = request.language === 'fr' ? 'French' : 'English';
    const list = found
      .map((s, index) => `${index}. ${s.skill} — proof: ${vault.redact(s.evidence)}`)
      .join('\n');
    const base = {
      system: `You name transferable skills for a career changer, in ${language}. For each numbered skill, give a short name (2–6 words) that a recruiter for the target job would recognise, based only on its proof. Do not add skills. Answer JSON only.`,
      prompt: `Target job: ${vault.redact(request.offer.title ?? 'not stated')}\n<skills>\n${list}\n</skills>`,
      maxOutputTokens: 600,
      temperature: 0.2,
      ...(request.signal ? { signal: request.signal } : {}),
    };
    const checked = await askJson(model, base, RewordedSkillsSchema);
    if (!checked) return found;
    // The evidence is always the CV's own words: only the names change.
    return found.map((skill, index) => {
      const reworded = checked.skills.find((s) => s.index === index)?.skill;
      return reworded ? { skill: vault.restore(reworded), evidence: skill.evidence } : skill;
    });
  }

  return {
    name: model.provider,
    writeLetter,
    suggestTransferableSkills,
    enrich: createModelEnrichment(model, options.redact),
    unavailableFor: () => model.unavailableFor?.() ?? null,
  };
}
