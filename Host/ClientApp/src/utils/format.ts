// Dates and durations in China time (UTC+08:00, no daylight saving), in Chinese.

const CHINA_OFFSET_MS = 8 * 3600 * 1000

/** The China-time calendar parts of an instant. */
export function chinaParts(iso: string | Date) {
  const t = (typeof iso === 'string' ? new Date(iso) : iso).getTime() + CHINA_OFFSET_MS
  const d = new Date(t)
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** yyyy-MM-dd of an instant in China time. */
export function isoDate(iso: string | Date) {
  const p = chinaParts(iso)
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`
}

/** 2026年3月30日 */
export function cnDate(iso: string | Date | null | undefined) {
  if (!iso) return '—'
  const p = chinaParts(iso)
  return `${p.year}年${p.month}月${p.day}日`
}

/** 2026年3月30日 from a yyyy-MM-dd date. */
export function cnDateOf(date: string) {
  const [y, m, d] = date.split('-').map(Number)
  return `${y}年${m}月${d}日`
}

/** 2026-03-30 14:05 */
export function dateTime(iso: string | null | undefined) {
  if (!iso) return '—'
  const p = chinaParts(iso)
  return `${p.year}-${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`
}

const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六']
export function cnWeekday(iso: string | Date) {
  return WEEKDAYS[chinaParts(iso).weekday]
}

/**
 * The last day of a period whose due instant is given: a period ends at 24:00 of its last day, which the
 * API writes as 00:00 of the next day; with an office closing time it ends on the day itself.
 */
export function lastDayOf(dueAt: string): string {
  const p = chinaParts(dueAt)
  if (p.hour === 0 && p.minute === 0) return isoDate(new Date(new Date(dueAt).getTime() - 1))
  return isoDate(dueAt)
}

/** “2026年3月30日” for the last day of a period. */
export function cnDue(dueAt: string | null | undefined) {
  return dueAt ? cnDateOf(lastDayOf(dueAt)) : '—'
}

const UNITS: Record<string, string> = { wd: '个工作日', d: '日', h: '小时', mo: '个月', y: '年' }
/**
 * A period as a flow definition writes it, in Chinese (20wd → 20个工作日, 3mo → 3个月), for the flow catalog and the designer,
 * which show definitions. A case's periods come from the API in Chinese (DeadlineOutlook.periodText).
 */
export function durationCn(d: string | null | undefined) {
  if (!d) return '—'
  const m = /^(\d+)(wd|mo|d|h|y)$/.exec(d.trim())
  return m ? `${m[1]}${UNITS[m[2]]}` : d
}

export const LIMIT_NAMES: Record<string, string> = {
  statutory: '法定时限',
  promised: '承诺时限',
  step: '环节时限',
  outside: '外部期限（不计入本机关办理时限）',
}

export const OUTCOME_NAMES: Record<string, string> = {
  completed: '办结',
  granted: '准予',
  denied: '不予',
  withdrawn: '撤回',
  terminated: '终止',
}

export const STEP_KIND_NAMES: Record<string, string> = {
  task: '办理',
  decision: '判断',
  parallel: '并行',
  join: '汇合',
  vote: '集体表决',
  wait: '公示/等待',
  end: '结束',
}

export const LEVEL_NAMES: Record<number, string> = { 1: '一级', 2: '二级', 3: '三级' }

export const EVENT_NAMES: Record<string, string> = {
  'case-started': '启动案件',
  'step-entered': '进入环节',
  'action-taken': '办理',
  'step-cancelled': '环节取消',
  routed: '自动分支',
  'clock-started': '开始计时',
  'clock-paused': '暂停计时',
  'clock-resumed': '恢复计时',
  'clock-stopped': '停止计时',
  'deadline-extended': '延长期限',
  'vote-opened': '开始表决',
  'vote-attended': '签到',
  'vote-recused': '回避',
  'vote-written-opinion': '书面意见',
  'vote-cast': '投票',
  'vote-closed': '表决结果',
  'wait-ended': '期满',
  'deemed-outcome': '视为',
  withdrawn: '撤回',
  'alert-raised': '预警',
  'risk-flagged': '风险记录',
  'case-closed': '办结',
  'task-transferred': '转办',
  'signer-added': '加签',
  'signer-signed': '加签签署',
  urged: '督办',
  'urge-answered': '督办答复',
  'urge-overdue': '督办逾期',
  escalated: '升级督办',
  'document-issued': '出具文书',
  'material-attached': '上传材料',
}

export const VOTE_RESULT_NAMES: Record<string, string> = {
  passed: '通过',
  rejected: '未通过',
  deferred: '暂缓',
  'no-quorum': '不足法定人数',
}

export const CHOICE_NAMES: Record<string, string> = { for: '同意', against: '不同意', abstain: '弃权' }
