import { defineStore } from 'pinia'
import { api } from '@/api/http'
import type { AgencyNameDto } from '@/api/types'

/** The agency's names as set on the 文书设置 page (GET /api/agency): the header shows the full name. */
export const useAgencyStore = defineStore('agency', {
  state: () => ({ fullName: '', shortName: '' }),
  actions: {
    async refresh() {
      const r = await api.get<AgencyNameDto>('/api/agency')
      this.fullName = r.fullName
      this.shortName = r.shortName
      return r
    },
  },
})
