import dagre from '@dagrejs/dagre'

export interface LayoutNode {
  id: string
  width?: number
  height?: number
}

/** Positions for a flowchart, top to bottom, from dagre. */
export function autoLayout(
  nodes: LayoutNode[],
  edges: { source: string; target: string }[],
  options: { direction?: 'TB' | 'LR'; nodeWidth?: number; nodeHeight?: number } = {},
): Record<string, { x: number; y: number }> {
  const width = options.nodeWidth ?? 190
  const height = options.nodeHeight ?? 64
  const g = new dagre.graphlib.Graph({ multigraph: true })
  g.setGraph({ rankdir: options.direction ?? 'TB', nodesep: 40, ranksep: 60, marginx: 20, marginy: 20 })
  g.setDefaultEdgeLabel(() => ({}))
  for (const n of nodes) g.setNode(n.id, { width: n.width ?? width, height: n.height ?? height })
  edges.forEach((e, i) => {
    if (g.hasNode(e.source) && g.hasNode(e.target)) g.setEdge(e.source, e.target, {}, `e${i}`)
  })
  dagre.layout(g)
  const result: Record<string, { x: number; y: number }> = {}
  for (const n of nodes) {
    const p = g.node(n.id) as { x: number; y: number; width: number; height: number } | undefined
    if (p) result[n.id] = { x: Math.round(p.x - p.width / 2), y: Math.round(p.y - p.height / 2) }
  }
  return result
}
