/** Letters as documents: list, open, edit (each save a version), restore, rename, duplicate, delete. */
import { AppError } from '../../core/errors';
import type { LetterRecord, LetterStore, LetterVersion } from '../../ports/document-stores';

const NOT_FOUND = { fr: 'Lettre introuvable.', en: 'Letter not found.' };

export async function getLetter(letters: LetterStore, userId: string, id: string) {
  const letter = await letters.get(userId, id);
  if (!letter) throw new AppError('not_found', NOT_FOUND);
  const current =
    letter.currentVersion > 0 ? await letters.getVersion(userId, id, letter.currentVersion) : null;
  return { letter, current };
}

export async function editLetter(
  letters: LetterStore,
  userId: string,
  id: string,
  changes: { title?: string | undefined; content?: string | undefined },
): Promise<{ letter: LetterRecord; current: LetterVersion | null }> {
  const { letter, current } = await getLetter(letters, userId, id);
  if (letter.status === 'generating') {
    throw new AppError('conflict', {
      fr: 'Attendez la fin de l’écriture.',
      en: 'Wait until writing is finished.',
    });
  }
  if (changes.title !== undefined) await letters.update(userId, id, { title: changes.title });
  let latest = current;
  // An edit identical to the current text is not a new version.
  if (changes.content !== undefined && changes.content !== current?.content) {
    latest = await letters.addVersion(userId, id, {
      content: changes.content,
      source: 'edited',
      engine: null,
      model: null,
      tokensIn: null,
      tokensOut: null,
      finishReason: null,
    });
    if (letter.status !== 'complete') await letters.update(userId, id, { status: 'complete' });
  }
  return getLetter(letters, userId, id).then((r) => ({ letter: r.letter, current: latest ?? r.current }));
}

export async function restoreVersion(letters: LetterStore, userId: string, id: string, version: number) {
  const { letter } = await getLetter(letters, userId, id);
  const old = await letters.getVersion(userId, id, version);
  if (!old) throw new AppError('not_found', { fr: 'Version introuvable.', en: 'Version not found.' });
  if (letter.status === 'generating') {
    throw new AppError('conflict', {
      fr: 'Attendez la fin de l’écriture.',
      en: 'Wait until writing is finished.',
    });
  }
  await letters.addVersion(userId, id, {
    content: old.content,
    source: 'restored',
    engine: old.engine,
    model: old.model,
    tokensIn: null,
    tokensOut: null,
    finishReason: null,
  });
  return getLetter(letters, userId, id);
}

export async function duplicateLetter(
  letters: LetterStore,
  userId: string,
  id: string,
  changes: { offerDocumentId?: string | undefined; title?: string | undefined },
) {
  const { letter, current } = await getLetter(letters, userId, id);
  if (!current)
    throw new AppError('conflict', {
      fr: 'Cette lettre n’a pas encore de texte.',
      en: 'This letter has no text yet.',
    });
  const copy = await letters.create({
    userId,
    title: changes.title ?? `${letter.title} (copie)`,
    company: changes.offerDocumentId ? null : letter.company,
    role: letter.role,
    language: letter.language,
    tone: letter.tone,
    length: letter.length,
    status: 'complete',
    cvDocumentId: letter.cvDocumentId,
    offerDocumentId: changes.offerDocumentId ?? letter.offerDocumentId,
    request: letter.request,
    idempotencyKey: null,
  });
  if (!copy) throw new AppError('conflict', { fr: 'Copie impossible.', en: 'Copy failed.' });
  await letters.addVersion(userId, copy.id, {
    content: current.content,
    source: 'duplicated',
    engine: current.engine,
    model: current.model,
    tokensIn: null,
    tokensOut: null,
    finishReason: null,
  });
  return getLetter(letters, userId, copy.id);
}

export async function deleteLetter(letters: LetterStore, userId: string, id: string) {
  if (!(await letters.delete(userId, id))) throw new AppError('not_found', NOT_FOUND);
}

export async function listVersions(letters: LetterStore, userId: string, id: string) {
  await getLetter(letters, userId, id);
  return letters.listVersions(userId, id);
}
