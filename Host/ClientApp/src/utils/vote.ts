import type { VoteDto, VoteMemberDto } from '@/api/types'

/** What a member may do in a vote panel, following DOMAIN §4 and the engine's rules. */
export interface VoteRules {
  /** Present, not recused members other than the chair who have not voted yet. */
  waitingForOthers: VoteMemberDto[]
  /** The chair (head) may vote only after every other present member (末位表态). */
  chairMayVote: boolean
  me: VoteMemberDto | undefined
  canAttend: boolean
  canRecuse: boolean
  canWriteOpinion: boolean
  canCast: boolean
  castDisabledReason: string | null
  /** Whether choices may be shown next to names: never for an anonymous ballot. */
  showChoices: boolean
  quorumMet: boolean
}

export function voteRules(vote: VoteDto, userId: string): VoteRules {
  const me = vote.members.find((m) => m.id === userId)
  const chairVoted = vote.members.some((m) => m.chair && m.voted)
  const waitingForOthers = vote.members.filter((m) => !m.chair && m.present && !m.recused && !m.voted)
  const chairMayVote = !vote.chairSpeaksLast || waitingForOthers.length === 0
  let castDisabledReason: string | null = null
  if (!me) castDisabledReason = '您不是参会成员'
  else if (me.recused) castDisabledReason = '您已回避本议题'
  else if (!me.present) castDisabledReason = '请先签到出席'
  else if (me.voted) castDisabledReason = '您已投票'
  else if (chairVoted) castDisabledReason = '主持人已末位表态'
  else if (me.chair && !chairMayVote)
    castDisabledReason = `主持人须末位表态，请待其他成员表态（尚未表态：${waitingForOthers.map((m) => m.name).join('、')}）`
  return {
    waitingForOthers,
    chairMayVote,
    me,
    canAttend: !!me && !me.present && !me.recused && !chairVoted,
    canRecuse: !!me && !me.recused && !me.voted,
    canWriteOpinion: !!me && !me.present && !me.recused,
    canCast: castDisabledReason === null,
    castDisabledReason,
    showChoices: vote.ballot === 'recorded',
    quorumMet: vote.quorum === 'two-thirds' ? vote.present * 3 >= vote.eligible * 2 : vote.present * 2 > vote.eligible,
  }
}

export const QUORUM_NAMES: Record<string, string> = { 'more-than-half': '过半数', 'two-thirds': '三分之二以上' }
export const PASS_BASE_NAMES: Record<string, string> = { members: '应到成员', present: '到会成员', voting: '参加表决成员' }
export const BALLOT_NAMES: Record<string, string> = { anonymous: '无记名投票', recorded: '记名表决' }

/** The member's status line: never reveals an anonymous choice. */
export function memberStatus(m: VoteMemberDto, showChoices: boolean): string {
  if (m.recused) return `回避${m.recusalReason ? `（${m.recusalReason}）` : ''}`
  if (!m.present) return m.writtenOpinion ? '缺席（已提交书面意见）' : '缺席'
  if (m.voted) return showChoices && m.ballot ? `已表决：${m.ballot}` : '已投票'
  return '出席，未表态'
}
