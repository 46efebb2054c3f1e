package org.normgraph.app.lab;

import static org.normgraph.app.lab.LabFormat.label;
import static org.normgraph.app.lab.LabFormat.sci;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.NumberText;
import org.normgraph.app.model.InputLayout;
import org.normgraph.core.BatchNorm;
import org.normgraph.core.Matrix;
import org.normgraph.core.family.NormSpec;
import org.normgraph.core.lab.RunningStatsRun;

/**
 * (Training and inference) Runs K batches through the BatchNorm layer with the chosen
 * convention and plots the running mean and variance of one feature against the batch number,
 * next to where they should settle; then switches the main graph to inference mode with them.
 */
final class RunningStatsTab {

    private final RunningStatsModel model;
    private final VBox root = new VBox(8);
    private final LineChart<Number, Number> meanChart = chart("lab-chart-mean");
    private final LineChart<Number, Number> varChart = chart("lab-chart-var");
    private final ComboBox<Integer> feature = new ComboBox<>();
    private final Label summary = label("", "lab-explain");
    private final Label error = label("", "lab-error");
    private final Label mode = label("", "lab-summary");
    /** Under images: each statistic is over a channel's N·H·W values, which the convention texts call N. */
    private final Label imagesNote = label("", "lab-explain");
    private final Subscription subscription;

