import { defineStore } from 'pinia'
import { api, ApiError } from '@/api/http'
import type { Access, LoginResponse, User } from '@/api/types'

export const SYSTEM_ROLES = ['admin', 'process-owner', 'supervisor'] as const

export interface MenuItem {
  path: string
  title: string
  icon: string
}

/**
 * The signed-in user and what the menu offers them. Which role-gated pages they may open and which departments' monthly
 * reports they may read is the service's answer (`/api/me/access`), not worked out here.
 */
export const useAuthStore = defineStore('auth', {
  state: () => ({
    user: null as User | null,
    checked: false,
    /** After a first sign-in (or an administrator's reset): a token good only for changing the password. */
    pendingToken: null as string | null,
    pendingUser: null as User | null,
    access: null as Access | null,
  }),
  getters: {
    signedIn: (s) => !!s.user,
    roles: (s): string[] => s.user?.roles ?? [],
    isAdmin: (s): boolean => s.access?.admin ?? false,
    isProcessOwner: (s): boolean => s.access?.processOwner ?? false,
    isSupervisor: (s): boolean => s.access?.supervisor ?? false,
    /** Departments whose monthly report (月度报告) the service lets the user read. */
    mayReadReports: (s): boolean => (s.access?.reportDepartments.length ?? 0) > 0,
    /** Holds an agency post (窗口, 科室, 领导 …), i.e. acts on cases. */
    isOfficial(): boolean {
      return this.roles.some((r) => !(SYSTEM_ROLES as readonly string[]).includes(r))
    },
    /** The user's posts, by name, for the header. */
    postNames(s): string[] {
      return this.roles.map((r) => s.user?.roleNames?.[r] ?? r)
    },
    menu(): MenuItem[] {
      const items: MenuItem[] = []
      if (this.isOfficial || this.isAdmin) {
        items.push({ path: '/tasks', title: '待办事项', icon: 'List' })
        items.push({ path: '/intake', title: '收件受理', icon: 'DocumentAdd' })
        items.push({ path: '/delegations', title: '我的委托', icon: 'Switch' })
      }
      items.push({ path: '/cases', title: '案件查询', icon: 'Folder' })
      items.push({ path: '/flows', title: '流程目录', icon: 'Share' })
      if (this.isSupervisor) items.push({ path: '/supervision', title: '电子监察', icon: 'Warning' })
      if (this.mayReadReports) items.push({ path: '/reports/monthly', title: '月度报告', icon: 'Printer' })
      if (this.isAdmin) items.push({ path: '/organisation', title: '组织机构', icon: 'OfficeBuilding' })
      if (this.isAdmin) items.push({ path: '/document-settings', title: '文书设置', icon: 'Document' })
      if (this.isProcessOwner) items.push({ path: '/designer', title: '流程设计', icon: 'EditPen' })
      items.push({ path: '/calendar', title: '工作日历', icon: 'Calendar' })
      return items
    },
    /** Where to go after signing in. */
    home(): string {
      if (this.roles.includes('supervisor')) return '/supervision'
      if (this.isOfficial) return '/tasks'
      if (this.isSupervisor) return '/supervision'
      if (this.isProcessOwner) return '/designer'
      return '/cases'
    },
  },
  actions: {
    /** Signs in; returns false when the password must be changed first (see changePassword). */
    async login(username: string, password: string) {
      const r = await api.post<LoginResponse>('/api/auth/login', { username, password }, { quiet401: true })
      if (r.mustChangePassword) {
        this.pendingToken = r.token
        this.pendingUser = r.user
        return false
      }
      this.user = r.user
      this.checked = true
      await this.loadAccess()
      return true
    },
    /** Changes the password (with the pending first-sign-in token if there is one); the answer is a full sign-in. */
    async changePassword(currentPassword: string, newPassword: string) {
      const headers: Record<string, string> = this.pendingToken ? { Authorization: `Bearer ${this.pendingToken}` } : {}
      const r = await api.post<LoginResponse>('/api/auth/password', { currentPassword, newPassword }, { headers, quiet401: !!this.pendingToken })
      this.user = r.user
      this.pendingToken = null
      this.pendingUser = null
      this.checked = true
      await this.loadAccess()
      return r.user
    },
    /** Asks the service what the signed-in user may open. */
    async loadAccess() {
      this.access = this.user ? await api.get<Access>('/api/me/access', { quiet401: true }) : null
    },
    async logoutAll() {
      try {
        await api.post('/api/auth/logout-all', {}, { quiet401: true })
      } finally {
        this.user = null
        this.access = null
      }
    },
    async logout() {
      try {
        await api.post('/api/auth/logout', {}, { quiet401: true })
      } finally {
        this.user = null
        this.access = null
      }
    },
    /** Asks the server who is signed in (the cookie); a 401 means nobody. */
    async fetchMe() {
      try {
        this.user = await api.get<User>('/api/auth/me', { quiet401: true })
        await this.loadAccess()
      } catch (e) {
        if (e instanceof ApiError && e.status === 401) this.user = null
        else throw e
      } finally {
        this.checked = true
      }
      return this.user
    },
    /** Whether a route needing these roles is open to the user. */
    allows(need: 'official' | 'supervisor' | 'process-owner' | 'admin' | undefined) {
      if (!need) return true
      if (need === 'admin') return this.isAdmin
      if (need === 'official') return this.isOfficial || this.isAdmin
      if (need === 'supervisor') return this.isSupervisor
      return this.isProcessOwner
    },
  },
})
