package org.normgraph.app.lab;

import static org.normgraph.app.lab.LabFormat.label;
import static org.normgraph.app.lab.LabFormat.sci;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.normgraph.app.Messages;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.lab.StagedVsSimplified;

/** (b) dx of the staged chain next to dx of the simplified formula, and how far apart each output is. */
final class StagedVsSimplifiedTab {

    private StagedVsSimplifiedTab() {
    }

    static Node content(LabResults r) {
        VBox box = new VBox(8);
        box.setId("lab-simplified");
        box.getStyleClass().add("lab-section");
        VBox staged = new VBox(4, label(Messages.get("lab.simplified.staged"), "lab-th"),
                LabFormat.matrix(r.stagedDx(), "lab-dx-staged"));
        VBox simple = new VBox(4, label(Messages.get("lab.simplified.formula"), "lab-th"),
                LabFormat.matrix(r.simplifiedDx(), "lab-dx-simplified"));
        box.getChildren().add(new HBox(24, staged, simple));
        List<Node[]> rows = new ArrayList<>();
        for (StagedVsSimplified.Row row : r.simplified()) {
            rows.add(new Node[] {label(row.name(), "lab-name"), label(sci(row.comparison().maxDifference()), "lab-number"),
                    label(sci(row.comparison().relativeError()), "lab-number"), label(sci(row.decidingTolerance()), "lab-number"),
                    LabFormat.verdict(row.agrees())});
        }
        box.getChildren().add(LabFormat.table("lab-simplified-table", new String[] {Messages.get("lab.col.quantity"),
                Messages.get("lab.col.maxdiff"), Messages.get("lab.col.relative"), Messages.get("lab.col.tolerance"),
                Messages.get("lab.col.verdict")}, rows));
        // batch norm takes gamma out of the sums (DESIGN's formula); layer and group norm cannot;
        // spatial batch norm sums over n, h, w, M = N·H·W values per channel
        boolean batch = r.spec().kind() == NormKind.BATCH;
        String explain = r.spec().kind() == NormKind.INSTANCE ? "lab.simplified.explain.instance" // gamma constant in S
                : !batch ? "lab.simplified.explain.family"
                : r.axes().spatial() ? "lab.simplified.explain.images" : "lab.simplified.explain";
        box.getChildren().add(label(Messages.get(explain, r.axes().spatial() ? r.axes().layout().statsSum() : ""), "lab-explain"));
        return box;
    }
}
