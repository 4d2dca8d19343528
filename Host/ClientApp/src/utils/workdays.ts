import type { CalendarDay } from '@/api/types'

/** Working days after `from` up to and including `to` (both yyyy-MM-dd); negative when `to` is before `from`. */
export function workingDaysBetween(days: Map<string, CalendarDay>, from: string, to: string): number | null {
  if (from === to) return 0
  const sign = to > from ? 1 : -1
  const [a, b] = sign > 0 ? [from, to] : [to, from]
  let count = 0
  let d = nextDay(a)
  while (d <= b) {
    const day = days.get(d)
    if (!day) return null
    if (day.working) count++
    d = nextDay(d)
  }
  return sign * count
}

export function nextDay(date: string) {
  const t = new Date(date + 'T00:00:00Z').getTime() + 86400000
  return new Date(t).toISOString().slice(0, 10)
}
