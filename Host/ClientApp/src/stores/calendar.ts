import { defineStore } from 'pinia'
import { api } from '@/api/http'
import type { CalendarDay, CalendarYearView } from '@/api/types'
import { workingDaysBetween } from '@/utils/workdays'

/** The engine's working-day calendar, year by year, for counting working days left on the case page. */
export const useCalendarStore = defineStore('calendar', {
  state: () => ({ years: {} as Record<number, CalendarYearView>, days: new Map<string, CalendarDay>() }),
  actions: {
    async year(year: number, reload = false) {
      if (!this.years[year] || reload) {
        const view = await api.get<CalendarYearView>(`/api/calendar/${year}`)
        this.years[year] = view
        for (const d of view.days) this.days.set(d.date, d)
      }
      return this.years[year]
    },
    async ensure(from: string, to: string) {
      const a = Number(from.slice(0, 4))
      const b = Number(to.slice(0, 4))
      for (let y = Math.min(a, b); y <= Math.max(a, b); y++) await this.year(y)
    },
    async workingDaysLeft(today: string, lastDay: string) {
      await this.ensure(today, lastDay)
      return workingDaysBetween(this.days, today, lastDay)
    },
    /** The engine's count: the last day of `add` (5wd, 7d, 2h) after `from` (GET /api/calendar/deadline). */
    deadline(from: string, add: string) {
      return api.get<{ dueDate: string; dueAt: string; provisional: boolean }>(
        `/api/calendar/deadline?from=${encodeURIComponent(from)}&add=${encodeURIComponent(add)}`,
      )
    },
  },
})
