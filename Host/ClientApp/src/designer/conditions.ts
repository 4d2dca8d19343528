import type { FieldDef } from '@/api/types'

/** The builder tree the core converts to and from condition text (POST /api/expressions/builder and /format). */
export interface ConditionTree {
  kind: 'group' | 'rule'
  match?: 'and' | 'or'
  items?: ConditionTree[]
  field?: string
  operator?: string
  value?: unknown
  valueField?: string | null
}

export const OPERATORS: { value: string; label: string }[] = [
  { value: '==', label: '等于' },
  { value: '!=', label: '不等于' },
  { value: '>', label: '大于' },
  { value: '>=', label: '大于等于' },
  { value: '<', label: '小于' },
  { value: '<=', label: '小于等于' },
  { value: 'in', label: '属于' },
  { value: 'not in', label: '不属于' },
  { value: 'contains', label: '包含' },
  { value: 'not contains', label: '不包含' },
]

/** The operators that make sense for a field of this type. */
export function operatorsFor(field: FieldDef | undefined): { value: string; label: string }[] {
  const pick = (...ops: string[]) => OPERATORS.filter((o) => ops.includes(o.value))
  switch (field?.type) {
    case 'number':
    case 'date':
      return pick('==', '!=', '>', '>=', '<', '<=')
    case 'boolean':
      return pick('==', '!=')
    case 'choice':
    case 'text':
      return pick('==', '!=', 'in', 'not in')
    case 'list':
    case 'materials':
      return pick('contains', 'not contains')
    default:
      return OPERATORS
  }
}

/** The value a new rule on this field starts with: the first option, 0, true, or empty text. */
export function defaultValue(field: FieldDef | undefined, operator: string): unknown {
  if (operator === 'in' || operator === 'not in') return field?.options?.slice(0, 1) ?? []
  switch (field?.type) {
    case 'number':
      return 0
    case 'boolean':
      return true
    case 'choice':
      return field.options?.[0] ?? ''
    case 'materials':
      return field.items?.[0]?.id ?? ''
    default:
      return ''
  }
}

export function newRule(fields: FieldDef[]): ConditionTree {
  const field = fields[0]
  const operator = operatorsFor(field)[0].value
  return { kind: 'rule', field: field?.id ?? '', operator, value: defaultValue(field, operator) }
}

/** Number of rules in a tree (an empty tree means “always”). */
export function ruleCount(tree: ConditionTree): number {
  return tree.kind === 'rule' ? 1 : (tree.items ?? []).reduce((n, i) => n + ruleCount(i), 0)
}
