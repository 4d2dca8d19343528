import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { nextTick, ref } from 'vue'
import DynamicForm from '@/components/DynamicForm.vue'
import type { FieldDef, MaterialOutlook } from '@/api/types'
import { buildForm, initialValues, missingMaterials, toData, validateValues } from '@/utils/form'

const fields: FieldDef[] = [
  { id: 'applicant', label: '申请人', type: 'text', required: true },
  { id: 'amount', label: '金额', type: 'number' },
  { id: 'receivedOn', label: '收件日期', type: 'date' },
  { id: 'urgent', label: '紧急', type: 'boolean' },
  { id: 'kind', label: '办件类型', type: 'choice', options: ['即办件', '承诺件'], required: true },
  { id: 'experts', label: '专家', type: 'list' },
  {
    id: 'materials', label: '申报材料核对', type: 'materials',
    items: [
      { id: 'application', name: '许可申请书', required: true },
      { id: 'identity', name: '身份证明', required: true },
      { id: 'feasibility', name: '可行性报告', required: false },
    ],
  },
]

describe('form generated from the fields', () => {
  it('chooses a control per field type and marks required ones', () => {
    const controls = buildForm(fields)
    expect(controls.map((c) => c.control)).toEqual(['input', 'number', 'date', 'switch', 'select', 'tags', 'checklist'])
    expect(controls.filter((c) => c.required).map((c) => c.field.id)).toEqual(['applicant', 'kind'])
    expect(controls[4].options).toEqual(['即办件', '承诺件'])
    expect(controls[6].items!.map((i) => i.required)).toEqual([true, true, false])
  })

  it('validates required fields in Chinese and sends typed data', () => {
    const controls = buildForm(fields)
    const values = initialValues(fields)
    expect(validateValues(controls, values)).toEqual({ applicant: '请填写申请人', kind: '请选择办件类型' })
    Object.assign(values, { applicant: '某诊所', kind: '承诺件', amount: '12.5', materials: ['application'] })
    expect(validateValues(controls, values)).toEqual({})
    expect(toData(controls, values)).toEqual({ applicant: '某诊所', amount: 12.5, urgent: false, kind: '承诺件', materials: ['application'] })
  })

  it('lists every material required now that is not ticked, as the outlook says', () => {
    const materials: MaterialOutlook[] = [
      { field: 'materials', id: 'application', name: '申请书', requiredNow: true, checked: false, requiredWhen: null },
      { field: 'materials', id: 'identity', name: '身份证明', requiredNow: true, checked: false, requiredWhen: null },
      { field: 'materials', id: 'aircon', name: '集中空调检测报告', requiredNow: false, checked: false, requiredWhen: 'airConditioning == true' },
    ]
    expect(missingMaterials(materials, 'materials', ['application'])).toEqual(['身份证明'])
    expect(missingMaterials(materials, 'materials', ['application', 'identity'])).toEqual([])
  })

  it('renders the checklist with required marks and shows messages on validate', async () => {
    const values = ref(initialValues(fields))
    const wrapper = mount(DynamicForm, {
      props: { controls: buildForm(fields), modelValue: values.value, 'onUpdate:modelValue': (v: Record<string, unknown>) => (values.value = v) },
      global: { plugins: [ElementPlus] },
    })
    const checklist = wrapper.find('[data-form-item=materials]')
    expect(checklist.text()).toContain('许可申请书')
    expect(checklist.findAll('.req-mark').map((t) => t.text())).toEqual(['必需', '必需', '按需'])
    expect(wrapper.find('[data-form-item=kind]').exists()).toBe(true)
    const vm = wrapper.vm as unknown as { validate: () => boolean; errors: Record<string, string> }
    expect(vm.validate()).toBe(false)
    expect(vm.errors).toEqual({ applicant: '请填写申请人', kind: '请选择办件类型' })
    await flushPromises()
    await nextTick()
    expect(wrapper.find('[data-form-item=applicant]').classes()).toContain('is-error')
  })
})
