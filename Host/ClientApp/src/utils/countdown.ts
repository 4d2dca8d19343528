import type { DeadlineLevel } from '@/api/types'

// How a time limit is shown. The level (normal / yellow card / red card) and the working days left come from the core
// (DeadlineOutlook, WorkItemDto); nothing here counts days or decides a colour.

export type CountdownState = DeadlineLevel | 'paused' | 'none'

export interface CountdownInput {
  /** The core's level; null when the item has no time limit. */
  level: DeadlineLevel | null | undefined
  /** The core's count of working days from today to the last day; negative once overdue. */
  workingDaysLeft: number | null | undefined
  paused?: boolean
  provisional?: boolean
}

export interface Countdown {
  state: CountdownState
  /** 红牌 / 黄牌, or null for a normal, paused or unlimited item. */
  card: string | null
  text: string
  provisional: boolean
}

export function countdown(input: CountdownInput): Countdown {
  const provisional = !!input.provisional
  if (input.paused) return { state: 'paused', card: null, text: '已暂停', provisional }
  if (!input.level) return { state: 'none', card: null, text: '无时限', provisional }
  const left = input.workingDaysLeft
  if (input.level === 'red') {
    const over = left != null && left < 0 ? -left : 0
    return { state: 'red', card: '红牌', text: over > 0 ? `已超期 ${over} 个工作日` : '已超期', provisional }
  }
  const text = left == null ? '未超期' : left <= 0 ? '今日到期' : `剩余 ${left} 个工作日`
  return { state: input.level, card: input.level === 'yellow' ? '黄牌' : null, text, provisional }
}

export function countdownClass(state: CountdownState) {
  return `countdown countdown--${state}`
}

const ORDER: Record<CountdownState, number> = { red: 0, yellow: 1, normal: 2, paused: 3, none: 4 }

/** Red cards first, then yellow, then the rest, paused and unlimited last; within a level the earliest due first. */
export function byUrgency<T extends { dueAt?: string | null }>(items: T[], of: (item: T) => Countdown): T[] {
  const due = (i: T) => (i.dueAt ? new Date(i.dueAt).getTime() : Number.MAX_SAFE_INTEGER)
  return [...items].sort((a, b) => ORDER[of(a).state] - ORDER[of(b).state] || due(a) - due(b))
}
