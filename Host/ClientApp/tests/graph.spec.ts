import { readFileSync, readdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { FlowDefinition } from '@/api/types'
import { connect, definitionToGraph, disconnect, graphToDefinition, renameStep, retarget } from '@/designer/graph'
import { autoLayout } from '@/designer/layout'

const flows = resolve(__dirname, '../../../Definitions/flows')
const load = (id: string): FlowDefinition => JSON.parse(readFileSync(resolve(flows, `${id}.json`), 'utf8'))

describe('definition ↔ graph', () => {
  it('has a node per step and an edge per action, route, branch and outcome', () => {
    const def = load('licensing-approval')
    const g = definitionToGraph(def)
    expect(g.nodes).toHaveLength(def.steps.length)
    expect(g.nodes.find((n) => n.id === 'intake')!.data.start).toBe(true)
    const fromIntake = g.edges.filter((e) => e.source === 'intake').map((e) => `${e.label}→${e.target}`)
    expect(fromIntake).toEqual(['受理→review', '一次性告知补正→correction', '不予受理→refused', '视为受理→review'])
    const route = g.edges.find((e) => e.source === 'route-kind' && e.target === 'approve-window')!
    expect(route.label).toBe("kind == '即办件'")
    expect(route.data.path).toBe('steps[4].routes[0].to')
    // the extension action does not move the case: no edge
    expect(g.edges.some((e) => e.label?.startsWith('延长'))).toBe(false)
  })

  it('round-trips every shipped flow to the same JSON', () => {
    const files = readdirSync(flows).filter((f) => f.endsWith('.json'))
    expect(files.length).toBeGreaterThan(50)
    for (const f of files) {
      const def: FlowDefinition = JSON.parse(readFileSync(resolve(flows, f), 'utf8'))
      const back = graphToDefinition(def, definitionToGraph(def))
      expect(JSON.stringify(back), f).toBe(JSON.stringify(def))
    }
  })

  it('writes a moved edge back into its slot', () => {
    const def = load('licensing-approval')
    const g = definitionToGraph(def)
    const e = g.edges.find((x) => x.source === 'review' && x.target === 'route-kind')!
    const [, step, action] = e.data.path.match(/^steps\[(\d+)\]\.actions\[(\d+)\]\.to$/)!.map(Number)
    e.target = 'approve-window'
    const back = graphToDefinition(def, g)
    expect(back.steps[step].actions![action].to).toBe('approve-window')
    expect(def.steps[step].actions![action].to).toBe('route-kind')
  })

  it('connecting creates an action, a route or a branch; retarget and disconnect edit the slot', () => {
    const def = load('licensing-approval')
    const review = def.steps.findIndex((s) => s.id === 'review')
    const slot = connect(def, review, 'granted')!
    expect(slot.kind).toBe('action')
    expect(def.steps[review].actions!.at(-1)).toMatchObject({ id: 'to-granted', to: 'granted' })
    retarget(def, slot, 'denied')
    expect(def.steps[review].actions!.at(-1)!.to).toBe('denied')
    disconnect(def, slot)
    expect(def.steps[review].actions!.at(-1)!.to).toBeUndefined()
    const decision = def.steps.findIndex((s) => s.id === 'route-kind')
    expect(connect(def, decision, 'issue')).toMatchObject({ kind: 'route', index: 1 })
    expect(def.steps[decision].routes![1]).toEqual({ when: 'true', to: 'issue' })
    expect(connect(def, def.steps.findIndex((s) => s.id === 'granted'), 'intake')).toBeNull()
  })

  it('renaming a step renames every reference to it', () => {
    const def = load('licensing-approval')
    renameStep(def, def.steps.findIndex((s) => s.id === 'review'), 'section-review')
    const text = JSON.stringify(def)
    expect(text).not.toContain('"review"')
    expect(def.limits!.clockStartsAt).toBe('section-review')
    expect(def.withdrawal!.allowedAt).toContain('section-review')
  })

  it('renames the step a batch decides its items at', () => {
    const def = load('public-place-hygiene-licensing')
    renameStep(def, def.steps.findIndex((s) => s.id === 'sign'), 'chief-sign')
    expect(JSON.stringify(def)).not.toContain('"sign"')
    expect((def as { batch?: { decideAt: { step: string }[] } }).batch!.decideAt[0].step).toBe('chief-sign')
  })

  it('lays the steps out top to bottom', () => {
    const def = load('licensing-approval')
    const g = definitionToGraph(def)
    const pos = autoLayout(g.nodes, g.edges)
    expect(Object.keys(pos)).toHaveLength(def.steps.length)
    expect(pos['intake'].y).toBeLessThan(pos['review'].y)
    expect(pos['review'].y).toBeLessThan(pos['granted'].y)
  })
})
