import type { DefinitionError, FlowDefinition } from '@/api/types'
import { nodeIdOf } from './graph'
import { parseStepPath } from './errors'

export interface LintItem {
  message: string
  path: string
  line: number
  /** The step the error is in, when it is in one. */
  stepIndex?: number
  nodeId?: string
  where: string
}

/** The server's validation errors as a list: each names where it is (the step's name, or 流程). */
export function lintItems(errors: DefinitionError[], def: FlowDefinition | null): LintItem[] {
  return errors.map((e) => {
    const p = parseStepPath(e.path)
    const step = p && def?.steps?.[p.stepIndex]
    if (p && step && def)
      return { message: e.message, path: e.path, line: e.line, stepIndex: p.stepIndex, nodeId: nodeIdOf(def, p.stepIndex), where: step.name || step.id }
    return { message: e.message, path: e.path, line: e.line, where: '流程' }
  })
}
