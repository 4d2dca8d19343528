import type { FlowDefinition, StepDef } from '@/api/types'

/** Where an edge's target is written in the definition. */
export interface EdgeSlot {
  stepIndex: number
  kind: 'action' | 'route' | 'otherwise' | 'next' | 'branch' | 'join' | 'outcome'
  index?: number
  key?: 'passed' | 'rejected' | 'deferred'
}

export interface GraphNode {
  id: string
  type: 'step'
  position: { x: number; y: number }
  data: { index: number; step: StepDef; start: boolean }
}

export interface GraphEdge {
  id: string
  source: string
  target: string
  label?: string
  type?: string
  animated?: boolean
  class?: string
  data: { slot: EdgeSlot; path: string }
}

export interface Graph {
  nodes: GraphNode[]
  edges: GraphEdge[]
}

export const OUTCOME_LABELS = { passed: '通过', rejected: '未通过', deferred: '暂缓' } as const

/** The node id of a step: its id when it is a usable, unique one, else a stable placeholder by index. */
export function nodeIdOf(def: FlowDefinition, index: number): string {
  const id = def.steps[index]?.id
  if (!id || typeof id !== 'string') return `__step${index}`
  const first = def.steps.findIndex((s) => s.id === id)
  return first === index ? id : `__step${index}`
}

export function slotPath(slot: EdgeSlot): string {
  const base = `steps[${slot.stepIndex}]`
  switch (slot.kind) {
    case 'action':
      return `${base}.actions[${slot.index}].to`
    case 'route':
      return `${base}.routes[${slot.index}].to`
    case 'branch':
      return `${base}.branches[${slot.index}]`
    case 'outcome':
      return `${base}.outcomes.${slot.key}`
    default:
      return `${base}.${slot.kind}`
  }
}

/** Every place a step names another step it leads to, with its current target (possibly empty). */
export function slotsOf(step: StepDef, stepIndex: number): { slot: EdgeSlot; target: string | undefined; label: string }[] {
  const out: { slot: EdgeSlot; target: string | undefined; label: string }[] = []
  ;(step.actions ?? []).forEach((a, index) => {
    if (a && !a.extend) out.push({ slot: { stepIndex, kind: 'action', index }, target: a.to, label: a.name || a.id })
  })
  ;(step.routes ?? []).forEach((r, index) => out.push({ slot: { stepIndex, kind: 'route', index }, target: r?.to, label: r?.when || '条件' }))
  if (step.kind === 'decision' || step.otherwise !== undefined) out.push({ slot: { stepIndex, kind: 'otherwise' }, target: step.otherwise, label: '否则' })
  if (step.kind === 'wait' || step.kind === 'join' || step.next !== undefined)
    out.push({ slot: { stepIndex, kind: 'next' }, target: step.next, label: step.kind === 'wait' ? '期满' : '继续' })
  ;(step.branches ?? []).forEach((b, index) => out.push({ slot: { stepIndex, kind: 'branch', index }, target: b, label: '分支' }))
  if (step.kind === 'parallel' || step.join !== undefined) out.push({ slot: { stepIndex, kind: 'join' }, target: step.join, label: '汇合于' })
  if (step.outcomes)
    for (const key of ['passed', 'rejected', 'deferred'] as const)
      if (key in step.outcomes) out.push({ slot: { stepIndex, kind: 'outcome', key }, target: step.outcomes[key], label: OUTCOME_LABELS[key] })
  return out
}

/** The diagram of a definition: a node per step, an edge per action, route, branch, next or vote outcome. */
export function definitionToGraph(def: FlowDefinition, positions: Record<string, { x: number; y: number }> = {}): Graph {
  const steps = Array.isArray(def.steps) ? def.steps : []
  const ids = new Map<string, string>()
  steps.forEach((s, i) => {
    if (s && typeof s.id === 'string' && !ids.has(s.id)) ids.set(s.id, nodeIdOf(def, i))
  })
  const nodes: GraphNode[] = steps.map((step, index) => {
    const id = nodeIdOf(def, index)
    return { id, type: 'step', position: positions[id] ?? { x: 0, y: index * 100 }, data: { index, step, start: def.start === step?.id } }
  })
  const edges: GraphEdge[] = []
  steps.forEach((step, index) => {
    if (!step) return
    for (const { slot, target, label } of slotsOf(step, index)) {
      if (!target || !ids.has(target)) continue
      const path = slotPath(slot)
      edges.push({
        id: `e:${path}`,
        source: nodeIdOf(def, index),
        target: ids.get(target)!,
        label,
        type: 'smoothstep',
        class: slot.kind === 'join' ? 'edge-join' : slot.kind === 'outcome' ? `edge-outcome-${slot.key}` : undefined,
        data: { slot, path },
      })
    }
  })
  return { nodes, edges }
}

