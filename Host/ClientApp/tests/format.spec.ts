import { describe, expect, it } from 'vitest'
import { durationCn } from '@/utils/format'

describe('a definition’s periods in Chinese (flow catalog, designer)', () => {
  it('reads every unit the definition format has, months and years included', () => {
    expect(durationCn('20wd')).toBe('20个工作日')
    expect(durationCn('60d')).toBe('60日')
    expect(durationCn('2h')).toBe('2小时')
    expect(durationCn('3mo')).toBe('3个月')
    expect(durationCn('1y')).toBe('1年')
    expect(durationCn(null)).toBe('—')
  })
})
