import { apiKey } from './session';

export type FieldProblem = Readonly<{ field: string; problems: string[] }>;
export type Problem = Readonly<{ status: number; title: string; detail: string; errors?: FieldProblem[]; field?: string }>;

/** The API answered and refused (4xx): the request must change, retrying will not help. */
export class ApiRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail);
  }
}

/** No answer, or the server could not store it (5xx): nothing was stored, the same request may be retried. */
export class LinkDown extends Error {}

export const api = async (path: string, init: RequestInit = {}): Promise<Response> => {
  const headers = new Headers(init.headers);
  const key = apiKey();
  if (key) headers.set('authorization', `Bearer ${key}`);
  if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers, cache: 'no-store' });
  } catch (error) {
    throw new LinkDown(String(error));
  }
  if (response.status >= 500) throw new LinkDown(`HTTP ${response.status}`);
  if (!response.ok) {
    const problem = (await response.json().catch(() => ({ status: response.status, title: response.statusText, detail: response.statusText }))) as Problem;
    throw new ApiRefused({ ...problem, status: response.status });
  }
  return response;
};

export const getJson = async <T>(path: string, accept = 'application/json'): Promise<T> => (await api(path, { headers: { accept } })).json() as Promise<T>;

export const postJson = async <T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> =>
  (await api(path, { method: 'POST', body: JSON.stringify(body), headers })).json() as Promise<T>;

export const query = (params: Record<string, string | number | undefined | null>): string => {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
};
