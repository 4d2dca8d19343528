import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import VotePanel from '@/components/VotePanel.vue'
import type { TaskDto, VoteDto, VoteMemberDto } from '@/api/types'
import { memberStatus, voteRules } from '@/utils/vote'

const member = (id: string, name: string, o: Partial<VoteMemberDto> = {}): VoteMemberDto => ({
  id, name, present: false, recused: false, recusalReason: null, voted: false, chair: false, writtenOpinion: null, ballot: null, ...o,
})
const vote = (members: VoteMemberDto[], o: Partial<VoteDto> = {}): VoteDto => ({
  round: 1, ballot: 'anonymous', chairSpeaksLast: true, quorum: 'more-than-half', passBase: 'members', passThreshold: 'more-than-half',
  members, eligible: members.filter((m) => !m.recused).length, present: members.filter((m) => m.present && !m.recused).length,
  cast: members.filter((m) => m.voted).length, isMember: true, canClose: true, ...o,
})
const task = (v: VoteDto): TaskDto => ({
  id: 't1', stepId: 'meeting', stepName: '党组会议表决', kind: 'vote', role: 'party-group-member', roleName: '党组成员', description: null,
  enteredAt: '2026-03-02T01:00:00Z', dueAt: null, warnAt: null, provisional: false, actions: [], risks: [], vote: v,
})

describe('vote panel rules', () => {
  it('keeps the head (chair) from voting until every other present member has voted', () => {
    const v = vote([
      member('director', '主任 陈明', { chair: true, present: true }),
      member('deputy', '副主任 刘洋', { present: true }),
      member('deputy2', '副主任 马超', { present: true, voted: true }),
    ])
    const r = voteRules(v, 'director')
    expect(r.chairMayVote).toBe(false)
    expect(r.canCast).toBe(false)
    expect(r.castDisabledReason).toContain('主持人须末位表态')
    expect(r.castDisabledReason).toContain('副主任 刘洋')
    expect(voteRules(v, 'deputy').canCast).toBe(true)

    v.members[1].voted = true
    expect(voteRules(v, 'director').canCast).toBe(true)
  })

  it('lets absent members give written opinions and recused members not vote', () => {
    const v = vote([member('a', '甲'), member('b', '乙', { recused: true, recusalReason: '亲属回避' })])
    expect(voteRules(v, 'a').canWriteOpinion).toBe(true)
    expect(voteRules(v, 'a').castDisabledReason).toBe('请先签到出席')
    expect(voteRules(v, 'b').castDisabledReason).toBe('您已回避本议题')
    expect(memberStatus(v.members[1], false)).toBe('回避（亲属回避）')
  })

  it('never shows choices for an anonymous ballot, shows them for a recorded one', () => {
    const voted = member('a', '甲', { present: true, voted: true, ballot: '同意' })
    expect(memberStatus(voted, voteRules(vote([voted]), 'x').showChoices)).toBe('已投票')
    expect(memberStatus(voted, voteRules(vote([voted], { ballot: 'recorded' }), 'x').showChoices)).toBe('已表决：同意')
  })

  it('computes the quorum', () => {
    const three = [member('a', '甲', { present: true }), member('b', '乙', { present: true }), member('c', '丙')]
    expect(voteRules(vote(three), 'a').quorumMet).toBe(true)
    expect(voteRules(vote(three, { quorum: 'two-thirds' }), 'a').quorumMet).toBe(true)
    const four = [...three, member('d', '丁')]
    expect(voteRules(vote(four, { quorum: 'two-thirds' }), 'a').quorumMet).toBe(false)
  })
})

describe('VotePanel component', () => {
  const mountPanel = (v: VoteDto, userId: string) =>
    mount(VotePanel, { props: { task: task(v), vote: v, userId }, global: { plugins: [ElementPlus] }, attachTo: document.body })

  it('disables the head’s vote while others have not voted, and says why', () => {
    const v = vote([member('director', '主任 陈明', { chair: true, present: true }), member('deputy', '副主任 刘洋', { present: true })])
    const w = mountPanel(v, 'director')
    expect(w.find('[data-test=vote-cast]').attributes('disabled')).toBeDefined()
    expect(w.find('[data-test=vote-disabled-reason]').text()).toContain('尚未表态：副主任 刘洋')
    w.unmount()
  })

  it('shows only that an anonymous ballot was cast', async () => {
    const v = vote([member('deputy', '副主任 刘洋', { present: true, voted: true, ballot: '同意' }), member('x', '纪检组长 高远', { present: true })])
    const w = mountPanel(v, 'x')
    await flushPromises()
    await new Promise((r) => setTimeout(r, 50))
    const members = w.find('[data-test=vote-members]').text()
    expect(members).toContain('已投票')
    expect(members).not.toContain('同意')
    expect(w.find('[data-test=ballot-kind]').text()).toBe('无记名投票')
    w.unmount()
  })
})