    RunningStatsTab(RunningStatsModel model) {
        this.model = model;
        root.setId("lab-running");
        root.getStyleClass().add("lab-section");

        ComboBox<BatchNorm.RunningStats> convention = new ComboBox<>();
        convention.setId("lab-convention");
        convention.getItems().setAll(BatchNorm.RunningStats.values());
        convention.setCellFactory(l -> new ConventionCell());
        convention.setButtonCell(new ConventionCell());
        convention.valueProperty().bindBidirectional(model.conventionProperty());
        convention.setTooltip(new Tooltip(Messages.get("lab.running.convention.tip")));
        Spinner<Double> momentum = new Spinner<>(0.0, 1.0, model.momentumProperty().get(), 0.05);
        momentum.setId("lab-momentum");
        momentum.setEditable(true);
        momentum.getStyleClass().add("lab-spinner");
        momentum.getValueFactory().valueProperty().addListener((o, a, v) -> model.momentumProperty().set(v));
        model.momentumProperty().addListener((o, a, v) -> momentum.getValueFactory().setValue(v.doubleValue()));
        Spinner<Integer> batches = intSpinner("lab-batches", 1, RunningStatsRun.MAX_BATCHES, model.batchesProperty().get());
        batches.valueProperty().addListener((o, a, v) -> model.batchesProperty().set(v));
        Spinner<Integer> seed = intSpinner("lab-seed", 0, 1_000_000, (int) model.seedProperty().get());
        seed.valueProperty().addListener((o, a, v) -> model.seedProperty().set(v));
        Spinner<Integer> rows = intSpinner("lab-rows", 1, RunningStatsModel.MAX_ROWS, model.rowsProperty().get());
        rows.valueProperty().addListener((o, a, v) -> model.rowsProperty().set(v));

        ToggleGroup sourceGroup = new ToggleGroup();
        RadioButton population = new RadioButton(Messages.get("lab.running.population"));
        population.setId("lab-source-population");
        RadioButton jitter = new RadioButton(Messages.get("lab.running.jitter"));
        jitter.setId("lab-source-jitter");
        population.setToggleGroup(sourceGroup);
        jitter.setToggleGroup(sourceGroup);
        (model.sourceProperty().get() == RunningStatsModel.Source.JITTER ? jitter : population).setSelected(true);
        sourceGroup.selectedToggleProperty().addListener((o, a, t) -> model.sourceProperty().set(
                t == jitter ? RunningStatsModel.Source.JITTER : RunningStatsModel.Source.POPULATION));
        TextField mean = text("lab-mean", model.meanProperty().get());
        mean.textProperty().bindBidirectional(model.meanProperty());
        TextField std = text("lab-std", model.stdProperty().get());
        std.textProperty().bindBidirectional(model.stdProperty());
        Spinner<Double> jitterSize = new Spinner<>(0.0, 100.0, model.jitterProperty().get(), 0.1);
        jitterSize.setId("lab-jitter");
        jitterSize.setEditable(true);
        jitterSize.getStyleClass().add("lab-spinner");
        jitterSize.getValueFactory().valueProperty().addListener((o, a, v) -> model.jitterProperty().set(v));

        Button run = new Button(Messages.get("lab.running.run"));
        run.setId("lab-run");
        run.setTooltip(new Tooltip(Messages.get("lab.running.run.tip")));
        run.setDefaultButton(false);
        run.setOnAction(e -> model.run());
        run.disableProperty().bind(model.busyProperty());
        Button infer = new Button(Messages.get("lab.running.infer"));
        infer.setId("lab-inference-on");
        infer.setTooltip(new Tooltip(Messages.get("lab.running.infer.tip")));
        infer.disableProperty().bind(model.resultProperty().isNull().or(model.busyProperty()));
        infer.setOnAction(e -> model.useInInference());
        Button train = new Button(Messages.get("lab.running.train"));
        train.setId("lab-inference-off");
        train.setTooltip(new Tooltip(Messages.get("lab.running.train.tip")));
        train.disableProperty().bind(model.session().inferenceProperty().isNull());
        train.setOnAction(e -> model.backToTraining());

        feature.setId("lab-feature");
        feature.setTooltip(new Tooltip(Messages.get("lab.running.feature.tip")));
        feature.valueProperty().addListener((o, a, f) -> plot());

        HBox rowsPair = pair("lab.running.rows", rows);
        HBox meanPair = pair("lab.running.mean", mean);
        HBox stdPair = pair("lab.running.std", std);
        HBox featurePair = pair("lab.running.feature", feature);
        FlowPane settings = new FlowPane(12, 6,
                pair("lab.running.convention", convention), pair("lab.running.momentum", momentum),
                pair("lab.running.batches", batches), pair("lab.running.seed", seed));
        FlowPane sources = new FlowPane(12, 6, population, rowsPair, meanPair, stdPair, jitter,
                pair("lab.running.jitter.size", jitterSize));
        // wraps onto a second line when narrow (a large text size) instead of cutting the buttons to "…"
        FlowPane actions = new FlowPane(10, 6, run, featurePair, infer, train, mode);
        actions.setAlignment(Pos.CENTER_LEFT);
        for (Button b : List.of(run, infer, train)) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox charts = new HBox(8, meanChart, varChart);
        HBox.setHgrow(meanChart, Priority.ALWAYS);
        HBox.setHgrow(varChart, Priority.ALWAYS);
        Label conventionText = label("", "lab-explain");
        root.getChildren().addAll(settings, sources, actions, error, charts, summary, conventionText, imagesNote);
        if (model.getResult() == null) {
            model.run(); // open on a finished example run
        }

        subscription = Subscription.combine(
                model.resultProperty().subscribe(r -> showResult()),
                model.errorProperty().subscribe(m -> {
                    error.setText(m == null ? "" : NumberText.unbroken(Messages.get("lab.running.error", m)));
                    error.setVisible(m != null);
                    error.setManaged(m != null);
                }),
                model.conventionProperty().subscribe(c -> conventionText.setText(
                        c == null ? "" : Messages.get("lab.running.convention." + c.name()))),
                model.session().inferenceProperty().subscribe(s -> showMode()),
                model.kindLeftProperty().subscribe(k -> showMode()),
                model.session().inputLayoutProperty().subscribe(l -> {
                    relabel(rowsPair, words("lab.running.rows"), words("lab.running.rows.tip"));
                    relabel(meanPair, "lab.running.mean", words("lab.running.mean.tip"));
                    relabel(stdPair, "lab.running.std", words("lab.running.std.tip"));
                    relabel(featurePair, words("lab.running.feature"), words("lab.running.feature.tip"));
                    imagesNote.setText(images() ? Messages.get("lab.running.images.note") : "");
                    imagesNote.setVisible(images());
                    imagesNote.setManaged(images());
                    plot();
                }));
    }

    /** Training or inference; after a switch that left another kind, which, and that Ctrl+Z goes back. */
    private void showMode() {
        NormSpec left = model.kindLeftProperty().get();
        mode.setText(!model.session().isInference() ? Messages.get("lab.running.mode.training")
                : left == null ? Messages.get("lab.running.mode.inference")
                : Messages.get("lab.running.mode.inference.kind", Messages.get("norm.kind." + left.kind().id())));
    }

    private boolean images() {
        InputLayout l = model.session().getInputLayout();
        return l != null && l.images();
    }

