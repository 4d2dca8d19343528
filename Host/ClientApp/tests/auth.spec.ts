import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useAuthStore } from '@/stores/auth'

const json = (status: number, body: unknown) =>
  Promise.resolve(new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))

const access = (o: Partial<{ supervisor: boolean; processOwner: boolean; admin: boolean; reportDepartments: { id: string; name: string }[] }> = {}) =>
  ({ supervisor: false, processOwner: false, admin: false, reportDepartments: [], ...o })

/** A fetch that answers each URL as the service would. */
const server = (routes: Record<string, () => Promise<Response>>) =>
  vi.fn((url: string) => (routes[url] ?? (() => json(404, { title: 'Not Found', status: 404 })))())

const user = (roles: string[]) => ({ id: 'u', name: '测试用户', department: '办公室', roles, roleNames: Object.fromEntries(roles.map((r) => [r, r + '名称'])) })

describe('auth store', () => {
  beforeEach(() => setActivePinia(createPinia()))
  afterEach(() => vi.unstubAllGlobals())

  it('signs in, remembers the user and offers the menu the roles allow', async () => {
    const fetch = server({ '/api/auth/login': () => json(200, { token: 't', user: user(['approval-window']) }), '/api/me/access': () => json(200, access()) })
    vi.stubGlobal('fetch', fetch)
    const auth = useAuthStore()
    await auth.login('window', 'window@2026')
    expect(fetch).toHaveBeenCalledWith('/api/auth/login', expect.objectContaining({ method: 'POST', body: JSON.stringify({ username: 'window', password: 'window@2026' }) }))
    expect(auth.signedIn).toBe(true)
    expect(auth.postNames).toEqual(['approval-window名称'])
    const menu = auth.menu.map((m) => m.path)
    expect(menu).toEqual(['/tasks', '/intake', '/delegations', '/cases', '/flows', '/calendar'])
    expect(auth.home).toBe('/tasks')
  })

  it('gives the pages the service says the user may open: the supervision board, the designer, the monthly report', async () => {
    vi.stubGlobal('fetch', server({
      '/api/auth/me': () => json(200, user(['supervisor', 'discipline-inspection'])),
      '/api/me/access': () => json(200, access({ supervisor: true, reportDepartments: [{ id: 'approval', name: '行政审批科' }] })),
    }))
    const auth = useAuthStore()
    await auth.fetchMe()
    expect(auth.menu.map((m) => m.path)).toContain('/supervision')
    expect(auth.menu.map((m) => m.path)).toContain('/reports/monthly')
    expect(auth.menu.map((m) => m.path)).not.toContain('/designer')
    expect(auth.home).toBe('/supervision')
    auth.user = user(['process-owner'])
    auth.access = access({ processOwner: true })
    expect(auth.menu.map((m) => m.path)).toEqual(['/cases', '/flows', '/designer', '/calendar'])
    expect(auth.allows('process-owner')).toBe(true)
    expect(auth.allows('supervisor')).toBe(false)
    auth.user = user(['admin'])
    auth.access = access({ supervisor: true, processOwner: true, admin: true })
    expect(auth.allows('supervisor') && auth.allows('process-owner') && auth.allows('official')).toBe(true)
  })

  it('offers the monthly report to a department head the service names, and not to a supervisor-named role the service refuses', async () => {
    vi.stubGlobal('fetch', server({
      '/api/auth/me': () => json(200, user(['approval-section-chief'])),
      '/api/me/access': () => json(200, access({ reportDepartments: [{ id: 'approval', name: '行政审批科' }] })),
    }))
    const auth = useAuthStore()
    await auth.fetchMe()
    expect(auth.menu.map((m) => m.path)).toContain('/reports/monthly')
    expect(auth.menu.map((m) => m.path)).not.toContain('/supervision')
    auth.user = user(['supervisor'])
    auth.access = access()
    expect(auth.menu.map((m) => m.path)).not.toContain('/reports/monthly')
    expect(auth.menu.map((m) => m.path)).not.toContain('/supervision')
  })

  it('treats 401 from /api/auth/me as signed out', async () => {
    vi.stubGlobal('fetch', vi.fn(() => json(401, { title: 'Unauthorized', status: 401 })))
    const auth = useAuthStore()
    expect(await auth.fetchMe()).toBeNull()
    expect(auth.checked).toBe(true)
    expect(auth.signedIn).toBe(false)
  })

  it('reports a failed sign-in with the server’s Chinese message', async () => {
    vi.stubGlobal('fetch', vi.fn(() => json(401, { title: '登录失败', detail: '用户名或密码错误。', status: 401 })))
    const auth = useAuthStore()
    await expect(auth.login('window', 'x')).rejects.toThrow('用户名或密码错误。')
    expect(auth.signedIn).toBe(false)
  })
})
