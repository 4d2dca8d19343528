import type { Problem } from './types'

/** An HTTP error carrying the API's ProblemDetails. */
export class ApiError extends Error {
  constructor(
    public status: number,
    public problem: Problem,
  ) {
    super(problem.detail || problem.title || `请求失败（HTTP ${status}）`)
    this.name = 'ApiError'
  }

  get isConflict() {
    return this.status === 409
  }
}

type Listener = (status: number) => void
const unauthorizedListeners: Listener[] = []
/** Called on any 401 from the API (the session ended): the app shows the sign-in page. */
export function onUnauthorized(listener: Listener) {
  unauthorizedListeners.push(listener)
}

export interface RequestOptions {
  method?: string
  body?: unknown
  /** Send the body as given (a JSON text), not serialised again. */
  rawJson?: string
  headers?: Record<string, string>
  /** Case version for optimistic concurrency (If-Match). */
  ifMatch?: number
  /** Do not notify 401 listeners (used by the sign-in check). */
  quiet401?: boolean
}

export async function request<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) }
  let body: BodyInit | undefined
  if (options.rawJson !== undefined) {
    body = options.rawJson
    headers['Content-Type'] = 'application/json'
  } else if (options.body !== undefined) {
    body = JSON.stringify(options.body)
    headers['Content-Type'] = 'application/json'
  }
  if (options.ifMatch !== undefined) headers['If-Match'] = `"${options.ifMatch}"`
  let response: Response
  try {
    response = await fetch(url, { method: options.method ?? (body ? 'POST' : 'GET'), headers, body, credentials: 'same-origin' })
  } catch {
    throw new ApiError(0, { title: '无法连接服务器', detail: '无法连接服务器，请检查网络后重试。' })
  }
  if (response.status === 401 && !options.quiet401) unauthorizedListeners.forEach((l) => l(401))
  const text = await response.text()
  let json: unknown = undefined
  if (text) {
    try {
      json = JSON.parse(text)
    } catch {
      json = text
    }
  }
  if (!response.ok) {
    const problem: Problem =
      json && typeof json === 'object'
        ? (json as Problem)
        : { title: response.statusText, detail: typeof json === 'string' && json ? json : undefined, status: response.status }
    if (!problem.detail && !problem.errors) problem.detail = defaultMessage(response.status, problem.title)
    throw new ApiError(response.status, problem)
  }
  return json as T
}

function defaultMessage(status: number, title?: string) {
  if (status === 401) return '登录已失效，请重新登录。'
  if (status === 403) return '您没有权限进行此操作。'
  if (status === 404) return '未找到所请求的内容。'
  if (status === 409) return '案件已被他人更新，请刷新后重试。'
  return title || `请求失败（HTTP ${status}）`
}

export const api = {
  get: <T>(url: string, o?: RequestOptions) => request<T>(url, { ...o, method: 'GET' }),
  post: <T>(url: string, body?: unknown, o?: RequestOptions) => request<T>(url, { ...o, method: 'POST', body: body ?? {} }),
  put: <T>(url: string, body?: unknown, o?: RequestOptions) => request<T>(url, { ...o, method: 'PUT', body }),
  del: <T>(url: string, o?: RequestOptions) => request<T>(url, { ...o, method: 'DELETE' }),
}

/** A page of a list (every list is paged by keyset): its rows and the cursor of the next page, null on the last. */
export interface Page<T> {
  items: T[]
  next: string | null
}

/** One page of a list: the first, or the one after `cursor`. */
export function getPage<T>(url: string, cursor?: string | null, limit = 50): Promise<Page<T>> {
  const sep = url.includes('?') ? '&' : '?'
  return api.get<Page<T>>(`${url}${sep}limit=${limit}${cursor ? '&cursor=' + encodeURIComponent(cursor) : ''}`)
}

/** Query string from an object, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>) {
  const q = new URLSearchParams()
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v))
  const s = q.toString()
  return s ? `?${s}` : ''
}
