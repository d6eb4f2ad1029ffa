// Requests to the bot's /api/overview. Who is signed in decides the Authorization header: the Teams
// SSO token inside Teams, the development sign-in in local mode.

let authorization = null;

/** fn returns the header value (or a promise of it) for each request. */
export function useAuthorization(fn) {
  authorization = fn;
}

export function api(path) {
  return Promise.resolve(authorization()).then((value) => fetch(path, { headers: { authorization: value }, credentials: 'same-origin' }));
}

/** A request that needs nobody signed in (the page's configuration, the development users). */
export const getJson = (path) => fetch(path).then((response) => response.json());
