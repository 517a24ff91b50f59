import type { NodeTypes } from '@xyflow/react'
import { BranchNodeView, StepNodeView } from './WorkflowNodeView'

// Defined once, outside any component, so xyflow never sees a new map and remounts the nodes.
export const nodeTypes = {
  step: StepNodeView,
  branch: BranchNodeView,
} satisfies NodeTypes
