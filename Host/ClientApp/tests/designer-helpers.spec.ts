import { describe, expect, it } from 'vitest'
import type { FlowDefinition } from '@/api/types'
import { EditHistory, shortcutOf } from '@/designer/history'
import { layoutOf, placeInView, visibleRect, writeLayout, NODE_WIDTH } from '@/designer/placement'
import { lintItems } from '@/designer/lint'
import { formatDuration, parseDuration } from '@/designer/duration'
import { cleanParams, parameterChoices, type CheckParameter } from '@/designer/checks'
import { defaultValue, newRule, operatorsFor, ruleCount } from '@/designer/conditions'
import { diffDefinitions } from '@/designer/diff'

const flow = (): FlowDefinition => ({
  id: 'seal', version: 1, name: '用印审批', roles: [{ id: 'office', name: '办公室' }], start: 'apply',
  fields: [
    { id: 'sealType', label: '用印类型', type: 'choice', options: ['合同', '证明'] },
    { id: 'amount', label: '金额', type: 'number' },
    { id: 'attendees', label: '参会人员', type: 'list' },
    { id: 'materials', label: '材料', type: 'materials', items: [{ id: 'draft', name: '用印文稿', required: true }] },
  ],
  constants: { threshold: 30000, label: 'x' },
  steps: [
    { id: 'apply', kind: 'task', name: '申请', actions: [{ id: 'submit', name: '提交', to: 'meeting' }] },
    { id: 'meeting', kind: 'vote', name: '党组会议' },
    { id: 'notice', kind: 'wait', name: '公示' },
    { id: 'done', kind: 'end', name: '办结' },
  ],
})

describe('edit history', () => {
  it('undoes and redoes recorded states, and a new change drops the redo branch', () => {
    const h = new EditHistory('a')
    h.record('b')
    h.record('b')
    h.record('c')
    expect(h.undo()).toBe('b')
    expect(h.undo()).toBe('a')
    expect(h.undo()).toBeUndefined()
    expect(h.redo()).toBe('b')
    h.record('d')
    expect(h.canRedo).toBe(false)
    expect(h.undo()).toBe('b')
    h.reset('z')
    expect(h.canUndo).toBe(false)
    expect(h.state).toBe('z')
  })

  it('keeps at most its limit of steps', () => {
    const h = new EditHistory('0', 3)
    for (let i = 1; i <= 10; i++) h.record(String(i))
    expect([h.undo(), h.undo(), h.undo(), h.undo()]).toEqual(['9', '8', '7', undefined])
  })

  it('reads the shortcuts', () => {
    const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }> = {}) =>
      shortcutOf({ key, ctrlKey: false, metaKey: false, shiftKey: false, ...mods })
    expect(k('z', { ctrlKey: true })).toBe('undo')
    expect(k('Z', { ctrlKey: true, shiftKey: true })).toBe('redo')
    expect(k('y', { metaKey: true })).toBe('redo')
    expect(k('z')).toBeNull()
  })
})

describe('placing a new step', () => {
  const area = { viewport: { x: -1000, y: -500, zoom: 2 }, width: 1200, height: 800 }

  it('computes the visible rectangle in flow coordinates', () => {
    expect(visibleRect(area)).toEqual({ left: 500, top: 250, right: 1100, bottom: 650 })
  })

  it('puts the step at the centre of the view, beside steps already there, and always inside the view', () => {
    const first = placeInView(area, [])
    expect(first).toEqual({ x: 800 - NODE_WIDTH / 2, y: 450 - 36 })
    const second = placeInView(area, [first])
    expect(second).not.toEqual(first)
    const r = visibleRect(area)
    for (const p of [first, second]) {
      expect(p.x).toBeGreaterThanOrEqual(r.left)
      expect(p.x + NODE_WIDTH).toBeLessThanOrEqual(r.right)
      expect(p.y).toBeGreaterThanOrEqual(r.top)
    }
  })

  it('never covers another step, even when the view is full or not measured yet', () => {
    const taken = [{ x: -NODE_WIDTH / 2, y: -36 }]
    const p = placeInView({ viewport: { x: 0, y: 0, zoom: 1 }, width: 0, height: 0 }, taken)
    expect(Math.abs(p.y - taken[0].y)).toBeGreaterThanOrEqual(72)
  })
})

