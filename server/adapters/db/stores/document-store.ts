/** CVs and offers on Kysely, always scoped by user_id. */
import type { Kysely, Selectable } from 'kysely';
import type { DocumentStore, StoredDocument } from '../../../ports/document-stores';
import type { Database, DocumentsTable } from '../schema';

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

function toDocument(row: Selectable<DocumentsTable>): StoredDocument {
  return {
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    title: row.title,
    filename: row.filename,
    mediaType: row.media_type,
    text: row.text,
    structured: row.structured,
    corrections: row.corrections,
    parseReport: row.parse_report,
    sourceUrl: row.source_url,
    isDefault: row.is_default,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function createDocumentStore(db: Kysely<Database>): DocumentStore {
  return {
    async create(doc) {
      return db.transaction().execute(async (trx) => {
        // The first CV of a user becomes the default one.
        const hasDefault =
          doc.kind === 'cv' &&
          (await trx
            .selectFrom('documents')
            .select('id')
            .where('user_id', '=', doc.userId)
            .where('kind', '=', 'cv')
            .where('is_default', '=', true)
            .executeTakeFirst()) !== undefined;
        const row = await trx
          .insertInto('documents')
          .values({
            user_id: doc.userId,
            kind: doc.kind,
            title: doc.title,
            filename: doc.filename,
            media_type: doc.mediaType,
            text: doc.text,
            structured: json(doc.structured),
            parse_report: json(doc.parseReport),
            source_url: doc.sourceUrl,
            is_default: doc.kind === 'cv' && !hasDefault,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        return toDocument(row);
      });
    },
    async list(userId, kind) {
      let query = db.selectFrom('documents').selectAll().where('user_id', '=', userId);
      if (kind) query = query.where('kind', '=', kind);
      return (await query.orderBy('updated_at', 'desc').execute()).map(toDocument);
    },
    async get(userId, id) {
      const row = await db
        .selectFrom('documents')
        .selectAll()
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toDocument(row) : null;
    },
    async update(userId, id, changes) {
      const row = await db
        .updateTable('documents')
        .set({
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.text !== undefined ? { text: changes.text } : {}),
          ...(changes.filename !== undefined ? { filename: changes.filename } : {}),
          ...(changes.mediaType !== undefined ? { media_type: changes.mediaType } : {}),
          ...(changes.structured !== undefined ? { structured: json(changes.structured) } : {}),
          ...(changes.corrections !== undefined ? { corrections: json(changes.corrections) } : {}),
          ...(changes.parseReport !== undefined ? { parse_report: json(changes.parseReport) } : {}),
          updated_at: new Date(),
        })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toDocument(row) : null;
    },
    async setDefault(userId, id) {
      return db.transaction().execute(async (trx) => {
        const target = await trx
          .selectFrom('documents')
          .select('id')
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .where('kind', '=', 'cv')
          .executeTakeFirst();
        if (!target) return false;
        await trx
          .updateTable('documents')
          .set({ is_default: false })
          .where('user_id', '=', userId)
          .where('kind', '=', 'cv')
          .where('is_default', '=', true)
          .execute();
        await trx.updateTable('documents').set({ is_default: true }).where('id', '=', id).execute();
        return true;
      });
    },
    async delete(userId, id) {
      const result = await db
        .deleteFrom('documents')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
