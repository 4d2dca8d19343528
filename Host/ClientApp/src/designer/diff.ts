import type { FlowDefinition, StepDef } from '@/api/types'

export interface Change {
  path: string
  kind: 'added' | 'removed' | 'changed'
  before?: unknown
  after?: unknown
}

export interface StepChange {
  id: string
  name: string
  changes: Change[]
}

export interface DefinitionDiff {
  stepsAdded: StepDef[]
  stepsRemoved: StepDef[]
  stepsChanged: StepChange[]
  /** Changes outside the steps (name, limits, roles, fields, risk points …). */
  flowChanges: Change[]
  same: boolean
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)
const hasIds = (a: unknown[]) => a.length > 0 && a.every((x) => isObj(x) && typeof x.id === 'string')

/** Differences between two JSON values; arrays of objects with ids are matched by id (`actions[accept].to`). */
export function diffValues(a: unknown, b: unknown, path = ''): Change[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return []
  if (a === undefined) return [{ path, kind: 'added', after: b }]
  if (b === undefined) return [{ path, kind: 'removed', before: a }]
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    return keys.flatMap((k) => diffValues(a[k], b[k], path ? `${path}.${k}` : k))
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    if ((hasIds(a) || a.length === 0) && (hasIds(b) || b.length === 0) && (a.length > 0 || b.length > 0)) {
      const ma = new Map(a.map((x) => [(x as { id: string }).id, x]))
      const mb = new Map(b.map((x) => [(x as { id: string }).id, x]))
      const ids = [...new Set([...ma.keys(), ...mb.keys()])]
      return ids.flatMap((id) => diffValues(ma.get(id), mb.get(id), `${path}[${id}]`))
    }
    if (a.every((x) => !isObj(x) && !Array.isArray(x)) && b.every((x) => !isObj(x) && !Array.isArray(x)))
      return [{ path, kind: 'changed', before: a, after: b }]
    const n = Math.max(a.length, b.length)
    return Array.from({ length: n }, (_, i) => diffValues(a[i], b[i], `${path}[${i}]`)).flat()
  }
  return [{ path, kind: 'changed', before: a, after: b }]
}

/** What changed from one version of a flow to another, step by step. */
export function diffDefinitions(before: FlowDefinition, after: FlowDefinition): DefinitionDiff {
  const sa = new Map((before.steps ?? []).map((s) => [s.id, s]))
  const sb = new Map((after.steps ?? []).map((s) => [s.id, s]))
  const stepsAdded = (after.steps ?? []).filter((s) => !sa.has(s.id))
  const stepsRemoved = (before.steps ?? []).filter((s) => !sb.has(s.id))
  const stepsChanged: StepChange[] = []
  for (const s of after.steps ?? []) {
    const old = sa.get(s.id)
    if (!old) continue
    const changes = diffValues(old, s)
    if (changes.length) stepsChanged.push({ id: s.id, name: s.name, changes })
  }
  // The layout only says where steps are drawn: it never changes what a version means.
  const strip = (d: FlowDefinition) => {
    const { steps: _steps, version: _version, layout: _layout, ...rest } = d
    return rest
  }
  const flowChanges = diffValues(strip(before), strip(after))
  return {
    stepsAdded,
    stepsRemoved,
    stepsChanged,
    flowChanges,
    same: !stepsAdded.length && !stepsRemoved.length && !stepsChanged.length && !flowChanges.length,
  }
}

const LABELS: Record<string, string> = {
  name: '名称', kind: '类型', role: '岗位', description: '说明', timeLimit: '环节时限', duration: '时长', basis: '依据', note: '备注',
  clock: '计时', effect: '计时方式', reason: '暂停原因', risks: '风险点', checks: '风险检查', actions: '动作', to: '去向',
  requires: '需填字段', opinion: '意见', extend: '延期', systemOnly: '仅系统', routes: '路由', when: '条件', otherwise: '否则',
  next: '下一步', branches: '分支', join: '汇合', mode: '方式', period: '期限', outcome: '结果', members: '参会岗位', chair: '主持人',
  recorder: '记录人', quorum: '法定人数', pass: '通过规则', ballot: '表决方式', outcomes: '表决去向', onTimeout: '超时处理',
  after: '超时', action: '动作', limits: '案件时限', statutory: '法定时限', promised: '承诺时限', warning: '预警', extension: '延期',
  fields: '字段', roles: '岗位', riskPoints: '风险点', level: '等级', text: '内容', measures: '防控措施', category: '分类',
  start: '开始环节', withdrawal: '撤回', label: '名称', type: '类型', required: '必填', options: '选项', items: '材料',
  params: '参数', check: '检查', chairSpeaksLast: '末位表态', recusal: '回避', writtenOpinions: '书面意见', clockStartsAt: '起算环节',
  clockStopsAt: '止算环节', assignee: '审批人', signMode: '会签方式', cc: '抄送', constants: '常量', source: '出处', allowedAt: '可撤回环节', percentUsed: '已用比例', remaining: '剩余',
  batch: '逐项决定', itemsField: '事项清单字段', decideAt: '逐项决定的动作', step: '环节', until: '截止月日', untilField: '截止日期字段',
}

/** `timeLimit.duration` → “环节时限 › 时长”; ids in brackets are kept: `actions[pass].to` → “动作 pass › 去向”. */
export function readablePath(path: string): string {
  return path
    .split('.')
    .map((part) => {
      const m = /^([^[]+)((?:\[[^\]]+\])*)$/.exec(part)
      if (!m) return part
      const label = LABELS[m[1]] ?? m[1]
      const ids = [...m[2].matchAll(/\[([^\]]+)\]/g)].map((x) => x[1])
      return ids.length ? `${label} ${ids.join(' ')}` : label
    })
    .join(' › ')
}

export function show(v: unknown): string {
  if (v === undefined) return '（无）'
  if (typeof v === 'string') return v
  return JSON.stringify(v)
}
