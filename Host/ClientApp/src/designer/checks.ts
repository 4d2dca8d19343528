import type { FlowDefinition } from '@/api/types'

/** A parameter of a risk check as the check catalog describes it (the core's RiskCheckParameter). */
export interface CheckParameter {
  name: string
  label: string
  type: 'field' | 'step' | 'steps' | 'actions' | 'number' | 'number-or-constant' | 'expression' | 'text'
  required: boolean
  filter?: string | null
  hint?: string | null
}

export interface CheckInfo {
  name: string
  title: string
  description: string
  parameters: CheckParameter[]
}

export interface Choice {
  value: string
  label: string
}

/** The choices for a parameter that names something of the flow: fields of the right type, steps of the right kind, actions of this step. */
export function parameterChoices(p: CheckParameter, def: FlowDefinition, stepIndex: number): Choice[] {
  switch (p.type) {
    case 'field':
      return (def.fields ?? []).filter((f) => !p.filter || f.type === p.filter).map((f) => ({ value: f.id, label: f.label }))
    case 'step':
    case 'steps':
      return (def.steps ?? []).filter((s) => p.type === 'steps' || !p.filter || s.kind === p.filter).map((s) => ({ value: s.id, label: s.name }))
    case 'actions':
      return (def.steps?.[stepIndex]?.actions ?? []).map((a) => ({ value: a.id, label: a.name }))
    case 'number-or-constant':
      return Object.entries(def.constants ?? {}).filter(([, v]) => typeof v === 'number').map(([k, v]) => ({ value: k, label: `${k}（${v}）` }))
    default:
      return []
  }
}

/** Drops parameters the check does not read and empty values, so that the binding's params hold only what the form shows. */
export function cleanParams(parameters: CheckParameter[], params: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {}
  for (const p of parameters) {
    const v = params?.[p.name]
    if (v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)) continue
    out[p.name] = v
  }
  return Object.keys(out).length ? out : undefined
}
