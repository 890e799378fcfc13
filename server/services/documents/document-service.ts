/**
 * CVs and offers: stored per user, read into structured profiles the user can correct, several CVs
 * (one per career track) with one default.
 */

import { AppError } from '../../core/errors';
import type { CvProfile, OfferProfile } from '../../core/profile/schemas';
import type { DocumentReader, OfferFetcher } from '../../ports/document-reader';
import type { DocumentKind, DocumentStore, StoredDocument } from '../../ports/document-stores';
import { type PlanDeps, requireFeature } from '../plans/plan-service';

export interface DocumentDeps {
  documents: DocumentStore;
  reader: DocumentReader;
  fetcher: OfferFetcher;
  readCv(text: string): CvProfile;
  readOffer(text: string): OfferProfile;
  /**
   * With a paid AI engine: the offer with the requirements the rules missed added (each found word
   * for word in the offer). Absent with the offline engine.
   */
  enrichOffer?(offer: OfferProfile, text: string): Promise<OfferProfile>;
}

export const MIN_TEXT_CHARS = 80;
export const MAX_TEXT_CHARS = 60_000;

const NOT_FOUND = { fr: 'Document introuvable.', en: 'Document not found.' };

function checkText(text: string, kind: DocumentKind): string {
  const cleaned = text
    .replace(/\r\n?/g, '\n')
    .replace(/\u0000/g, '')
    .trim();
  if (cleaned.length < MIN_TEXT_CHARS) {
    throw new AppError(
      'validation_failed',
      kind === 'cv'
        ? {
            fr: 'Ce CV est trop court pour être analysé : collez le texte complet.',
            en: 'This CV is too short to analyse: paste the full text.',
          }
        : {
            fr: 'Cette offre est trop courte : collez le texte complet de l’annonce.',
            en: 'This offer is too short: paste the full text of the ad.',
          },
      { fields: [{ field: 'text', message: `At least ${MIN_TEXT_CHARS} characters` }] },
    );
  }
  if (cleaned.length > MAX_TEXT_CHARS) {
    throw new AppError('payload_too_large', {
      fr: `Texte trop long (plus de ${MAX_TEXT_CHARS.toLocaleString('fr-FR')} caractères).`,
      en: `Text too long (more than ${MAX_TEXT_CHARS.toLocaleString('en-GB')} characters).`,
    });
  }
  return cleaned;
}

function read(deps: DocumentDeps, kind: DocumentKind, text: string) {
  return kind === 'cv' ? deps.readCv(text) : deps.readOffer(text);
}

function defaultTitle(
  kind: DocumentKind,
  structured: CvProfile | OfferProfile,
  filename?: string | null,
): string {
  if (kind === 'cv') {
    const cv = structured as CvProfile;
    return (cv.headline ?? cv.name ?? filename ?? 'CV').slice(0, 120);
  }
  const offer = structured as OfferProfile;
  const parts = [offer.title, offer.company].filter(Boolean);
  return (parts.length ? parts.join(' — ') : (filename ?? 'Offre')).slice(0, 120);
}

export async function createDocumentFromText(
  deps: DocumentDeps,
  userId: string,
  input: { kind: DocumentKind; text: string; title?: string | undefined; sourceUrl?: string },
): Promise<StoredDocument> {
  const text = checkText(input.text, input.kind);
  const structured = read(deps, input.kind, text);
  return deps.documents.create({
    userId,
    kind: input.kind,
    title: input.title?.trim() || defaultTitle(input.kind, structured),
    filename: null,
    mediaType: 'text/plain',
    text,
    structured,
    parseReport: null,
    sourceUrl: input.sourceUrl ?? null,
  });
}

export async function createDocumentFromFile(
  deps: DocumentDeps,
  userId: string,
  input: { kind: DocumentKind; bytes: Uint8Array; filename?: string | undefined; title?: string | undefined },
): Promise<StoredDocument> {
  const extracted = await deps.reader.extract(input.bytes, input.filename);
  const text = checkText(extracted.text, input.kind);
  const structured = read(deps, input.kind, text);
  return deps.documents.create({
    userId,
    kind: input.kind,
    title: input.title?.trim() || defaultTitle(input.kind, structured, input.filename),
    filename: input.filename ?? null,
    mediaType: extracted.mediaType,
    text,
    structured,
    parseReport: extracted.report,
    sourceUrl: null,
  });
}

