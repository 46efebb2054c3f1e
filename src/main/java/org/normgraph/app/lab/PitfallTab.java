package org.normgraph.app.lab;

import static org.normgraph.app.lab.LabFormat.label;
import static org.normgraph.app.lab.LabFormat.sci;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import org.normgraph.app.Messages;
import org.normgraph.core.GradientCheck;
import org.normgraph.core.lab.FirstDifference;
import org.normgraph.core.lab.Pitfall;
import org.normgraph.core.lab.PitfallLab;

/** (c) a wrong variant of the graph: the gradient check fails, and where it first differs. */
final class PitfallTab {

    private PitfallTab() {
    }

    /** The pitfall chooser, bound to the model (kept across refreshes so it keeps the keyboard focus). */
    static ComboBox<Pitfall> chooser(LabModel model) {
        ComboBox<Pitfall> box = new ComboBox<>();
        box.setId("lab-pitfall");
        box.getItems().setAll(Pitfall.values());
        box.setButtonCell(new PitfallCell());
        box.setCellFactory(l -> new PitfallCell());
        box.setValue(model.pitfallProperty().get());
        box.valueProperty().addListener((o, a, p) -> {
            if (p != null) {
                model.pitfallProperty().set(p);
            }
        });
        box.setTooltip(new Tooltip(Messages.get("lab.pitfall.choose.tip")));
        box.setAccessibleText(Messages.get("lab.pitfall.choose"));
        return box;
    }

    private static final class PitfallCell extends ListCell<Pitfall> {
        @Override
        protected void updateItem(Pitfall p, boolean empty) {
            super.updateItem(p, empty);
            setText(empty || p == null ? null : Messages.get("lab.pitfall." + p.name()));
        }
    }

    /** Whether the check catches the mistake, and which of its two comparisons does. */
    static String verdict(PitfallLab.Report report) {
        if (!report.checkFails()) {
            return Messages.get("lab.pitfall.missed");
        }
        return report.failingFiniteDifferences().isEmpty()
                ? Messages.get("lab.pitfall.caught.simplified", String.join(", ", report.failing()),
                        sci(report.check().stream().mapToDouble(GradientCheck.Result::numericDecidingTolerance).max().orElseThrow()))
                : Messages.get("lab.pitfall.caught", String.join(", ", report.failingFiniteDifferences()));
    }

    /**
     * Why the variant's trace shows no difference: a mean of one row is its sum; else the
     * mistake is under the comparison's tolerance (eps moved out of the root, with eps = 1e-10).
     * The one-row reason was given for every pitfall, on a batch of 4 rows.
     */
    static String sameText(PitfallLab.Report report) {
        boolean oneRow = report.variant().graph().node("bcast_beta").shape().rows() == 1;
        return report.pitfall() == Pitfall.MEAN_FOR_DBETA && oneRow ? Messages.get("lab.pitfall.same.onerow")
                : Messages.get("lab.pitfall.same", sci(FirstDifference.TOLERANCE));
    }

    /** What the variant does; on images bcast_beta copies to N·H·W values a channel, and its mean divides by that, not by N. */
    static String whatKey(Pitfall p, boolean images) {
        return "lab.pitfall." + p.name() + ".what" + (images && p == Pitfall.MEAN_FOR_DBETA ? ".images" : "");
    }

    static Node content(LabResults r, Consumer<LabResults.Site> show) {
        VBox box = new VBox(8);
        box.setId("lab-pitfall-result");
        box.getStyleClass().add("lab-section");
        var report = r.pitfall();
        Pitfall p = report.pitfall();
        box.getChildren().add(label(Messages.get(whatKey(p, r.axes().spatial())), "lab-explain"));
        boolean fails = report.checkFails();
        // a mistake the check misses is no success: not in the colour of a passed check
        box.getChildren().add(label(verdict(report), "lab-summary", fails ? "fail" : "missed"));
        if (report.firstDifference().isPresent()) {
            FirstDifference f = report.firstDifference().get();
            LabResults.Site site = r.firstDifferenceSite().orElseThrow();
            LabResults.Where where = r.firstDifferenceText(f);
            String[] values = LabFormat.apart(f.reference(), f.actual());
            javafx.scene.control.Label text = label(Messages.get(f.inBackward() ? "lab.pitfall.first.gradient" : "lab.pitfall.first.value",
                    where.element(), where.node(), values[0], values[1]), "lab-first-text");
            text.setId("lab-first-difference");
            Button showIt = new Button(Messages.get("lab.show"));
            showIt.setId("lab-show-first");
            showIt.setTooltip(new Tooltip(Messages.get("lab.show.tip")));
            showIt.setOnAction(e -> show.accept(site));
            box.getChildren().addAll(text, showIt);
        } else {
            box.getChildren().add(label(sameText(report), "lab-first-text"));
        }
        // only the variant's own gradients (the message names one): the correct graph's are warned about in the window
        report.variant().firstNonFinite().filter(nf -> nf.inGradient() && r.stagedDx().allFinite())
                .ifPresent(nf -> box.getChildren().add(label(Messages.get(
                Messages.has("lab.pitfall." + p.name() + ".nonfinite") ? "lab.pitfall." + p.name() + ".nonfinite"
                        : "lab.pitfall.nonfinite", nf.node()), "lab-explain", "lab-nonfinite")));
        List<Node[]> rows = new ArrayList<>();
        for (GradientCheck.Result c : report.check()) {
            rows.add(new Node[] {label(c.gradientName(), "lab-name"), label(sci(c.numeric().relativeError()), "lab-number"),
                    label(sci(c.numericDecidingTolerance()), "lab-number"),
                    label(sci(c.simplified().relativeError()), "lab-number"),
                    label(sci(c.simplifiedDecidingTolerance()), "lab-number"), LabFormat.verdict(c.passed())});
        }
        box.getChildren().add(LabFormat.table("lab-pitfall-table", new String[] {Messages.get("lab.col.gradient"),
                Messages.get("lab.col.numeric"), Messages.get("lab.col.tolerance"), Messages.get("lab.col.simplified"),
                Messages.get("lab.col.tolerance"), Messages.get("lab.col.verdict")}, rows));
        box.getChildren().add(label(Messages.get(p.forward() ? "lab.pitfall.own.forward" : "lab.pitfall.own.backward"),
                "lab-explain"));
        return box;
    }

}
