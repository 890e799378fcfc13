/**
 * Imports a job offer from a URL without becoming an SSRF proxy: http/https only, every resolved
 * address checked (no loopback, private, link-local or multicast) at connection time (so DNS
 * rebinding cannot swap it), redirects re-checked, a timeout and a size cap; the main text is taken
 * with Mozilla Readability. Pages that are blocked or built by scripts get a "paste the text" answer.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { AppError } from '../../core/errors';
import type { OfferFetcher } from '../../ports/document-reader';

const MAX_BYTES = 2 * 1024 * 1024;
const TIMEOUT_MS = 8_000;
const MAX_REDIRECTS = 3;
const MIN_TEXT = 300;

const PASTE_INSTEAD = {
  fr: 'Impossible de lire cette page (bloquée, protégée ou construite par script). Copiez le texte de l’offre et collez-le.',
  en: 'This page cannot be read (blocked, protected or built by scripts). Copy the text of the offer and paste it.',
};

/** True for addresses a server-side fetch must never reach. */
export function isForbiddenAddress(address: string): boolean {
  if (isIP(address) === 4) {
    const [a, b] = address.split('.').map(Number) as [number, number];
    return (
      a === 0 ||
      a === 10 ||
      a === 127 ||
      (a === 100 && b >= 64 && b <= 127) ||
      (a === 169 && b === 254) ||
      (a === 172 && b >= 16 && b <= 31) ||
      (a === 192 && b === 168) ||
      (a === 198 && (b === 18 || b === 19)) ||
      a >= 224
    );
  }
  const v6 = address.toLowerCase();
  if (v6.startsWith('::ffff:')) return isForbiddenAddress(v6.slice(7));
  return (
    v6 === '::' ||
    v6 === '::1' ||
    v6.startsWith('fc') ||
    v6.startsWith('fd') ||
    v6.startsWith('fe8') ||
    v6.startsWith('fe9') ||
    v6.startsWith('fea') ||
    v6.startsWith('feb') ||
    v6.startsWith('ff')
  );
}

export function createOfferFetcher(options: { allowPrivateNetwork?: boolean } = {}): OfferFetcher {
  const safeLookup: typeof dnsLookup = ((
    hostname: string,
    opts: object,
    callback: (...args: unknown[]) => void,
  ) => {
    dnsLookup(hostname, { ...opts, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error);
      const allowed = options.allowPrivateNetwork
        ? addresses
        : addresses.filter((a) => !isForbiddenAddress(a.address));
      if (allowed.length === 0 || allowed.length !== addresses.length) {
        return callback(Object.assign(new Error('forbidden address'), { code: 'EFORBIDDEN' }));
      }
      if ((opts as { all?: boolean }).all) return callback(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  }) as typeof dnsLookup;

  function get(url: URL, redirects: number): Promise<{ body: string; url: URL; contentType: string }> {
    return new Promise((resolve, reject) => {
      if (
        !options.allowPrivateNetwork &&
        isIP(url.hostname.replace(/^\[|\]$/g, '')) &&
        isForbiddenAddress(url.hostname.replace(/^\[|\]$/g, ''))
      ) {
        return reject(
          new AppError('invalid_request', { fr: 'Adresse non autorisée.', en: 'Address not allowed.' }),
        );
      }
      const client = url.protocol === 'https:' ? https : http;
      const request = client.get(
        url,
        {
          lookup: safeLookup,
          timeout: TIMEOUT_MS,
          headers: { 'user-agent': 'PhoenixLetters/1.0 (offer import)', accept: 'text/html,text/plain' },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400 && response.headers.location) {
            response.resume();
            if (redirects >= MAX_REDIRECTS) return reject(new AppError('unreadable_file', PASTE_INSTEAD));
            const next = new URL(response.headers.location, url);
            if (next.protocol !== 'http:' && next.protocol !== 'https:') {
              return reject(
                new AppError('invalid_request', { fr: 'Adresse non autorisée.', en: 'Address not allowed.' }),
              );
            }
            return resolve(get(next, redirects + 1));
          }
          if (status !== 200) {
            response.resume();
            return reject(new AppError('unreadable_file', PASTE_INSTEAD, { status }));
          }
          let size = 0;
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_BYTES) {
              request.destroy();
              reject(
                new AppError('payload_too_large', {
                  fr: 'Page trop volumineuse : collez le texte de l’offre.',
                  en: 'Page too large: paste the text of the offer.',
                }),
              );
            } else chunks.push(chunk);
          });
          response.on('end', () =>
            resolve({
              body: Buffer.concat(chunks).toString('utf8'),
              url,
              contentType: String(response.headers['content-type'] ?? ''),
            }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () =>
        request.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })),
      );
      request.on('error', (error: NodeJS.ErrnoException) => {
        if (error instanceof AppError) return reject(error);
        if (error.code === 'EFORBIDDEN') {
          return reject(
            new AppError('invalid_request', {
              fr: 'Adresse non autorisée (réseau privé).',
              en: 'Address not allowed (private network).',
            }),
          );
        }
        reject(new AppError('unreadable_file', PASTE_INSTEAD, { reason: error.code ?? 'network' }));
      });
    });
  }

  return {
    async fetchOffer(rawUrl) {
      const url = new URL(rawUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        throw new AppError('invalid_request', {
          fr: 'Seules les adresses http et https sont acceptées.',
          en: 'Only http and https addresses are accepted.',
        });
      }
      const page = await get(url, 0);
      if (page.contentType.startsWith('text/plain')) {
        return { text: page.body.trim(), title: null, url: page.url.toString() };
      }
      // Loaded on first use: these two weigh ~300 ms of start-up for a rarely used feature.
      const [{ Readability }, { parseHTML }] = await Promise.all([
        import('@mozilla/readability'),
        import('linkedom'),
      ]);
      const { document } = parseHTML(page.body);
      const article = new Readability(document as unknown as Document).parse();
      const text = (article?.textContent ?? '')
        .replace(/[ \t]+/g, ' ')
        .replace(/\n\s*\n\s*/g, '\n\n')
        .trim();
      if (text.length < MIN_TEXT) throw new AppError('unreadable_file', PASTE_INSTEAD);
      return { text, title: article?.title?.trim() || null, url: page.url.toString() };
    },
  };
}
