import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';

/** Loads something for an admin page, with a reload and a readable error. */
export function useAdminLoad<T>(load: () => Promise<T>): { data: T | null; error: string | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && (setData(value), setError(null)),
      (caught: unknown) => live && setError(errorText(caught)),
    );
    return () => {
      live = false;
    };
  }, [load, generation]);
  return { data, error, reload: useCallback(() => setGeneration((g) => g + 1), []) };
}

/** A message a person can act on. */
export function errorText(caught: unknown): string {
  if (caught instanceof ApiError) return caught.code === 'forbidden' ? 'Your role may not do this.' : caught.message;
  return 'Something went wrong. Try again.';
}
