import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import CandidateBallot from '@/components/CandidateBallot.vue'
import CandidateTally from '@/components/CandidateTally.vue'
import { granted, refused } from './fixtures/outlook'

const mountBallot = async (props: InstanceType<typeof CandidateBallot>['$props']) => {
  const w = mount(CandidateBallot, { props, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  return w
}

/** Clicks the radio button with this label in the candidate's row. */
async function choose(w: Awaited<ReturnType<typeof mountBallot>>, name: string, label: string) {
  const row = w.find(`[data-candidate="${name}"]`)
  const button = row.findAll('label').find((l) => l.text() === label)!
  await button.find('input').setValue(true)
}

describe('CandidateBallot', () => {
  it('casts a choice per candidate with a written-in nominee', async () => {
    const w = await mountBallot({ candidates: { names: ['张伟', '李娜'], writeIns: true, maxChoices: null }, castBallot: granted })
    expect(w.findAll('[data-candidate]').map((r) => r.attributes('data-candidate'))).toEqual(['张伟', '李娜'])
    await choose(w, '张伟', '同意')
    await choose(w, '李娜', '不同意')
    await w.find('input[data-test=write-in]').setValue('王强')
    await w.find('[data-test=nominate]').trigger('click')
    expect(w.find('[data-candidate="王强"]').exists()).toBe(true)
    await w.find('[data-test=cast-candidates]').trigger('click')
    expect(w.emitted('command')).toEqual([['cast', { candidates: { 张伟: 'for', 李娜: 'against', 王强: 'for' } }]])
    w.unmount()
  })

  it('holds back a ballot supporting more than the step allows, and shows the core’s reason when the member may not cast', async () => {
    const w = await mountBallot({ candidates: { names: ['张伟', '李娜'], writeIns: false, maxChoices: 1 }, castBallot: granted })
    expect(w.find('[data-test=write-in]').exists()).toBe(false)
    await choose(w, '张伟', '同意')
    await choose(w, '李娜', '同意')
    expect(w.find('[data-test=over-limit]').text()).toContain('超过每票 1 人')
    expect(w.find('[data-test=cast-candidates]').attributes('disabled')).toBeDefined()
    w.unmount()

    const closed = await mountBallot({ candidates: { names: ['张伟'], writeIns: true, maxChoices: null }, castBallot: refused('请先签到出席，再投票。') })
    expect(closed.find('[data-test=ballot-reason]').text()).toBe('请先签到出席，再投票。')
    expect(closed.find('[data-test=cast-candidates]').attributes('disabled')).toBeDefined()
    closed.unmount()
  })
})

describe('CandidateTally', () => {
  it('shows each candidate’s count and who goes on', async () => {
    const w = mount(CandidateTally, {
      props: {
        tally: {
          results: [
            { name: '张伟', for: 5, against: 1, abstain: 0, passed: true },
            { name: '王强', for: 2, against: 3, abstain: 1, passed: false },
          ],
          passed: ['张伟'],
        },
      },
      global: { plugins: [ElementPlus] },
      attachTo: document.body,
    })
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    expect(w.find('[data-passed="张伟"]').text()).toBe('通过，进入下一程序')
    expect(w.find('[data-passed="王强"]').text()).toBe('未通过')
    expect(w.text()).toContain('5')
    expect(w.find('[data-test=goes-on]').text()).toBe('进入下一程序：张伟')
    w.unmount()
  })
})
