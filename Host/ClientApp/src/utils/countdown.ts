// The coloured countdown of a work item or task: green, yellow (≤ 1 working day or past the warning point),
// red (overdue), grey when the clock is paused; “暂定” when the deadline is provisional.

export type CountdownLevel = 'ok' | 'warn' | 'overdue' | 'paused' | 'none'

export interface CountdownInput {
  dueAt: string | null
  warnAt?: string | null
  provisional?: boolean
  paused?: boolean
  /** Working days from today to the due day; negative when overdue (the API's workingDaysLeft). */
  workingDaysLeft: number | null
  now: Date | string
}

export interface Countdown {
  level: CountdownLevel
  text: string
  provisional: boolean
  /** Sort key: smaller is more urgent. */
  urgency: number
}

export function countdown(input: CountdownInput): Countdown {
  const provisional = !!input.provisional
  if (input.paused) return { level: 'paused', text: '已暂停', provisional, urgency: 3e12 }
  if (!input.dueAt) return { level: 'none', text: '无时限', provisional, urgency: 4e12 }
  const now = typeof input.now === 'string' ? new Date(input.now).getTime() : input.now.getTime()
  const due = new Date(input.dueAt).getTime()
  const left = input.workingDaysLeft
  if (now >= due) {
    const days = left !== null && left < 0 ? -left : 0
    return {
      level: 'overdue',
      text: days > 0 ? `已超期 ${days} 个工作日` : '已超期',
      provisional,
      urgency: due - 1e12,
    }
  }
  const warned = (input.warnAt && now >= new Date(input.warnAt).getTime()) || (left !== null && left <= 1)
  const text =
    left === null ? '未超期' : left <= 0 ? '今日到期' : `剩余 ${Number.isInteger(left) ? left : left.toFixed(1)} 个工作日`
  return { level: warned ? 'warn' : 'ok', text, provisional, urgency: warned ? due : due + 1e12 }
}

export function countdownClass(level: CountdownLevel) {
  return `countdown countdown--${level}`
}

/** Sorts work items by urgency: overdue first, then due soon, then the rest, paused last. */
export function byUrgency<T>(items: T[], of: (item: T) => Countdown): T[] {
  return [...items].sort((a, b) => of(a).urgency - of(b).urgency)
}
