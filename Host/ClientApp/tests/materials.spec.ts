import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import MaterialMarks from '@/components/MaterialMarks.vue'

describe('MaterialMarks', () => {
  it('marks each item of the field as the core reads it: 必交, 本案无需 or 选交, and ticked ones 已核', () => {
    const w = mount(MaterialMarks, {
      props: {
        field: 'materials',
        materials: [
          { field: 'materials', id: 'application', name: '申请书', requiredNow: true, checked: true, requiredWhen: null },
          { field: 'materials', id: 'lab', name: '实验室资质', requiredNow: false, checked: false, requiredWhen: 'kind == "即办件"' },
          { field: 'materials', id: 'photo', name: '照片', requiredNow: false, checked: false, requiredWhen: null },
          { field: 'other', id: 'x', name: '其他清单', requiredNow: true, checked: false, requiredWhen: null },
        ],
      },
      global: { plugins: [ElementPlus] },
    })
    expect(w.findAll('[data-material]').map((m) => m.attributes('data-material'))).toEqual(['application', 'lab', 'photo'])
    expect(w.find('[data-mark=application]').text()).toBe('必交')
    expect(w.find('[data-mark=lab]').text()).toBe('本案无需')
    expect(w.find('[data-mark=photo]').text()).toBe('选交')
    expect(w.find('[data-material=application]').text()).toContain('已核')
    expect(w.find('[data-material=lab]').text()).not.toContain('已核')
  })
})
