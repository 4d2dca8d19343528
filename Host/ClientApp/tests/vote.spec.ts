import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import VotePanel from '@/components/VotePanel.vue'
import type { VoteOutlook } from '@/api/types'
import { granted, member, refused, vote } from './fixtures/outlook'

/** Mounts the panel and waits for the members table (el-table renders its rows after a tick). */
async function mountPanel(v: VoteOutlook, userId: string) {
  const w = mount(VotePanel, { props: { vote: v, userId }, global: { plugins: [ElementPlus] }, attachTo: document.body })
  await flushPromises()
  await new Promise((r) => setTimeout(r, 50))
  return w
}

const chairReason = '主持人须末位表态：请待其他成员表态后再投票（尚未表态：副主任 刘洋）。'

describe('VotePanel renders the vote outlook', () => {
  it('shows a per-member 签到 button only where the core allows it, and posts the member', async () => {
    const v = vote(
      [
        member('director', '主任 陈明', { chair: true, present: true, attend: refused('主任 陈明 已签到。') }),
        member('deputy', '副主任 刘洋', { present: true, attend: refused('副主任 刘洋 已签到。') }),
        member('inspector', '纪检组长 高远', { attend: granted }),
      ],
      { close: granted },
    )
    const w = await mountPanel(v, 'director')
    const buttons = w.findAll('[data-test=member-attend]')
    expect(buttons.map((b) => b.attributes('data-member'))).toEqual(['inspector'])
    expect(buttons[0].text()).toBe('签到')
    await buttons[0].trigger('click')
    expect(w.emitted('command')).toEqual([['attend', { memberId: 'inspector' }]])
    w.unmount()
  })

  it('offers the viewer’s own 签到 from vote.attend', async () => {
    const self = await mountPanel(vote([member('x', '甲', { attend: granted })], { attend: granted, castBallot: refused('请先签到出席，再投票。') }), 'x')
    expect(self.find('[data-test=vote-attend]').exists()).toBe(true)
    self.unmount()
    const done = await mountPanel(vote([member('x', '甲', { present: true })], { attend: refused('甲 已签到。') }), 'x')
    expect(done.find('[data-test=vote-attend]').exists()).toBe(false)
    done.unmount()
  })

  it('disables the chair’s 表决 with the core’s reason until castBallot is allowed', async () => {
    const members = [member('director', '主任 陈明', { chair: true, present: true }), member('deputy', '副主任 刘洋', { present: true })]
    const w = await mountPanel(vote(members, { castBallot: refused(chairReason), waitingFor: ['副主任 刘洋'] }), 'director')
    expect(w.find('[data-test=vote-cast]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test=vote-disabled-reason]').text()).toContain(chairReason)
    expect(w.find('[data-test=waiting-for]').text()).toBe('副主任 刘洋')
    w.unmount()

    const allowed = await mountPanel(vote(members, { castBallot: granted, chairMaySpeak: true }), 'director')
    expect(allowed.find('[data-test=vote-disabled-reason]').exists()).toBe(false)
    expect(allowed.find('[data-test=chair-may-speak]').text()).toBe('主持人可以表态')
    allowed.unmount()
  })

  it('shows the core’s quorum and pass rules and whether the quorum is met', async () => {
    const w = await mountPanel(vote([member('a', '甲')], { quorumRule: '应到成员三分之二以上出席', quorumMet: false }), 'a')
    expect(w.find('[data-test=quorum-rule]').text()).toBe('应到成员三分之二以上出席')
    expect(w.find('[data-test=pass-rule]').text()).toBe('应到成员过半数同意')
    expect(w.find('[data-test=quorum-met]').text()).toBe('未达法定人数')
    w.unmount()
  })

  it('shows only that an anonymous ballot was cast, and a recorded choice by name', async () => {
    const anonymous = await mountPanel(vote([member('deputy', '副主任 刘洋', { present: true, voted: true })]), 'x')
    expect(anonymous.find('[data-member-status=deputy]').text()).toBe('已投票')
    expect(anonymous.find('[data-test=ballot-kind]').text()).toBe('无记名投票')
    anonymous.unmount()
    const recorded = await mountPanel(vote([member('deputy', '副主任 刘洋', { present: true, voted: true, choice: 'for' })], { ballot: 'recorded' }), 'x')
    expect(recorded.find('[data-member-status=deputy]').text()).toBe('已表决：同意')
    recorded.unmount()
  })

  it('offers closing only when the core allows it', async () => {
    expect((await mountPanel(vote([member('a', '甲')]), 'a')).find('[data-test=vote-close]').exists()).toBe(false)
    expect((await mountPanel(vote([member('a', '甲')], { close: granted }), 'a')).find('[data-test=vote-close]').exists()).toBe(true)
  })
})
