import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import ActionDialog from '@/components/ActionDialog.vue'
import type { ActionOutlook, RiskPointDto } from '@/api/types'
import { caseDto, granted, refused, task } from './fixtures/outlook'

const risk: RiskPointDto = { id: '①', level: 1, levelName: '一级', text: '业务不熟练，对申请材料是否齐全没有进行认真审查。', measures: ['对照清单逐项核对'], checks: ['materials-complete'] }
const accept = (o: Partial<ActionOutlook> = {}): ActionOutlook => ({
  id: 'accept', name: '受理', role: 'approval-window', roleName: '窗口受理岗', requires: ['applicant'], opinion: 'required', extend: null, extendText: null,
  issues: 'acceptance-notice', permission: granted, blocks: [], ...o,
})

async function open(action: ActionOutlook) {
  const c = caseDto()
  const w = mount(ActionDialog, {
    props: { task: task({ stepId: 'intake', stepName: '受理（窗口收件）', kind: 'task', riskPointIds: ['①'] }), action, fields: c.fields, risks: [risk], caseData: c.data },
    global: { plugins: [ElementPlus] },
    attachTo: document.body,
  })
  await flushPromises()
  return w
}

describe('ActionDialog renders the action outlook', () => {
  it('asks for the fields the action requires, looked up in the case’s fields, and says the opinion is required', async () => {
    const w = await open(accept())
    const dialog = document.querySelector('[data-test=action-dialog]')!
    expect(dialog.querySelector('[data-form-item=applicant]')).not.toBeNull()
    expect(dialog.querySelector('[data-form-item=materials]')).toBeNull()
    expect(dialog.querySelector('[data-test=opinion-rule]')?.textContent).toContain('须填写办理意见')
    w.unmount()
  })

  it('warns of the risk checks predicted to block, without disabling signing', async () => {
    const reason = '风险点①（一级风险）：缺少必需材料 2 项。'
    const w = await open(accept({ blocks: [refused(reason, 'rule-blocked')] }))
    const dialog = document.querySelector('[data-test=action-dialog]')!
    expect(dialog.querySelector('[data-test=action-blocks]')?.textContent).toContain(reason)
    ;(dialog.querySelector('[data-test=risk-confirm] input') as HTMLInputElement).click()
    await flushPromises()
    expect((dialog.querySelector('[data-test=action-submit]') as HTMLButtonElement).disabled).toBe(false)
    w.unmount()
  })
})
