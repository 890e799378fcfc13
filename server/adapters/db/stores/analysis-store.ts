/** Analyses on Kysely, scoped by user and keyed by a hash of their inputs. */
import type { Kysely, Selectable } from 'kysely';
import type { AnalysisStore, StoredAnalysis } from '../../../ports/analysis-store';
import type { AnalysesTable, Database } from '../schema';

function toAnalysis(row: Selectable<AnalysesTable>): StoredAnalysis {
  return {
    id: row.id,
    kind: row.kind,
    inputHash: row.input_hash,
    engine: row.engine,
    result: row.result,
    createdAt: row.created_at,
  };
}

export function createAnalysisStore(db: Kysely<Database>): AnalysisStore {
  const find: AnalysisStore['find'] = async (userId, kind, inputHash) => {
    const row = await db
      .selectFrom('analyses')
      .selectAll()
      .where('user_id', '=', userId)
      .where('kind', '=', kind)
      .where('input_hash', '=', inputHash)
      .executeTakeFirst();
    return row ? toAnalysis(row) : null;
  };
  return {
    find,
    async save(input) {
      const row = await db
        .insertInto('analyses')
        .values({
          user_id: input.userId,
          kind: input.kind,
          input_hash: input.inputHash,
          engine: input.engine,
          result: JSON.stringify(input.result),
          letter_id: input.letterId,
        })
        .onConflict((oc) => oc.columns(['user_id', 'kind', 'input_hash']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (row) return toAnalysis(row);
      const existing = await find(input.userId, input.kind, input.inputHash);
      if (!existing) throw new Error('analysis vanished after a conflicting insert');
      return existing;
    },
    async list(userId, letterId) {
      let query = db.selectFrom('analyses').selectAll().where('user_id', '=', userId);
      if (letterId) query = query.where('letter_id', '=', letterId);
      return (await query.orderBy('created_at', 'desc').limit(100).execute()).map(toAnalysis);
    },
  };
}
