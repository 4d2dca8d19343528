import type { FieldDef, MaterialOutlook } from '@/api/types'

/** The control the intake form and action dialogs use for a field. */
export type ControlKind = 'input' | 'number' | 'date' | 'switch' | 'select' | 'tags' | 'checklist'

export interface FormControl {
  field: FieldDef
  control: ControlKind
  required: boolean
  /** For materials: the items, required ones marked. */
  items?: { id: string; name: string; required: boolean }[]
  options?: string[]
}

const CONTROLS: Record<string, ControlKind> = {
  text: 'input',
  number: 'number',
  date: 'date',
  boolean: 'switch',
  choice: 'select',
  list: 'tags',
  materials: 'checklist',
}

/** The form generated from a definition's fields (docs/definition-format.md, “Fields”). */
export function buildForm(fields: FieldDef[], options: { requiredIds?: string[]; only?: string[] } = {}): FormControl[] {
  return fields
    .filter((f) => !options.only || options.only.includes(f.id))
    .map((f) => ({
      field: f,
      control: CONTROLS[f.type] ?? 'input',
      required: !!f.required || !!options.requiredIds?.includes(f.id),
      items: f.type === 'materials' ? (f.items ?? []).map((i) => ({ ...i, required: !!i.required })) : undefined,
      options: f.type === 'choice' ? (f.options ?? []) : undefined,
    }))
}

/** Empty values for a form, or the case's current values where they exist. */
export function initialValues(fields: FieldDef[], current: Record<string, unknown> = {}): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  for (const f of fields) {
    const v = current[f.id]
    if (v !== undefined && v !== null) values[f.id] = Array.isArray(v) ? [...v] : v
    else values[f.id] = f.type === 'list' || f.type === 'materials' ? [] : f.type === 'boolean' ? false : f.type === 'number' ? undefined : ''
  }
  return values
}

export function isEmpty(v: unknown) {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0)
}

/** Messages for required fields that are empty; each names the field (“请填写申请人”). */
export function validateValues(controls: FormControl[], values: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {}
  for (const c of controls) {
    const v = values[c.field.id]
    if (c.required && c.control !== 'switch' && c.control !== 'checklist' && isEmpty(v))
      errors[c.field.id] = `${c.control === 'select' || c.control === 'date' ? '请选择' : '请填写'}${c.field.label}`
    if (c.control === 'number' && !isEmpty(v) && Number.isNaN(Number(v))) errors[c.field.id] = `${c.field.label}应为数字`
  }
  return errors
}

/** The data to send: empty optional values are left out, numbers are numbers. */
export function toData(controls: FormControl[], values: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {}
  for (const c of controls) {
    const v = values[c.field.id]
    if (c.control === 'switch') data[c.field.id] = !!v
    else if (c.control === 'checklist') data[c.field.id] = Array.isArray(v) ? v : []
    else if (isEmpty(v)) continue
    else if (c.control === 'number') data[c.field.id] = Number(v)
    else data[c.field.id] = v
  }
  return data
}

/**
 * Materials of the field required now for this case (the core's `requiredNow` in the outlook, conditions included) and not
 * ticked, by name: what a one-time correction notice must list.
 */
export function missingMaterials(materials: readonly MaterialOutlook[] | null | undefined, fieldId: string, ticked: unknown): string[] {
  const set = new Set(Array.isArray(ticked) ? (ticked as string[]) : [])
  return (materials ?? []).filter((m) => m.field === fieldId && m.requiredNow && !set.has(m.id)).map((m) => m.name)
}
