import { describe, expect, it } from 'vitest'
import { byUrgency, countdown } from '@/utils/countdown'

const now = '2026-03-02T09:00:00+08:00'

describe('countdown colouring', () => {
  it('is green with more than one working day left', () => {
    const c = countdown({ dueAt: '2026-03-10T00:00:00+08:00', workingDaysLeft: 5, now })
    expect(c.level).toBe('ok')
    expect(c.text).toBe('剩余 5 个工作日')
  })

  it('is yellow with one working day or less left', () => {
    expect(countdown({ dueAt: '2026-03-04T00:00:00+08:00', workingDaysLeft: 1, now }).level).toBe('warn')
    expect(countdown({ dueAt: '2026-03-03T00:00:00+08:00', workingDaysLeft: 0, now }).text).toBe('今日到期')
  })

  it('is yellow once past the warning point even with days left', () => {
    const c = countdown({ dueAt: '2026-03-30T00:00:00+08:00', warnAt: '2026-03-02T00:00:00+08:00', workingDaysLeft: 19, now })
    expect(c.level).toBe('warn')
  })

  it('is red when overdue, with the working days over', () => {
    const c = countdown({ dueAt: '2026-02-27T00:00:00+08:00', workingDaysLeft: -2, now })
    expect(c.level).toBe('overdue')
    expect(c.text).toBe('已超期 2 个工作日')
  })

  it('says 已暂停 while the clock is paused, whatever the due date', () => {
    const c = countdown({ dueAt: '2026-02-27T00:00:00+08:00', workingDaysLeft: -2, paused: true, now })
    expect(c.level).toBe('paused')
    expect(c.text).toBe('已暂停')
  })

  it('marks a provisional deadline', () => {
    const c = countdown({ dueAt: '2027-01-08T00:00:00+08:00', workingDaysLeft: 30, provisional: true, now })
    expect(c.provisional).toBe(true)
    expect(c.level).toBe('ok')
  })

  it('sorts overdue first, then due soon, then the rest, paused last', () => {
    const items = [
      { id: 'paused', dueAt: '2026-03-01T00:00:00+08:00', workingDaysLeft: -1, paused: true },
      { id: 'ok', dueAt: '2026-03-20T00:00:00+08:00', workingDaysLeft: 13 },
      { id: 'warn', dueAt: '2026-03-04T00:00:00+08:00', workingDaysLeft: 1 },
      { id: 'none', dueAt: null, workingDaysLeft: null },
      { id: 'overdue', dueAt: '2026-02-27T00:00:00+08:00', workingDaysLeft: -2 },
    ]
    const sorted = byUrgency(items, (i) => countdown({ ...i, now }))
    expect(sorted.map((i) => i.id)).toEqual(['overdue', 'warn', 'ok', 'paused', 'none'])
  })
})
