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

/** Downloads a file the API serves as an attachment (the name from its Content-Disposition). */
export function download(path, fallbackName) {
  return api(path).then((response) => {
    if (!response.ok) throw new Error('export ' + response.status);
    const name = (/filename="([^"]+)"/.exec(response.headers.get('content-disposition') || '') || [])[1] || fallbackName;
    return response.blob().then((blob) => {
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  });
}
