import type { DefinitionError, FlowDefinition } from '@/api/types'
import { nodeIdOf } from './graph'

export interface MappedErrors {
  /** Errors by node id (the step the JSON path points into). */
  byNode: Map<string, DefinitionError[]>
  /** Errors by path inside a step, e.g. byStepField.get(3).get('actions[0].to'). */
  byStepField: Map<number, Map<string, string>>
  /** Errors outside the steps (top level: id, roles, limits …). */
  general: DefinitionError[]
}

const STEP_PATH = /^(?:\$\.)?steps\[(\d+)\](?:\.?(.*))?$/

/** Parses `steps[3].actions[0].to` into the step index and the path inside the step. */
export function parseStepPath(path: string): { stepIndex: number; rest: string } | null {
  const m = STEP_PATH.exec(path.trim())
  return m ? { stepIndex: Number(m[1]), rest: m[2] ?? '' } : null
}

/** Pins every validation error to its node (and to the field in the side panel) when its path is inside a step. */
export function mapErrors(errors: DefinitionError[], def: FlowDefinition | null): MappedErrors {
  const result: MappedErrors = { byNode: new Map(), byStepField: new Map(), general: [] }
  for (const e of errors) {
    const p = parseStepPath(e.path)
    if (!p || !def || !Array.isArray(def.steps) || p.stepIndex >= def.steps.length) {
      result.general.push(e)
      continue
    }
    const nodeId = nodeIdOf(def, p.stepIndex)
    result.byNode.set(nodeId, [...(result.byNode.get(nodeId) ?? []), e])
    const fields = result.byStepField.get(p.stepIndex) ?? new Map<string, string>()
    const key = p.rest || 'id'
    fields.set(key, fields.has(key) ? `${fields.get(key)}；${e.message}` : e.message)
    result.byStepField.set(p.stepIndex, fields)
  }
  return result
}

/** The message for a field of a step, also matching a parent path (actions[0] covers actions[0].to). */
export function fieldError(fields: Map<string, string> | undefined, key: string): string | undefined {
  if (!fields) return undefined
  if (fields.has(key)) return fields.get(key)
  for (const [k, v] of fields) if (k.startsWith(key + '.') || k.startsWith(key + '[')) return v
  return undefined
}
