// Reference floor on the embedded database: node:http + one query on PGlite (same data directory).
import { createServer } from 'node:http';
import { PGlite } from '@electric-sql/pglite';

const client = await PGlite.create(process.env.PGLITE_DIR!);
const userId = process.env.USER_ID;
const server = createServer(async (_req, res) => {
  const { rows } = await client.query(
    'select id, email, display_name, language, role, email_verified_at, created_at from users where id = $1',
    [userId],
  );
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(rows[0]));
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
