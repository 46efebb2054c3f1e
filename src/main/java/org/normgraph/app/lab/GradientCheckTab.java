package org.normgraph.app.lab;

import static org.normgraph.app.lab.LabFormat.label;
import static org.normgraph.app.lab.LabFormat.sci;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.normgraph.app.Messages;
import org.normgraph.core.BatchNormGraph;
import org.normgraph.core.GradientCheck;

/** (a) dx, dgamma, dbeta against central differences and the simplified formula; the worst element. */
final class GradientCheckTab {

    private GradientCheckTab() {
    }

    static Node content(LabResults r, Consumer<LabResults.Site> show) {
        VBox box = new VBox(8);
        box.setId("lab-check");
        box.getStyleClass().add("lab-section");
        boolean passed = r.checkPassed();
        String shape = r.axes().sizes(BatchNormGraph.X, r.input().x().shape()); // 2×2×2×2 for images, as the inputs say
        // a pass that finite differences could not see is not said to be theirs
        List<String> unresolved = r.check().stream().filter(GradientCheck.Result::numericUnresolved)
                .map(GradientCheck.Result::gradientName).toList();
        String summary = !passed ? Messages.get("lab.check.summary.fail", shape)
                : unresolved.isEmpty() ? Messages.get("lab.check.summary.pass", shape)
                : Messages.get("lab.check.summary.pass.unresolved", shape, String.join(", ", unresolved));
        box.getChildren().add(label(summary, "lab-summary", passed ? "pass" : "fail"));
        GradientCheck.Result w = r.worst();
        LabResults.Site site = r.worstSite();
        String element = r.elementText(site);
        Button showWorst = new Button(Messages.get("lab.show"));
        showWorst.setId("lab-show-worst");
        showWorst.setTooltip(new Tooltip(Messages.get("lab.show.tip")));
        showWorst.setOnAction(e -> show.accept(site));
        box.getChildren().addAll(label(Messages.get("lab.check.worst", "d" + element, sci(w.numeric().reference()),
                sci(w.numeric().actual()), sci(w.numeric().relativeError())), "lab-worst-text"), showWorst);
        List<Node[]> rows = new ArrayList<>();
        for (GradientCheck.Result c : r.check()) {
            rows.add(new Node[] {label(c.gradientName(), "lab-name"), label(sci(c.numeric().relativeError()), "lab-number"),
                    label(sci(c.numericDecidingTolerance()), "lab-number"),
                    label(sci(c.simplified().relativeError()), "lab-number"),
                    label(sci(c.simplifiedDecidingTolerance()), "lab-number"), LabFormat.verdict(c.passed())});
        }
        box.getChildren().add(LabFormat.table("lab-check-table", new String[] {Messages.get("lab.col.gradient"),
                Messages.get("lab.col.numeric"), Messages.get("lab.col.tolerance"), Messages.get("lab.col.simplified"),
                Messages.get("lab.col.tolerance"), Messages.get("lab.col.verdict")}, rows));
        r.toleranceNotes().forEach(note -> box.getChildren().add(label(note, "lab-explain", "lab-tolerance-note")));
        box.getChildren().add(label(Messages.get("lab.check.explain"), "lab-explain"));
        return box;
    }
}
