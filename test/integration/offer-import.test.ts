import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOfferFetcher, isForbiddenAddress } from '../../server/adapters/web/offer-fetcher';

const OFFER_HTML = `<!doctype html><html lang="fr"><head><title>Data Analyst junior H/F — Médiane Santé</title></head>
<body><nav>Accueil · Offres · Contact</nav><main><article><h1>Data Analyst junior H/F</h1>
<p>Médiane Santé, éditeur de solutions d'analyse pour les établissements de santé, recrute un·e Data Analyst junior en CDI à Toulouse.</p>
<h2>Vos missions</h2><p>Construire des tableaux de bord Power BI pour nos clients hospitaliers, écrire des requêtes SQL sur nos entrepôts de données, présenter les résultats aux équipes soignantes et aux directions.</p>
<h2>Compétences requises</h2><ul><li>SQL</li><li>Power BI</li><li>Python</li><li>Excel</li><li>Statistiques descriptives</li></ul>
<h2>Un plus</h2><p>Connaissance du PMSI, DAX, dbt, expérience en milieu hospitalier.</p></article></main>
<footer>Mentions légales</footer></body></html>`;

describe('offer import from a URL', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/offer') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return res.end(OFFER_HTML);
      }
      if (req.url === '/spa') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<html><body><div id="app"></div><script src="/app.js"></script></body></html>');
      }
      if (req.url === '/to-file') {
        res.writeHead(302, { location: 'file:///etc/passwd' });
        return res.end();
      }
      if (req.url === '/huge') {
        res.writeHead(200, { 'content-type': 'text/html' });
        return res.end('<p>'.concat('x'.repeat(3 * 1024 * 1024)));
      }
      res.writeHead(403);
      res.end('Forbidden');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('refuses loopback, private and metadata addresses by default', async () => {
    const fetcher = createOfferFetcher();
    await expect(fetcher.fetchOffer(`${base}/offer`)).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(fetcher.fetchOffer('http://localhost:1/offer')).rejects.toMatchObject({
      code: 'invalid_request',
    });
    expect(
      [
        '127.0.0.1',
        '10.1.2.3',
        '172.16.0.1',
        '192.168.1.1',
        '169.254.169.254',
        '::1',
        'fd00::1',
        '::ffff:127.0.0.1',
        '0.0.0.0',
      ].every(isForbiddenAddress),
    ).toBe(true);
    expect(['93.184.216.34', '2606:4700::1111'].some(isForbiddenAddress)).toBe(false);
  });

  it('refuses other schemes', async () => {
    const fetcher = createOfferFetcher();
    await expect(fetcher.fetchOffer('file:///etc/passwd')).rejects.toMatchObject({ code: 'invalid_request' });
    await expect(fetcher.fetchOffer('ftp://example.com/offer')).rejects.toMatchObject({
      code: 'invalid_request',
    });
  });

  // The test server is on loopback, so these run with the private-network guard lifted.
  const local = () => createOfferFetcher({ allowPrivateNetwork: true });

  it('extracts the main text of an offer page, without navigation and footer', async () => {
    const page = await local().fetchOffer(`${base}/offer`);
    expect(page.title).toContain('Data Analyst junior');
    expect(page.text).toContain('Compétences requises');
    expect(page.text).toContain('Power BI');
    expect(page.text).not.toContain('Mentions légales');
  });

  it('asks to paste the text when the page is script-only, blocked or too large', async () => {
    await expect(local().fetchOffer(`${base}/spa`)).rejects.toMatchObject({ code: 'unreadable_file' });
    const blocked = await local()
      .fetchOffer(`${base}/blocked`)
      .catch((e) => e);
    expect(blocked.code).toBe('unreadable_file');
    expect(blocked.messageIn('fr')).toMatch(/collez-le/);
    await expect(local().fetchOffer(`${base}/huge`)).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('re-checks the scheme of every redirect', async () => {
    await expect(local().fetchOffer(`${base}/to-file`)).rejects.toMatchObject({ code: 'invalid_request' });
  });
});
