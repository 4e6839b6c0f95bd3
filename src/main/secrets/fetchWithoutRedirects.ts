/**
 * fetch for requests that carry a stored key: a redirect is an error, never followed. A 307/308
 * keeps every header, and fetch strips only `authorization` across origins, so Azure's `api-key`
 * would reach wherever the redirect points (the key is bound to its origin: keyForRequest).
 */
export const fetchWithoutRedirects: typeof fetch = (input, init) =>
  fetch(input, { ...init, redirect: 'error' })
