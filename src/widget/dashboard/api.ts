// The dashboard's one way to the admin API: same origin only (a base taken from the URL would send the admin key
// to whoever wrote the link), the key from this tab's session storage, problems (RFC 7807) turned into errors that
// name what the server named.

const KEY = 'livechat-dashboard-admin-key';

export interface Problem {
  status: number;
  title?: string;
  detail?: string;
  errors?: Record<string, string[]>;
  [extension: string]: unknown;
}

/** An admin API call the server refused; <c>problem</c> is its body. */
export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
}

export const adminKey = {
  get: (): string | null => sessionStorage.getItem(KEY),
  set: (key: string): void => sessionStorage.setItem(KEY, key),
  clear: (): void => sessionStorage.removeItem(KEY),
};

/** Who the admin API says is signed in: with the key, or with Microsoft Entra ID through App Service authentication. */
export interface WhoAmI {
  method: 'key' | 'entra';
  name: string;
  /** Where Microsoft sign-in is, when the deployment has App Service authentication; null otherwise. */
  entraSignInUrl?: string | null;
}

/** GET /api/v1/admin/whoami; rejects with the 401 (its problem names entraSignInUrl) or 403 problem. */
export const whoAmI = (): Promise<WhoAmI> => admin<WhoAmI>('GET', '/api/v1/admin/whoami');

/** Calls the admin API; resolves with the JSON body (or null for an empty one), rejects with ApiError. */
export async function admin<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = {};
  const key = adminKey.get();
  if (key) headers['x-admin-key'] = key;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(location.origin + path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: 'same-origin',
  });
  const text = await response.text();
  const json: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError({ status: response.status, ...(json as object | null) } as Problem);
  return json as T;
}
