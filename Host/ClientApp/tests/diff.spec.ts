import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FlowDefinition } from '@/api/types'
import { diffDefinitions, diffValues, readablePath } from '@/designer/diff'

const def: FlowDefinition = JSON.parse(readFileSync(resolve(__dirname, '../../../Definitions/flows/licensing-approval.json'), 'utf8'))

describe('version diff', () => {
  it('finds nothing between identical versions', () => {
    expect(diffDefinitions(def, structuredClone(def)).same).toBe(true)
  })

  it('names added, removed and changed steps and the changed properties', () => {
    const v2: FlowDefinition = structuredClone(def)
    v2.version = 2
    v2.steps.find((s) => s.id === 'review')!.timeLimit!.duration = '4wd'
    v2.steps.find((s) => s.id === 'review')!.actions!.find((a) => a.id === 'pass')!.to = 'approve-deputy'
    v2.steps = v2.steps.filter((s) => s.id !== 'inspection')
    v2.steps.push({ id: 'publicity', kind: 'wait', name: '公示', period: '7d', next: 'issue' })
    v2.limits!.promised = { duration: '12wd' }
    const d = diffDefinitions(def, v2)
    expect(d.stepsAdded.map((s) => s.id)).toEqual(['publicity'])
    expect(d.stepsRemoved.map((s) => s.id)).toEqual(['inspection'])
    const review = d.stepsChanged.find((s) => s.id === 'review')!
    expect(review.changes).toContainEqual({ path: 'timeLimit.duration', kind: 'changed', before: '3wd', after: '4wd' })
    expect(review.changes).toContainEqual({ path: 'actions[pass].to', kind: 'changed', before: 'route-kind', after: 'approve-deputy' })
    expect(d.flowChanges.map((c) => c.path)).toContain('limits.promised.duration')
    expect(d.flowChanges.map((c) => c.path)).not.toContain('version')
  })

  it('matches array items by id and reports added and removed ones', () => {
    const c = diffValues({ actions: [{ id: 'a', to: 'x' }] }, { actions: [{ id: 'b', to: 'y' }, { id: 'a', to: 'x' }] })
    expect(c).toEqual([{ path: 'actions[b]', kind: 'added', after: { id: 'b', to: 'y' } }])
  })

  it('reads paths in Chinese', () => {
    expect(readablePath('timeLimit.duration')).toBe('环节时限 › 时长')
    expect(readablePath('actions[pass].to')).toBe('动作 pass › 去向')
  })
})
