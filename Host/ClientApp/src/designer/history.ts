/**
 * Undo and redo over snapshots of the definition (JSON text). The designer records a snapshot after each
 * change; undo steps back to the previous one and redo forward again until a new change is recorded.
 */
export class EditHistory {
  private past: string[] = []
  private future: string[] = []
  private current: string

  constructor(initial: string, private readonly limit = 200) {
    this.current = initial
  }

  /** Records the state after a change; the same state twice is one step. */
  record(state: string) {
    if (state === this.current) return
    this.past.push(this.current)
    if (this.past.length > this.limit) this.past.shift()
    this.current = state
    this.future = []
  }

  /** Forgets everything before this state (after loading or saving). */
  reset(state: string) {
    this.past = []
    this.future = []
    this.current = state
  }

  get canUndo() {
    return this.past.length > 0
  }

  get canRedo() {
    return this.future.length > 0
  }

  get state() {
    return this.current
  }

  undo(): string | undefined {
    const previous = this.past.pop()
    if (previous === undefined) return undefined
    this.future.push(this.current)
    this.current = previous
    return previous
  }

  redo(): string | undefined {
    const next = this.future.pop()
    if (next === undefined) return undefined
    this.past.push(this.current)
    this.current = next
    return next
  }
}

/** The editing shortcut of a key press: Ctrl/⌘+Z undo, Ctrl/⌘+Shift+Z or Ctrl+Y redo. */
export function shortcutOf(e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean }): 'undo' | 'redo' | null {
  if (!(e.ctrlKey || e.metaKey)) return null
  const key = e.key.toLowerCase()
  if (key === 'z') return e.shiftKey ? 'redo' : 'undo'
  if (key === 'y') return 'redo'
  return null
}
