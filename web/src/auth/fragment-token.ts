import { useEffect, useState } from 'react';

/** Reads `token` from a `#token=…` fragment (never sent to the server, kept out of logs). */
export function readFragmentToken(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token')?.trim();
  return token && token.length >= 20 && token.length <= 200 ? token : null;
}

/**
 * The one-time token of an e-mail link, read once; the fragment is then removed from the address
 * bar and the history so the token is not left behind (shared screens, back button).
 */
export function useFragmentToken(): string | null {
  const [token] = useState(() => readFragmentToken(window.location.hash));
  useEffect(() => {
    if (window.location.hash) {
      window.history.replaceState(
        window.history.state,
        '',
        window.location.pathname + window.location.search,
      );
    }
  }, []);
  return token;
}
