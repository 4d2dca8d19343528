import type { HistoryEntry } from '@/api/types'

/** The written notices a window issues at intake (行政许可法第三十二条). */
export type DocumentKind = 'correction' | 'acceptance' | 'refusal'

export const DOCUMENT_NAMES: Record<DocumentKind, string> = {
  correction: '补正材料一次性告知书',
  acceptance: '受理通知书',
  refusal: '不予受理决定书',
}

/** Which notice an action issues, by its id and name (flows name them 受理 / 一次性告知补正 / 不予受理). */
export function documentOfAction(actionId: string | null | undefined, name?: string | null): DocumentKind | null {
  const id = actionId ?? ''
  const n = name ?? ''
  if (id === 'request-correction' || /补正/.test(n) && /告知/.test(n)) return 'correction'
  if (id === 'refuse' || /不予受理/.test(n)) return 'refusal'
  if (id === 'accept' || id === 'deemed-accept' || /^(登记)?受理/.test(n) || n === '视为受理') return 'acceptance'
  return null
}

/** The latest history event that issued a notice of this kind. */
export function documentEvent(history: HistoryEntry[], kind: DocumentKind): HistoryEntry | undefined {
  return [...history]
    .reverse()
    .find((h) => (h.type === 'action-taken' || h.type === 'deemed-outcome') && documentOfAction(h.actionId, h.summary.match(/“([^”]+)”$/)?.[1]) === kind)
}

/** Every kind of notice this case has issued so far. */
export function issuedDocuments(history: HistoryEntry[]): DocumentKind[] {
  return (['correction', 'acceptance', 'refusal'] as DocumentKind[]).filter((k) => documentEvent(history, k))
}
