import { describe, expect, it } from 'vitest'
import { fieldError, mapErrors, parseStepPath } from '@/designer/errors'
import type { FlowDefinition } from '@/api/types'

const def: FlowDefinition = {
  id: 'f', version: 1, name: '测试', roles: [], start: 'a',
  steps: [
    { id: 'a', kind: 'task', name: 'A', actions: [{ id: 'go', name: '去', to: 'b' }] },
    { id: 'b', kind: 'task', name: 'B' },
    { id: 'b', kind: 'task', name: '重复的 B' },
    { id: 'c', kind: 'task', name: 'C', actions: [{ id: 'x', name: 'X', to: 'nowhere' }] },
  ],
}

describe('JSON path → node and field', () => {
  it('parses a step path', () => {
    expect(parseStepPath('steps[3].actions[0].to')).toEqual({ stepIndex: 3, rest: 'actions[0].to' })
    expect(parseStepPath('steps[12]')).toEqual({ stepIndex: 12, rest: '' })
    expect(parseStepPath('limits.clockStartsAt')).toBeNull()
  })

  it('pins an error to the node of the step at that index, and to the field in the side panel', () => {
    const m = mapErrors([{ path: 'steps[3].actions[0].to', line: 40, message: '目标环节“nowhere”不存在' }], def)
    expect([...m.byNode.keys()]).toEqual(['c'])
    expect(m.byNode.get('c')![0].message).toContain('nowhere')
    expect(m.byStepField.get(3)!.get('actions[0].to')).toContain('nowhere')
    expect(fieldError(m.byStepField.get(3), 'actions[0]')).toContain('nowhere')
    expect(fieldError(m.byStepField.get(3), 'actions[1]')).toBeUndefined()
    expect(m.general).toEqual([])
  })

  it('uses the index for a step whose id is a duplicate', () => {
    const m = mapErrors([{ path: 'steps[2].id', line: 9, message: '环节编号重复' }], def)
    expect([...m.byNode.keys()]).toEqual(['__step2'])
  })

  it('keeps flow-level errors apart', () => {
    const m = mapErrors(
      [
        { path: 'limits.clockStartsAt', line: 3, message: '起算环节不存在' },
        { path: 'steps[9].name', line: 99, message: '越界' },
      ],
      def,
    )
    expect(m.general.map((e) => e.path)).toEqual(['limits.clockStartsAt', 'steps[9].name'])
    expect(m.byNode.size).toBe(0)
  })

  it('joins several errors on the same field', () => {
    const m = mapErrors(
      [
        { path: 'steps[1].timeLimit', line: 5, message: '甲' },
        { path: 'steps[1].timeLimit', line: 5, message: '乙' },
      ],
      def,
    )
    expect(m.byNode.get('b')).toHaveLength(2)
    expect(m.byStepField.get(1)!.get('timeLimit')).toBe('甲；乙')
  })
})
