// Reference for the framework's share: Fastify, no plugins, one route running the same prepared
// (named) query as bare-pg.mjs. Our GET /api/me adds to this the cookie, token, security headers,
// metrics and response validation.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const userId = process.env.USER_ID;
const app = Fastify({ logger: false });
app.get('/', async () => {
  const { rows } = await pool.query({
    name: 'user-by-id',
    text: 'select id, email, display_name, language, role, email_verified_at, created_at from users where id = $1',
    values: [userId],
  });
  return rows[0];
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