    /** {@code key}, or its {@code .images} variant when x is laid out as images (per channel, not per feature). */
    private String words(String key) {
        return images() ? key + ".images" : key;
    }

    /** Sets the label and the control's tooltip of a {@link #pair}. */
    private static void relabel(HBox pair, String labelKey, String tipKey) {
        ((Label) pair.getChildren().get(0)).setText(Messages.get(labelKey));
        ((Control) pair.getChildren().get(1)).getTooltip().setText(Messages.get(tipKey));
    }

    Node node() {
        return root;
    }

    void dispose() {
        subscription.unsubscribe();
    }

    private void showResult() {
        RunningStatsRun r = model.getResult();
        if (r == null) {
            return;
        }
        int d = r.populationMean().cols();
        Integer keep = feature.getValue();
        feature.getItems().setAll(java.util.stream.IntStream.range(0, d).boxed().toList());
        feature.setValue(keep != null && keep < d ? keep : 0);
        plot();
    }

    private void plot() {
        RunningStatsRun r = model.getResult();
        Integer j = feature.getValue();
        if (r == null || j == null) {
            return;
        }
        meanChart.setTitle(Messages.get(words("lab.running.chart.mean"), j));
        varChart.setTitle(Messages.get(words("lab.running.chart.var"), j));
        meanChart.getData().setAll(series(Messages.get("lab.running.series.running"), r.means(), j),
                level(Messages.get("lab.running.series.population"), r.populationMean().get(0, j), r.batches()));
        varChart.getData().setAll(series(Messages.get("lab.running.series.running"), r.vars(), j),
                level(Messages.get("lab.running.series.settles"), r.expectedVar().get(0, j), r.batches()));
        Matrix m = r.layer().runningMean();
        Matrix v = r.layer().runningVar();
        summary.setText(NumberText.unbroken(Messages.get(words("lab.running.summary"), r.batches(), r.rows(), j,
                sci(m.get(0, j)), sci(r.populationMean().get(0, j)), sci(v.get(0, j)), sci(r.expectedVar().get(0, j)),
                sci(r.populationVar().get(0, j)))));
    }

    private static XYChart.Series<Number, Number> series(String name, java.util.List<Matrix> values, int j) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (int k = 0; k < values.size(); k++) {
            s.getData().add(new XYChart.Data<>(k + 1, values.get(k).get(0, j)));
        }
        return s;
    }

    /** A horizontal line from batch 1 to K. */
    private static XYChart.Series<Number, Number> level(String name, double y, int batches) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        s.getData().add(new XYChart.Data<>(1, y));
        s.getData().add(new XYChart.Data<>(batches, y));
        return s;
    }

    private static LineChart<Number, Number> chart(String id) {
        NumberAxis x = new NumberAxis();
        x.setLabel(Messages.get("lab.running.axis.batch"));
        x.setForceZeroInRange(false);
        NumberAxis y = new NumberAxis();
        y.setForceZeroInRange(false);
        LineChart<Number, Number> c = new LineChart<>(x, y);
        c.setId(id);
        c.setAnimated(false);
        c.setCreateSymbols(false);
        c.setPrefHeight(260);
        c.setMinHeight(200);
        c.getStyleClass().add("lab-chart");
        return c;
    }

    private static Spinner<Integer> intSpinner(String id, int min, int max, int value) {
        Spinner<Integer> s = new Spinner<>(min, max, value);
        s.setId(id);
        s.setEditable(true);
        s.getStyleClass().addAll("lab-spinner", "wide");
        return s;
    }

    private static TextField text(String id, String value) {
        TextField t = new TextField(value);
        t.setId(id);
        t.setPrefColumnCount(12);
        return t;
    }

    private static HBox pair(String key, Node control) {
        Label l = new Label(Messages.get(key));
        l.setLabelFor(control);
        HBox box = new HBox(6, l, control);
        box.setAlignment(Pos.CENTER_LEFT);
        if (control instanceof Control c && c.getTooltip() == null) {
            c.setTooltip(new Tooltip(Messages.get(key + ".tip")));
        }
        return box;
    }

    private static final class ConventionCell extends ListCell<BatchNorm.RunningStats> {
        @Override
        protected void updateItem(BatchNorm.RunningStats c, boolean empty) {
            super.updateItem(c, empty);
            setText(empty || c == null ? null : Messages.get("lab.running.name." + c.name()));
        }
    }
}
