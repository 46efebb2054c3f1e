package org.normgraph.app.lab;

import static org.normgraph.app.lab.LabFormat.label;
import static org.normgraph.app.lab.LabFormat.sci;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.normgraph.app.Messages;
import org.normgraph.core.lab.TinyEps;
import org.normgraph.core.lab.VarianceAccuracy;

/** (d) large offsets: two-pass against one-pass variance; eps → tiny on a constant column. */
final class NumericsTab {

    private NumericsTab() {
    }

    static ComboBox<Double> offsetChooser(LabModel model) {
        ComboBox<Double> box = new ComboBox<>();
        box.setId("lab-offset");
        box.getItems().setAll(Numerics.OFFSETS);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(Double v) {
                return v == null ? "" : sci(v);
            }

            @Override
            public Double fromString(String s) {
                return model.offsetProperty().get();
            }
        });
        box.setValue(model.offsetProperty().get());
        box.valueProperty().addListener((o, a, v) -> {
            if (v != null) {
                model.offsetProperty().set(v);
            }
        });
        box.setTooltip(new Tooltip(Messages.get("lab.numerics.offset.tip")));
        box.setAccessibleText(Messages.get("lab.numerics.offset"));
        return box;
    }

    static Node content(Numerics n) {
        VBox box = new VBox(8);
        box.setId("lab-numerics-result");
        box.getStyleClass().add("lab-section");
        VarianceAccuracy v = n.variance();
        box.getChildren().add(label(Messages.get("lab.numerics.sample", n.samples(), sci(n.offset()), sci(n.noise())),
                "lab-explain"));
        List<Node[]> rows = new ArrayList<>();
        rows.add(new Node[] {label(Messages.get("lab.numerics.exact"), "lab-name"), label(LabFormat.full(v.exact()), "lab-number"),
                label("", "lab-number"), label("", "lab-number")});
        rows.add(new Node[] {label(Messages.get("lab.numerics.two-pass"), "lab-name"),
                label(LabFormat.full(v.twoPass()), "lab-number"), label(sci(v.twoPassRelativeError()), "lab-number"),
                label(digits(v.twoPassRelativeError()), "lab-number")});
        javafx.scene.control.Label onePassError = label(sci(v.onePassRelativeError()), "lab-number");
        onePassError.setId("lab-one-pass-error");
        rows.add(new Node[] {label(Messages.get("lab.numerics.one-pass"), "lab-name"),
                label(LabFormat.full(v.onePass()), "lab-number"), onePassError,
                label(digits(v.onePassRelativeError()), "lab-number")});
        box.getChildren().add(LabFormat.table("lab-variance-table", new String[] {"", Messages.get("lab.numerics.variance"),
                Messages.get("lab.col.relative"), Messages.get("lab.numerics.digits")}, rows));
        box.getChildren().add(label(Messages.get("lab.numerics.offset.explain"), "lab-explain"));

        box.getChildren().add(label(Messages.get("lab.numerics.eps.title", LabFormat.full(Numerics.CONSTANT), Numerics.ROWS),
                "lab-th"));
        List<Node[]> epsRows = new ArrayList<>();
        for (TinyEps.Row r : n.tinyEps()) {
            epsRows.add(new Node[] {label(sci(r.eps()), "lab-number"), label(sci(r.sqrtvar()), "lab-number"),
                    label(sci(r.maxAbsXhat()), "lab-number"), label(sci(r.maxAbsDx()), "lab-number"),
                    label(Messages.get(r.finite() ? "lab.yes" : "lab.no"), "lab-number")});
        }
        box.getChildren().add(LabFormat.table("lab-eps-table", new String[] {"eps", "sqrtvar", "max |xhat|", "max |dx|",
                Messages.get("lab.numerics.finite")}, epsRows));
        box.getChildren().add(label(Messages.get("lab.numerics.eps.explain"), "lab-explain"));
        return box;
    }

    private static String digits(double relativeError) {
        return String.format(java.util.Locale.ROOT, "%.1f", VarianceAccuracy.correctDigits(relativeError));
    }
}
