import type { FlowDefinition } from '@/api/types'

export interface Point {
  x: number
  y: number
}

/** The part of the canvas on screen: Vue Flow's viewport transform and the pane's size in pixels. */
export interface VisibleArea {
  viewport: { x: number; y: number; zoom: number }
  width: number
  height: number
}

export const NODE_WIDTH = 190
export const NODE_HEIGHT = 72

/** The flow coordinates of the visible rectangle. */
export function visibleRect(area: VisibleArea) {
  const { x, y, zoom } = area.viewport
  return { left: -x / zoom, top: -y / zoom, right: (area.width - x) / zoom, bottom: (area.height - y) / zoom }
}

const overlaps = (a: Point, b: Point) => Math.abs(a.x - b.x) < NODE_WIDTH + 10 && Math.abs(a.y - b.y) < NODE_HEIGHT + 10

/**
 * Where a new step goes: inside the visible area, near its centre, at the first spot no other step covers
 * (scanning right and left, then down). When the view has no free spot it goes below the centre, under the
 * steps there, so that it never hides another step.
 */
export function placeInView(area: VisibleArea, taken: Point[]): Point {
  const r = visibleRect(area)
  const centre = { x: Math.round((r.left + r.right) / 2 - NODE_WIDTH / 2), y: Math.round((r.top + r.bottom) / 2 - NODE_HEIGHT / 2) }
  const stepX = NODE_WIDTH + 20
  const stepY = NODE_HEIGHT + 20
  const free = (p: Point) => !taken.some((t) => overlaps(t, p))
  for (let row = 0; centre.y + row * stepY + NODE_HEIGHT <= r.bottom; row++)
    for (const dx of [0, 1, -1, 2, -2]) {
      const p = { x: centre.x + dx * stepX, y: centre.y + row * stepY }
      if (p.x >= r.left && p.x + NODE_WIDTH <= r.right && free(p)) return p
    }
  for (let row = 0; ; row++) {
    const p = { x: centre.x, y: centre.y + row * stepY }
    if (free(p)) return p
  }
}

/** The stored positions of a definition (its `layout`), only the well-formed ones. */
export function layoutOf(def: FlowDefinition): Record<string, Point> {
  const out: Record<string, Point> = {}
  const layout = def.layout as Record<string, unknown> | undefined
  if (!layout || typeof layout !== 'object' || Array.isArray(layout)) return out
  for (const [id, p] of Object.entries(layout)) {
    const q = p as Partial<Point> | null
    if (q && typeof q.x === 'number' && typeof q.y === 'number' && Number.isFinite(q.x) && Number.isFinite(q.y)) out[id] = { x: q.x, y: q.y }
  }
  return out
}

/** Writes positions into the definition's `layout`, rounded, for its steps only and in step order. */
export function writeLayout(def: FlowDefinition, positions: Record<string, Point>) {
  const layout: Record<string, Point> = {}
  for (const s of def.steps ?? []) {
    const p = s && positions[s.id]
    if (p) layout[s.id] = { x: Math.round(p.x), y: Math.round(p.y) }
  }
  def.layout = layout
}
