/** CVs and offers (contract/documents.ts): upload, paste, import, review and correct what was read. */
import type { z } from 'zod';
import type {
  DocumentDetailSchema,
  DocumentSummarySchema,
  SuggestedRequirementsSchema,
} from '../../../contract/documents';
import type { CvProfile, OfferProfile } from '../../../server/core/profile/schemas';
import { api, upload } from './client';

export type DocumentKind = 'cv' | 'offer';
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;
export type { CvProfile, OfferProfile };

export const DOCUMENTS_KEY = ['documents'] as const;

export const listDocuments = (kind?: DocumentKind) =>
  api<DocumentSummary[]>('GET', kind ? `/api/documents?kind=${kind}` : '/api/documents');

export const getDocument = (id: string) => api<DocumentDetail>('GET', `/api/documents/${id}`);

export const pasteDocument = (input: { kind: DocumentKind; text: string; title?: string }) =>
  api<DocumentDetail>('POST', '/api/documents', input);

export function uploadDocument(kind: DocumentKind, file: File, title?: string): Promise<DocumentDetail> {
  const form = new FormData();
  // Fields before the file: the server reads them with the file part.
  form.append('kind', kind);
  if (title) form.append('title', title);
  form.append('file', file, file.name);
  return upload<DocumentDetail>('/api/documents', form);
}

export const importOffer = (url: string) => api<DocumentDetail>('POST', '/api/offers/import', { url });

export const updateDocument = (
  id: string,
  input: { title?: string; text?: string; corrections?: Record<string, unknown> | null; isDefault?: true },
) => api<DocumentDetail>('PATCH', `/api/documents/${id}`, input);

export const deleteDocument = (id: string) => api<void>('DELETE', `/api/documents/${id}`);

export type SuggestedRequirements = z.infer<typeof SuggestedRequirementsSchema>;

/** Requirements of an offer that the reading rules missed, found by the AI engine (Premium). */
export const suggestRequirements = (id: string) =>
  api<SuggestedRequirements>('POST', `/api/documents/${id}/requirements`);

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value : null);
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/** What was read from a CV, with defaults for anything missing (the server's shape may grow). */
export function readCv(detail: DocumentDetail): CvProfile {
  const p = isObject(detail.effective)
    ? detail.effective
    : isObject(detail.structured)
      ? detail.structured
      : {};
  const contact = isObject(p.contact) ? p.contact : {};
  const experiences = Array.isArray(p.experiences) ? p.experiences.filter(isObject) : [];
  const education = Array.isArray(p.education) ? p.education.filter(isObject) : [];
  return {
    language: p.language === 'en' ? 'en' : 'fr',
    name: text(p.name),
    headline: text(p.headline),
    contact: {
      email: text(contact.email),
      phone: text(contact.phone),
      address: text(contact.address),
      location: text(contact.location),
      linkedin: text(contact.linkedin),
      urls: texts(contact.urls),
    },
    birthDateAsWritten: text(p.birthDateAsWritten),
    summary: text(p.summary),
    experiences: experiences.map((e) => ({
      title: text(e.title) ?? '',
      employer: text(e.employer),
      location: text(e.location),
      datesAsWritten: text(e.datesAsWritten),
      start: text(e.start),
      end: text(e.end),
      facts: texts(e.facts),
    })),
    education: education.map((e) => ({
      title: text(e.title) ?? '',
      institution: text(e.institution),
      datesAsWritten: text(e.datesAsWritten),
    })),
    certifications: texts(p.certifications),
    skills: texts(p.skills),
    languages: texts(p.languages),
    otherFacts: texts(p.otherFacts),
  };
}

/** What was read from an offer, with defaults for anything missing. */
export function readOffer(detail: DocumentDetail): OfferProfile {
  const p = isObject(detail.effective)
    ? detail.effective
    : isObject(detail.structured)
      ? detail.structured
      : {};
  const recruiter = isObject(p.recruiter) && text(p.recruiter.name) ? p.recruiter : null;
  return {
    language: p.language === 'en' ? 'en' : 'fr',
    title: text(p.title),
    titleAsWritten: text(p.titleAsWritten),
    genderMarker: text(p.genderMarker),
    company: text(p.company),
    location: text(p.location),
    contractType: text(p.contractType),
    mustHave: texts(p.mustHave),
    niceToHave: texts(p.niceToHave),
    skills: texts(p.skills),
    values: texts(p.values),
    missions: texts(p.missions),
    recruiter: recruiter ? { name: text(recruiter.name) ?? '', role: text(recruiter.role) } : null,
    addressee: text(p.addressee),
  };
}

/** The language the offer was read in, when the server said so. */
export function offerLanguage(detail: DocumentDetail): 'fr' | 'en' | null {
  const p = isObject(detail.effective)
    ? detail.effective
    : isObject(detail.structured)
      ? detail.structured
      : {};
  return p.language === 'en' || p.language === 'fr' ? p.language : null;
}
