/**
 * A letter being written: the text as it arrives, a Cancel that aborts the request (the server
 * then stops the generation and does not count it), and an abort when the page is left.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { LETTERS_KEY, type LetterDetail, type StreamEvent } from '../api/letters';
import { PLAN_KEY } from '../api/plan';

export type StreamState = 'idle' | 'writing' | 'done' | 'failed' | 'cancelled';

export function useLetterStream() {
  const queryClient = useQueryClient();
  const controller = useRef<AbortController | null>(null);
  const [state, setState] = useState<StreamState>('idle');
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const run = useCallback(
    async (
      start: (options: {
        signal: AbortSignal;
        onEvent: (event: StreamEvent) => void;
      }) => Promise<LetterDetail>,
    ): Promise<LetterDetail | null> => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setState('writing');
      setText('');
      setError(null);
      try {
        const letter = await start({
          signal: current.signal,
          onEvent: (event) => {
            if (event.type === 'chunk') setText((previous) => previous + event.text);
          },
        });
        setState('done');
        return letter;
      } catch (failure) {
        if (current.signal.aborted) {
          setState('cancelled');
        } else {
          setError(failure);
          setState('failed');
        }
        return null;
      } finally {
        if (controller.current === current) controller.current = null;
        // The quota and the list changed (or a reservation was released): ask again.
        void queryClient.invalidateQueries({ queryKey: PLAN_KEY });
        void queryClient.invalidateQueries({ queryKey: LETTERS_KEY });
      }
    },
    [queryClient],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { state, text, error, run, cancel };
}