describe('layout in the definition', () => {
  it('writes rounded positions for existing steps only and reads back the well-formed ones', () => {
    const def = flow()
    writeLayout(def, { apply: { x: 10.4, y: 20.6 }, gone: { x: 1, y: 1 }, done: { x: 5, y: 300 } })
    expect(def.layout).toEqual({ apply: { x: 10, y: 21 }, done: { x: 5, y: 300 } })
    def.layout = { apply: { x: 1, y: 2 }, bad: { x: 'l' } as never, worse: null as never }
    expect(layoutOf(def)).toEqual({ apply: { x: 1, y: 2 } })
  })

  it('does not count as a change between versions', () => {
    const a = flow()
    const b = flow()
    writeLayout(b, { apply: { x: 500, y: 500 } })
    expect(diffDefinitions(a, b).same).toBe(true)
  })
})

describe('lint list', () => {
  it('names the step of each error and keeps flow-level errors', () => {
    const items = lintItems([
      { path: 'steps[1].outcomes.passed', line: 30, message: '目标环节不存在' },
      { path: 'riskPoints[0].text', line: 5, message: '缺少必填属性' },
    ], flow())
    expect(items[0]).toMatchObject({ where: '党组会议', stepIndex: 1, nodeId: 'meeting' })
    expect(items[1]).toMatchObject({ where: '流程', line: 5 })
    expect(items[1].stepIndex).toBeUndefined()
  })
})

describe('durations', () => {
  it('splits and joins amount and unit', () => {
    expect(parseDuration('15wd')).toEqual({ amount: 15, unit: 'wd' })
    expect(parseDuration('3mo')).toEqual({ amount: 3, unit: 'mo' })
    expect(parseDuration('soon')).toBeUndefined()
    expect(formatDuration({ amount: 7, unit: 'd' })).toBe('7d')
  })
})

describe('check parameter forms', () => {
  const p = (type: CheckParameter['type'], filter?: string): CheckParameter => ({ name: 'x', label: 'x', type, required: true, filter })

  it('offers the fields, steps, actions and constants that fit', () => {
    const def = flow()
    expect(parameterChoices(p('field', 'list'), def, 0).map((c) => c.value)).toEqual(['attendees'])
    expect(parameterChoices(p('step', 'vote'), def, 0).map((c) => c.value)).toEqual(['meeting'])
    expect(parameterChoices(p('steps'), def, 0)).toHaveLength(4)
    expect(parameterChoices(p('actions'), def, 0)).toEqual([{ value: 'submit', label: '提交' }])
    expect(parameterChoices(p('number-or-constant'), def, 0).map((c) => c.value)).toEqual(['threshold'])
  })

  it('keeps only the parameters the check reads, without empty ones', () => {
    const params: CheckParameter[] = [{ ...p('field'), name: 'field' }, { ...p('number'), name: 'min' }]
    expect(cleanParams(params, { field: 'attendees', min: 2, stray: 1 })).toEqual({ field: 'attendees', min: 2 })
    expect(cleanParams(params, { field: '' })).toBeUndefined()
  })
})

describe('condition builder helpers', () => {
  it('offers operators by field type and starts with a sensible value', () => {
    const [sealType, amount, attendees] = flow().fields!
    expect(operatorsFor(amount).map((o) => o.value)).toContain('>=')
    expect(operatorsFor(attendees).map((o) => o.value)).toEqual(['contains', 'not contains'])
    expect(defaultValue(sealType, '==')).toBe('合同')
    expect(defaultValue(sealType, 'in')).toEqual(['合同'])
    expect(newRule(flow().fields!)).toEqual({ kind: 'rule', field: 'sealType', operator: '==', value: '合同' })
    expect(ruleCount({ kind: 'group', match: 'and', items: [newRule([]), { kind: 'group', match: 'or', items: [newRule([])] }] })).toBe(2)
  })
})
