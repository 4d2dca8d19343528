/** A period as the designer edits it: an amount and a unit (工作日 wd, 自然日 d, 个月 mo; h and y are kept when read). */
export interface Duration {
  amount: number
  unit: string
}

export const DURATION_UNITS = [
  { value: 'wd', label: '工作日' },
  { value: 'd', label: '自然日' },
  { value: 'mo', label: '个月' },
] as const

/** Reads "15wd" → { 15, wd }; anything else is undefined. */
export function parseDuration(text: string | undefined): Duration | undefined {
  const m = /^(\d+)(wd|mo|d|h|y)$/.exec((text ?? '').trim())
  return m ? { amount: Number(m[1]), unit: m[2] } : undefined
}

export function formatDuration(d: Duration): string {
  return `${Math.max(0, Math.round(d.amount))}${d.unit}`
}
