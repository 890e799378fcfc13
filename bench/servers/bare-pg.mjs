// Reference floor for a read that touches PostgreSQL: node:http + one prepared (named) query.
import { createServer } from 'node:http';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const userId = process.env.USER_ID;
const server = createServer(async (_req, res) => {
  try {
    const { rows } = await pool.query({
      name: 'user-by-id',
      text: 'select id, email, display_name, language, role, email_verified_at, created_at from users where id = $1',
      values: [userId],
    });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(rows[0]));
  } catch (error) {
    res.writeHead(500);
    res.end(String(error));
  }
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => process.send?.('ready'));
