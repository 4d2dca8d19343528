import { defineStore } from 'pinia'
import { api } from '@/api/http'
import type { CalendarYearView } from '@/api/types'

/** The engine's working-day calendar, year by year (the calendar page). */
export const useCalendarStore = defineStore('calendar', {
  state: () => ({ years: {} as Record<number, CalendarYearView> }),
  actions: {
    async year(year: number, reload = false) {
      if (!this.years[year] || reload) {
        const view = await api.get<CalendarYearView>(`/api/calendar/${year}`)
        this.years[year] = view
      }
      return this.years[year]
    },
  },
})
