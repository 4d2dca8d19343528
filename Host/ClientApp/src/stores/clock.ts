import { defineStore } from 'pinia'
import { api } from '@/api/http'

/** The engine's clock (GET /api/clock): simulated in demos and tests, so the UI never uses the browser's time for deadlines. */
export const useClockStore = defineStore('clock', {
  state: () => ({ now: null as string | null, mode: 'system' as 'system' | 'simulated', fetchedAt: 0, timer: 0 as number }),
  getters: {
    simulated: (s) => s.mode === 'simulated',
    /** The engine's time now, advanced by the browser's elapsed time since the last fetch. */
    current: (s): Date => (s.now ? new Date(new Date(s.now).getTime() + (Date.now() - s.fetchedAt)) : new Date()),
  },
  actions: {
    async refresh() {
      const r = await api.get<{ now: string; mode: 'system' | 'simulated' }>('/api/clock')
      this.now = r.now
      this.mode = r.mode
      this.fetchedAt = Date.now()
      return r
    },
    start() {
      if (this.timer) return
      this.timer = window.setInterval(() => this.refresh().catch(() => undefined), 30000)
    },
    stop() {
      if (this.timer) window.clearInterval(this.timer)
      this.timer = 0
    },
    /** Moves a simulated clock on (ISO 8601 duration, e.g. P3D); the engine fires everything due in order. */
    async advance(duration: string) {
      const r = await api.post<{ from: string; to: string; timersFired: number }>('/api/clock/advance', { duration })
      await this.refresh()
      return r
    },
  },
})
