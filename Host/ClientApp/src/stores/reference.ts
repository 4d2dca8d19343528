import { defineStore } from 'pinia'
import { api } from '@/api/http'
import type { DefinitionRecord, DefinitionSummary, RiskCheckRef, RoleRef } from '@/api/types'

/** Reference data: published flows, posts and risk checks, fetched once. */
export const useReferenceStore = defineStore('reference', {
  state: () => ({
    definitions: [] as DefinitionSummary[],
    roles: [] as RoleRef[],
    checks: [] as RiskCheckRef[],
    records: {} as Record<string, DefinitionRecord>,
  }),
  getters: {
    roleName: (s) => (id: string) => s.roles.find((r) => r.id === id)?.name ?? id,
    categories: (s) => [...new Set(s.definitions.map((d) => d.category ?? '其他'))],
  },
  actions: {
    async loadDefinitions(reload = false) {
      if (!this.definitions.length || reload) this.definitions = await api.get<DefinitionSummary[]>('/api/definitions')
      return this.definitions
    },
    async loadRoles() {
      if (!this.roles.length) this.roles = await api.get<RoleRef[]>('/api/roles')
      return this.roles
    },
    async loadChecks() {
      if (!this.checks.length) this.checks = await api.get<RiskCheckRef[]>('/api/risk-checks')
      return this.checks
    },
    /** A flow's definition at a version (default: the published one); versions never change, so they are cached. */
    async definition(id: string, version?: number) {
      const key = `${id}@${version ?? 'published'}`
      if (!this.records[key] || version === undefined) {
        const rec = await api.get<DefinitionRecord>(`/api/definitions/${encodeURIComponent(id)}${version ? `?version=${version}` : ''}`)
        this.records[key] = rec
        this.records[`${id}@${rec.version}`] = rec
      }
      return this.records[key]
    },
  },
})
