import { Panel } from '@xyflow/react'
import './GraphLegend.css'

/** The legend in the graph's corner: what the colours mean once a run colours the nodes, or how to get there. */
export function GraphLegend({ coloured, live }: { coloured: boolean; live: boolean }) {
  return (
    <Panel position="top-right" className="graph-legend">
      {coloured ? (
        <>
          {live && <span className="legend legend--running">running</span>}
          <span className="legend legend--succeeded">succeeded</span>
          <span className="legend legend--failed">failed</span>
          {live && <span className="legend legend--cancelled">cancelled</span>}
          <span className="legend legend--skipped">not run</span>
          <span className="legend-hint">Click a node to select its span</span>
        </>
      ) : (
        <span className="legend-hint">Run the workflow or pick a run to colour the nodes</span>
      )}
    </Panel>
  )
}
