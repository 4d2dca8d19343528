import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import ElementPlus from 'element-plus'
import { createMemoryHistory, createRouter } from 'vue-router'
import PrintView from '@/views/PrintView.vue'
import type { CaseDto } from '@/api/types'
import { caseDto, deadline, document } from './fixtures/outlook'

const json = (body: unknown) => Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }))

/** The case's record of issued documents and the agency that issues them (GET /api/cases/{id}/files). */
const files = {
  agency: { fullName: '某市卫生健康委员会', shortName: '某卫健委', address: '某市人民路1号', telephone: '0000-1234567',
    reconsiderationBody: '某市人民政府', court: '某市某区人民法院' },
  documents: [{ kind: 'acceptance-notice', sequence: 1, number: '某卫许受字〔2026〕第7号' }],
  materials: [],
}

async function print(path: string, view: CaseDto) {
  vi.stubGlobal('fetch', vi.fn((url: string) => json(url.endsWith('/files') ? files : url.endsWith('/history') ? [
    { sequence: 5, type: 'action-taken', at: '2026-03-03T02:00:00Z', actorId: 'window', actorName: '窗口 王芳', taskId: 'intake-1', stepId: 'intake',
      actionId: view.outlook.documents[0]?.document.actionId ?? '', opinion: null, data: {}, summary: '', previousHash: '', hash: '' },
  ] : view)))
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/print/:kind/:id', component: PrintView }, { path: '/cases/:id', component: PrintView }] })
  await router.push(path)
  await router.isReady()
  const w = mount(PrintView, { global: { plugins: [ElementPlus, router] } })
  await flushPromises()
  return w
}

describe('print view takes its dates from the outlook', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('states the decision day of an acceptance notice from the document’s dates and the case deadline', async () => {
    const statutory = deadline({ lastDay: '2026-04-02', periodText: '20个工作日' })
    const view = caseDto({}, {
      caseDeadline: statutory,
      deadlines: [statutory, deadline({ kind: 'promised', lastDay: '2026-03-25', periodText: '15个工作日' })],
      documents: [document({}, '受理通知书', [{ name: '作出决定期限', lastDay: '2026-04-02', provisional: false, basis: '《中华人民共和国行政许可法》第四十二条' }])],
    })
    const w = await print('/print/acceptance-notice/c1', view)
    expect(w.find('[data-test=doc-title]').text()).toBe('受理通知书')
    const decision = w.find('[data-test=decision-date]').text()
    expect(decision).toContain('本机关将于 2026年4月2日 前作出决定')
    expect(decision).toContain('法定时限 20个工作日')
    expect(decision).toContain('本机关承诺于 2026年3月25日 前办结（承诺时限 15个工作日）')
    expect(w.text()).toContain('经办人：窗口王芳')
    expect(w.text()).toContain('某市卫生健康委员会')
    expect(w.text()).toContain('某卫许受字〔2026〕第7号')
    w.unmount()
  })

  it('lists a refusal’s remedy periods as the core counted them, months included', async () => {
    const view = caseDto({}, {
      documents: [document({ kind: 'refusal-decision', actionId: 'refuse', opinion: '经审查不予受理', data: { refusalGround: '不属于本机关职权范围。' } }, '不予受理决定书', [
        { name: '申请行政复议期限', lastDay: '2026-05-02', provisional: false, basis: '《中华人民共和国行政复议法》第二十条' },
        { name: '提起行政诉讼期限', lastDay: '2026-09-03', provisional: true, basis: '《中华人民共和国行政诉讼法》第四十六条' },
      ])],
    })
    const w = await print('/print/refusal-decision/c1', view)
    const dates = w.findAll('[data-test=doc-date]').map((d) => d.text())
    expect(dates[0]).toContain('申请行政复议期限：2026年5月2日 前')
    expect(dates[1]).toContain('提起行政诉讼期限：2026年9月3日（暂定） 前')
    expect(w.text()).toContain('不属于本机关职权范围。')
    w.unmount()
  })

  it('prints the missing items a correction notice recorded', async () => {
    const view = caseDto({}, {
      documents: [document({ kind: 'correction-notice', actionId: 'request-correction', data: { missingItems: ['相关专业技术人员资格证书、执业证书', '场地、设备配备情况说明'] } }, '补正材料一次性告知书')],
    })
    const w = await print('/print/correction-notice/c1?sequence=1', view)
    expect(w.findAll('[data-test=missing-items] li').map((li) => li.text())).toEqual(['相关专业技术人员资格证书、执业证书', '场地、设备配备情况说明'])
    expect(w.text()).toContain('已收到的材料：许可申请书（申请表）')
    w.unmount()
  })
})