function setSlot(step: StepDef, slot: EdgeSlot, target: string | undefined) {
  switch (slot.kind) {
    case 'action':
      if (step.actions?.[slot.index!]) {
        if (target === undefined) delete step.actions[slot.index!].to
        else step.actions[slot.index!].to = target
      }
      break
    case 'route':
      if (step.routes?.[slot.index!]) step.routes[slot.index!].to = target ?? ''
      break
    case 'branch':
      if (step.branches) {
        if (target === undefined) step.branches.splice(slot.index!, 1)
        else step.branches[slot.index!] = target
      }
      break
    case 'outcome':
      step.outcomes = step.outcomes ?? {}
      if (target === undefined) delete step.outcomes[slot.key!]
      else step.outcomes[slot.key!] = target
      break
    default:
      if (target === undefined) delete step[slot.kind]
      else step[slot.kind] = target
  }
}

/**
 * The definition a diagram stands for: steps in node order, each edge's target written into its slot.
 * Everything else is kept as it was, so definition → graph → definition gives the same JSON.
 */
export function graphToDefinition(base: FlowDefinition, graph: Graph): FlowDefinition {
  const def: FlowDefinition = JSON.parse(JSON.stringify(base))
  const byNode = new Map(graph.nodes.map((n) => [n.id, n]))
  def.steps = graph.nodes.map((n) => JSON.parse(JSON.stringify(n.data.step)))
  const indexOfOld = new Map(graph.nodes.map((n, i) => [n.data.index, i]))
  for (const e of graph.edges) {
    const newIndex = indexOfOld.get(e.data.slot.stepIndex)
    const target = byNode.get(e.target)
    if (newIndex === undefined || !target) continue
    setSlot(def.steps[newIndex], e.data.slot, target.data.step.id)
  }
  return def
}

// ---- Editing operations on the definition itself (the designer's source of truth) ----

/** Points an existing slot at another step. */
export function retarget(def: FlowDefinition, slot: EdgeSlot, targetStepId: string) {
  const step = def.steps[slot.stepIndex]
  if (step) setSlot(step, slot, targetStepId)
}

/** Removes the link of a slot (an action keeps its other properties; a branch is removed). */
export function disconnect(def: FlowDefinition, slot: EdgeSlot) {
  const step = def.steps[slot.stepIndex]
  if (!step) return
  if (slot.kind === 'route' && step.routes) step.routes.splice(slot.index!, 1)
  else setSlot(step, slot, undefined)
}

/**
 * Connects step `sourceIndex` to step `targetId` as a person drawing an arrow means it: the first slot that
 * has no target yet gets it; otherwise a new action (task, wait), route (decision), branch (parallel) or
 * outcome (vote) is added. Returns the slot that was written.
 */
export function connect(def: FlowDefinition, sourceIndex: number, targetId: string): EdgeSlot | null {
  const step = def.steps[sourceIndex]
  if (!step || step.kind === 'end') return null
  const target = def.steps.find((s) => s.id === targetId)
  const free = slotsOf(step, sourceIndex).find((s) => !s.target && s.slot.kind !== 'join')
  if (free) {
    setSlot(step, free.slot, targetId)
    return free.slot
  }
  switch (step.kind) {
    case 'task':
    case 'wait': {
      step.actions = step.actions ?? []
      let id = `to-${targetId}`
      for (let n = 2; step.actions.some((a) => a.id === id); n++) id = `to-${targetId}-${n}`
      step.actions.push({ id, name: `转${target?.name ?? targetId}`, to: targetId })
      if (step.kind === 'wait' && !step.actions[step.actions.length - 1].role) step.actions[step.actions.length - 1].role = step.role ?? def.roles?.[0]?.id ?? ''
      return { stepIndex: sourceIndex, kind: 'action', index: step.actions.length - 1 }
    }
    case 'decision':
      step.routes = step.routes ?? []
      step.routes.push({ when: 'true', to: targetId })
      return { stepIndex: sourceIndex, kind: 'route', index: step.routes.length - 1 }
    case 'parallel':
      step.branches = step.branches ?? []
      step.branches.push(targetId)
      return { stepIndex: sourceIndex, kind: 'branch', index: step.branches.length - 1 }
    case 'join':
      step.next = targetId
      return { stepIndex: sourceIndex, kind: 'next' }
    case 'vote': {
      step.outcomes = step.outcomes ?? {}
      const key = (['passed', 'rejected', 'deferred'] as const).find((k) => !step.outcomes![k]) ?? 'passed'
      step.outcomes[key] = targetId
      return { stepIndex: sourceIndex, kind: 'outcome', key }
    }
  }
  return null
}