export async function replaceDocumentFile(
  deps: DocumentDeps,
  userId: string,
  id: string,
  input: { bytes: Uint8Array; filename?: string | undefined },
): Promise<StoredDocument> {
  const existing = await getDocument(deps, userId, id);
  const extracted = await deps.reader.extract(input.bytes, input.filename);
  const text = checkText(extracted.text, existing.kind);
  const updated = await deps.documents.update(userId, id, {
    text,
    structured: read(deps, existing.kind, text),
    corrections: null,
    parseReport: extracted.report,
    filename: input.filename ?? null,
    mediaType: extracted.mediaType,
  });
  if (!updated) throw new AppError('not_found', NOT_FOUND);
  return updated;
}

export async function importOffer(deps: DocumentDeps, userId: string, url: string) {
  const page = await deps.fetcher.fetchOffer(url);
  return createDocumentFromText(deps, userId, {
    kind: 'offer',
    text: page.text,
    sourceUrl: page.url,
    ...(page.title ? { title: page.title } : {}),
  });
}

export async function getDocument(deps: DocumentDeps, userId: string, id: string): Promise<StoredDocument> {
  const doc = await deps.documents.get(userId, id);
  if (!doc) throw new AppError('not_found', NOT_FOUND);
  return doc;
}

export async function updateDocument(
  deps: DocumentDeps,
  userId: string,
  id: string,
  changes: {
    title?: string | undefined;
    text?: string | undefined;
    corrections?: unknown;
    isDefault?: boolean | undefined;
  },
): Promise<StoredDocument> {
  const existing = await getDocument(deps, userId, id);
  if (changes.isDefault) {
    if (existing.kind !== 'cv') {
      throw new AppError('invalid_request', {
        fr: 'Seul un CV peut être le document par défaut.',
        en: 'Only a CV can be the default document.',
      });
    }
    await deps.documents.setDefault(userId, id);
  }
  const text = changes.text !== undefined ? checkText(changes.text, existing.kind) : undefined;
  const updated = await deps.documents.update(userId, id, {
    ...(changes.title !== undefined ? { title: changes.title } : {}),
    ...(text !== undefined ? { text, structured: read(deps, existing.kind, text), corrections: null } : {}),
    ...(changes.corrections !== undefined ? { corrections: changes.corrections } : {}),
  });
  if (!updated) throw new AppError('not_found', NOT_FOUND);
  return updated;
}

export async function deleteDocument(deps: DocumentDeps, userId: string, id: string) {
  if (!(await deps.documents.delete(userId, id))) throw new AppError('not_found', NOT_FOUND);
}

/** The profile the user validated: what was read, with their corrections on top. */
export function effectiveProfile<T extends CvProfile | OfferProfile>(doc: StoredDocument): T {
  const structured = (doc.structured ?? {}) as T;
  const corrections = (doc.corrections ?? {}) as Partial<T>;
  return { ...structured, ...corrections };
}

/**
 * Requirements of an offer that the reading rules missed (an offer written as prose), suggested by
 * the AI engine for the user to review: nothing is saved; accepted ones go into the corrections.
 */
export async function suggestOfferRequirements(
  deps: DocumentDeps,
  plans: PlanDeps,
  userId: string,
  id: string,
) {
  // A model call: Premium, like the other AI-enriched analyses.
  await requireFeature(plans, userId, 'offer_requirements');
  const doc = await getDocument(deps, userId, id);
  if (doc.kind !== 'offer') {
    throw new AppError('validation_failed', {
      fr: 'Ce document est un CV : les exigences se lisent dans une offre.',
      en: 'This document is a CV: requirements are read from an offer.',
    });
  }
  const offer = effectiveProfile<OfferProfile>(doc);
  if (!deps.enrichOffer) return { mustHave: [], niceToHave: [], engine: 'offline' as const };
  const enriched = await deps.enrichOffer(offer, doc.text);
  return {
    mustHave: enriched.mustHave.filter((phrase) => !offer.mustHave.includes(phrase)),
    niceToHave: enriched.niceToHave.filter((phrase) => !offer.niceToHave.includes(phrase)),
    engine: 'ai' as const,
  };
}
