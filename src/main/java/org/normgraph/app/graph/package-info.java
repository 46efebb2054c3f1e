/**
 * The graph view: the core graph drawn node by node.
 *
 * <ul>
 *   <li>{@link org.normgraph.app.graph.GraphNodeView}: one control per core node, id
 *       {@code node-<name>}, style classes {@code graph-node} + kind ({@code input},
 *       {@code op}, {@code broadcast}, {@code reduction}) + {@code fanout}; pseudo-classes
 *       {@code :computed}, {@code :current}, {@code :has-gradient}, {@code :selected},
 *       {@code :non-finite}. Skin: {@link org.normgraph.app.graph.GraphNodeSkin}.</li>
 *   <li>{@link org.normgraph.app.graph.EdgeView}: one curve per core edge, id
 *       {@code edge-<from>-<to>}, with a chip naming the gradient contribution sent back
 *       along it ({@code dxmu1}, …; otherwise {@code d<from>}); its numbers are in the
 *       chip's tooltip.</li>
 *   <li>{@link org.normgraph.app.graph.GraphLayout}: three lanes — 1×D rows on top,
 *       broadcasts in the middle straight between the row and the op they feed, N×D
 *       values at the bottom — and columns left to right in step order.</li>
 *   <li>{@link org.normgraph.app.graph.MatrixView}: numbers up to 5×5, otherwise a heat
 *       map. {@link org.normgraph.app.graph.Palette}: values blue (−) / orange (+),
 *       gradients purple (−) / green (+), both diverging and colour-blind-safe, shaded by
 *       √(|v| / max|v|) of that matrix; gradients also carry a name and a dashed frame.</li>
 *   <li>A fan-out node (x, xmu) writes its gradient as an addition: the two branch
 *       contributions side by side (dx1 + dx2), their sum below them (= dx). Two matrices
 *       wide rather than three, so fit-to-window loses less (at 4×3 in a 1600 px window:
 *       46 % instead of 56 % with the branches stacked).</li>
 *   <li>{@link org.normgraph.app.graph.FlowAnimator}: about 0.8 s per step at speed 1.</li>
 * </ul>
 * Node views are created once and updated in place on every edit.
 */
package org.normgraph.app.graph;