/** Renames a step and every reference to it in the definition. */
export function renameStep(def: FlowDefinition, index: number, newId: string) {
  const old = def.steps[index]?.id
  if (!old || old === newId) return
  const swap = (v: unknown) => (v === old ? newId : v)
  def.steps[index].id = newId
  if (def.start === old) def.start = newId
  if (def.layout?.[old]) {
    def.layout[newId] = def.layout[old]
    delete def.layout[old]
  }
  for (const s of def.steps) {
    s.actions?.forEach((a) => (a.to = swap(a.to) as string))
    s.routes?.forEach((r) => (r.to = swap(r.to) as string))
    if (s.otherwise) s.otherwise = swap(s.otherwise) as string
    if (s.next) s.next = swap(s.next) as string
    if (s.join) s.join = swap(s.join) as string
    if (s.branches) s.branches = s.branches.map((b) => swap(b) as string)
    if (s.outcomes) for (const k of Object.keys(s.outcomes) as (keyof typeof s.outcomes)[]) s.outcomes[k] = swap(s.outcomes[k]) as string
    // a hearing fragment (kind "hearing") names the step it returns to and the steps whose handlers may not host it
    const hearing = s as { return?: string; reviewSteps?: string[] }
    if (hearing.return) hearing.return = swap(hearing.return) as string
    if (Array.isArray(hearing.reviewSteps)) hearing.reviewSteps = hearing.reviewSteps.map((x) => swap(x) as string)
    // risk checks name steps in their parameters (separation-of-duties: steps; notice-period-complete: step; collective-decision: vote)
    for (const c of s.checks ?? []) {
      const p = c.params as Record<string, unknown> | undefined
      if (!p) continue
      if (Array.isArray(p.steps)) p.steps = p.steps.map(swap)
      for (const key of ['step', 'vote']) if (typeof p[key] === 'string') p[key] = swap(p[key])
    }
  }
  const limits = def.limits as { clockStartsAt?: string; clockStopsAt?: string[] } | undefined
  if (limits?.clockStartsAt === old) limits.clockStartsAt = newId
  if (limits?.clockStopsAt) limits.clockStopsAt = limits.clockStopsAt.map((x) => swap(x) as string)
  if (def.withdrawal) {
    if (def.withdrawal.to === old) def.withdrawal.to = newId
    if (def.withdrawal.allowedAt) def.withdrawal.allowedAt = def.withdrawal.allowedAt.map((x) => swap(x) as string)
  }
  // a batch names the steps whose action decides the items
  const batch = (def as { batch?: { decideAt?: { step?: string }[] } }).batch
  for (const point of batch?.decideAt ?? []) if (point.step) point.step = swap(point.step) as string
}

/** A new step of a kind with what that kind needs. */
export function newStep(def: FlowDefinition, kind: StepDef['kind']): StepDef {
  let n = def.steps.length + 1
  let id = `step-${n}`
  while (def.steps.some((s) => s.id === id)) id = `step-${++n}`
  const role = def.roles?.[0]?.id ?? ''
  switch (kind) {
    case 'task':
      return { id, kind, name: '新办理环节', role, timeLimit: { duration: '3wd', basis: 'default' }, actions: [] }
    case 'decision':
      return { id, kind, name: '新判断', routes: [], otherwise: '' }
    case 'parallel':
      return { id, kind, name: '并行办理', branches: [], join: '' }
    case 'join':
      return { id, kind, name: '汇合', mode: 'all', next: '' }
    case 'vote':
      return {
        id, kind, name: '集体研究', members: role, chair: role, quorum: 'more-than-half',
        pass: { base: 'members', threshold: 'more-than-half' }, ballot: 'recorded', chairSpeaksLast: true, outcomes: {},
      }
    case 'wait':
      return { id, kind, name: '公示', period: '7d', next: '', actions: [] }
    default:
      return { id, kind: 'end', name: '办结', outcome: 'completed' }
  }
}
