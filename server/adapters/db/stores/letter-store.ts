/** Letters and their versions on Kysely, always scoped by user_id. */
import { type Kysely, type Selectable, sql } from 'kysely';
import type {
  LetterRecord,
  LetterStore,
  LetterSummaryRecord,
  LetterVersion,
} from '../../../ports/document-stores';
import type { PreparedQuery } from '../database';
import type { Database, LettersTable, LetterVersionsTable } from '../schema';

const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));

/** The columns a list of letters shows. */
const SUMMARY_COLUMNS = [
  'id',
  'title',
  'company',
  'role',
  'language',
  'tone',
  'length',
  'status',
  'current_version',
  'created_at',
  'updated_at',
] as const;
type SummaryRow = Pick<Selectable<LettersTable>, (typeof SUMMARY_COLUMNS)[number]>;

function toLetterSummary(row: SummaryRow): LetterSummaryRecord {
  return {
    id: row.id,
    title: row.title,
    company: row.company,
    role: row.role,
    language: row.language,
    tone: row.tone,
    length: row.length,
    status: row.status,
    currentVersion: row.current_version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toLetter(row: Selectable<LettersTable>): LetterRecord {
  return {
    ...toLetterSummary(row),
    userId: row.user_id,
    cvDocumentId: row.cv_document_id,
    offerDocumentId: row.offer_document_id,
    request: row.request,
    brief: row.brief,
    grounding: row.grounding,
    idempotencyKey: row.idempotency_key,
  };
}

function toVersion(row: Selectable<LetterVersionsTable>): LetterVersion {
  return {
    version: row.version,
    content: row.content,
    source: row.source,
    engine: row.engine,
    model: row.model,
    tokensIn: row.tokens_in,
    tokensOut: row.tokens_out,
    finishReason: row.finish_reason,
    createdAt: row.created_at,
  };
}

const LIST_LIMIT = 200;

/** The letter list's query (summary columns only), built by Kysely so its types follow the schema. */
const listQuery = (db: Kysely<Database>, userId: string) =>
  db
    .selectFrom('letters')
    .select([...SUMMARY_COLUMNS])
    .where('user_id', '=', userId)
    .orderBy('updated_at', 'desc')
    .limit(LIST_LIMIT);

export function createLetterStore(db: Kysely<Database>, prepared?: PreparedQuery): LetterStore {
  // The list is read on every dashboard visit: its SQL is compiled once and run as a named
  // prepared statement (parameters: user id, limit).
  const listSql = listQuery(db, '00000000-0000-0000-0000-000000000000').compile().sql;
  async function appendVersion(
    trx: Kysely<Database>,
    userId: string,
    id: string,
    version: Omit<LetterVersion, 'version' | 'createdAt'>,
  ) {
    // Bumping current_version takes the row lock: concurrent saves get consecutive numbers.
    const bumped = await trx
      .updateTable('letters')
      .set({ current_version: sql`current_version + 1`, updated_at: new Date() })
      .where('user_id', '=', userId)
      .where('id', '=', id)
      .returning('current_version')
      .executeTakeFirst();
    if (!bumped) return null;
    const row = await trx
      .insertInto('letter_versions')
      .values({
        letter_id: id,
        user_id: userId,
        version: bumped.current_version,
        content: version.content,
        source: version.source,
        engine: version.engine,
        model: version.model,
        tokens_in: version.tokensIn,
        tokens_out: version.tokensOut,
        finish_reason: version.finishReason,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toVersion(row);
  }

  return {
    async create(letter) {
      const row = await db
        .insertInto('letters')
        .values({
          user_id: letter.userId,
          title: letter.title,
          company: letter.company,
          role: letter.role,
          language: letter.language,
          tone: letter.tone,
          length: letter.length,
          status: letter.status,
          cv_document_id: letter.cvDocumentId,
          offer_document_id: letter.offerDocumentId,
          request: JSON.stringify(letter.request ?? {}),
          idempotency_key: letter.idempotencyKey,
        })
        .onConflict((oc) =>
          oc.columns(['user_id', 'idempotency_key']).where('idempotency_key', 'is not', null).doNothing(),
        )
        .returningAll()
        .executeTakeFirst();
      return row ? toLetter(row) : null;
    },
    async findByIdempotencyKey(userId, key) {
      const row = await db
        .selectFrom('letters')
        .selectAll()
        .where('user_id', '=', userId)
        .where('idempotency_key', '=', key)
        .executeTakeFirst();
      return row ? toLetter(row) : null;
    },
    async list(userId) {
      const rows = prepared
        ? await prepared<SummaryRow>('letters_list', listSql, [userId, LIST_LIMIT])
        : await listQuery(db, userId).execute();
      return rows.map(toLetterSummary);
    },
    async get(userId, id) {
      const row = await db
        .selectFrom('letters')
        .selectAll()
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return row ? toLetter(row) : null;
    },
    async update(userId, id, changes) {
      const row = await db
        .updateTable('letters')
        .set({
          ...(changes.title !== undefined ? { title: changes.title } : {}),
          ...(changes.status !== undefined ? { status: changes.status } : {}),
          ...(changes.company !== undefined ? { company: changes.company } : {}),
          ...(changes.role !== undefined ? { role: changes.role } : {}),
          ...(changes.brief !== undefined ? { brief: json(changes.brief) } : {}),
          ...(changes.grounding !== undefined ? { grounding: json(changes.grounding) } : {}),
          updated_at: new Date(),
        })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .returningAll()
        .executeTakeFirst();
      return row ? toLetter(row) : null;
    },
    async markGenerating(userId, id) {
      const row = await db
        .updateTable('letters')
        .set({ status: 'generating', updated_at: new Date() })
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .where('status', '<>', 'generating')
        .returningAll()
        .executeTakeFirst();
      return row ? toLetter(row) : null;
    },
    async addVersion(userId, id, version) {
      return db.transaction().execute((trx) => appendVersion(trx, userId, id, version));
    },
    async completeGeneration(userId, id, version, extra) {
      return db.transaction().execute(async (trx) => {
        const saved = await appendVersion(trx, userId, id, version);
        if (!saved) return null;
        await trx
          .updateTable('letters')
          .set({ status: 'complete', grounding: json(extra.grounding), brief: json(extra.brief) })
          .where('user_id', '=', userId)
          .where('id', '=', id)
          .execute();
        return saved;
      });
    },
    async tokensUsedSince(since, userId) {
      const row = await db
        .selectFrom('letter_versions')
        .select(
          sql<number>`coalesce(sum(coalesce(tokens_in, 0) + coalesce(tokens_out, 0)), 0)::int`.as('tokens'),
        )
        .where('created_at', '>=', since)
        .where('engine', '!=', 'offline')
        .$if(userId !== undefined, (qb) => qb.where('user_id', '=', userId ?? ''))
        .executeTakeFirstOrThrow();
      return row.tokens;
    },
    async listVersions(userId, id) {
      const rows = await db
        .selectFrom('letter_versions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('letter_id', '=', id)
        .orderBy('version', 'desc')
        .execute();
      return rows.map(toVersion);
    },
    async getVersion(userId, id, version) {
      const row = await db
        .selectFrom('letter_versions')
        .selectAll()
        .where('user_id', '=', userId)
        .where('letter_id', '=', id)
        .where('version', '=', version)
        .executeTakeFirst();
      return row ? toVersion(row) : null;
    },
    async delete(userId, id) {
      const result = await db
        .deleteFrom('letters')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
    async failStale(before) {
      const result = await db
        .updateTable('letters')
        .set({ status: 'failed' })
        .where('status', '=', 'generating')
        .where('updated_at', '<', before)
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
