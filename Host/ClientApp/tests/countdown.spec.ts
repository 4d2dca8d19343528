import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import CountdownTag from '@/components/CountdownTag.vue'
import { byUrgency, countdown } from '@/utils/countdown'
import type { DeadlineLevel } from '@/api/types'

const tag = (props: { level: DeadlineLevel | null; workingDaysLeft: number | null; paused?: boolean; provisional?: boolean }) =>
  mount(CountdownTag, { props, global: { plugins: [ElementPlus] } })

describe('countdown tag renders the core’s level and days', () => {
  it('shows a normal limit with its working days left', () => {
    const w = tag({ level: 'normal', workingDaysLeft: 5 })
    expect(w.find('[data-test=countdown]').classes()).toContain('countdown--normal')
    expect(w.text()).toContain('剩余 5 个工作日')
    expect(w.find('[data-test=countdown-card]').exists()).toBe(false)
  })

  it('does not turn a step with one working day left yellow when the core says normal', () => {
    const w = tag({ level: 'normal', workingDaysLeft: 1 })
    expect(w.find('[data-test=countdown]').classes()).toContain('countdown--normal')
    expect(w.text()).toContain('剩余 1 个工作日')
    expect(w.text()).not.toContain('黄牌')
  })

  it('shows a yellow card when the core says yellow, whatever the days left', () => {
    const w = tag({ level: 'yellow', workingDaysLeft: 4 })
    expect(w.find('[data-test=countdown]').classes()).toContain('countdown--yellow')
    expect(w.find('[data-test=countdown-card]').text()).toBe('黄牌')
    expect(w.text()).toContain('剩余 4 个工作日')
  })

  it('shows a red card with the working days over', () => {
    const w = tag({ level: 'red', workingDaysLeft: -2 })
    expect(w.find('[data-test=countdown]').classes()).toContain('countdown--red')
    expect(w.find('[data-test=countdown-card]').text()).toBe('红牌')
    expect(w.text()).toContain('已超期 2 个工作日')
  })

  it('says 已暂停 while the clock is paused, whatever the level', () => {
    const w = tag({ level: 'red', workingDaysLeft: -2, paused: true })
    expect(w.find('[data-test=countdown]').classes()).toContain('countdown--paused')
    expect(w.text()).toContain('已暂停')
    expect(w.text()).not.toContain('红牌')
  })

  it('marks a provisional limit and shows 无时限 without a level', () => {
    expect(tag({ level: 'normal', workingDaysLeft: 30, provisional: true }).find('[data-test=provisional]').exists()).toBe(true)
    expect(tag({ level: null, workingDaysLeft: null }).text()).toContain('无时限')
  })

  it('sorts red first, then yellow, then normal, paused and unlimited last', () => {
    const items = [
      { id: 'paused', dueAt: '2026-03-01T00:00:00+08:00', level: 'red' as const, workingDaysLeft: -1, paused: true },
      { id: 'normal', dueAt: '2026-03-04T00:00:00+08:00', level: 'normal' as const, workingDaysLeft: 1 },
      { id: 'yellow', dueAt: '2026-03-20T00:00:00+08:00', level: 'yellow' as const, workingDaysLeft: 13 },
      { id: 'none', dueAt: null, level: null, workingDaysLeft: null },
      { id: 'red', dueAt: '2026-02-27T00:00:00+08:00', level: 'red' as const, workingDaysLeft: -2 },
    ]
    expect(byUrgency(items, countdown).map((i) => i.id)).toEqual(['red', 'yellow', 'normal', 'paused', 'none'])
  })
})
