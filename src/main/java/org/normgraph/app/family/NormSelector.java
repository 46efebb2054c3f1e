package org.normgraph.app.family;

import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.util.StringConverter;
import org.normgraph.app.CjkWrap;
import org.normgraph.app.Messages;
import org.normgraph.app.editor.BundleText;
import org.normgraph.app.editor.InputsPane;
import org.normgraph.app.editor.SpinnerTyping;
import org.normgraph.app.model.InputLayout;
import org.normgraph.app.model.SessionModel;
import org.normgraph.core.BatchNormInput;
import org.normgraph.core.InvalidInputException;
import org.normgraph.core.family.NormKind;
import org.normgraph.core.family.NormSpec;

/**
 * The bar under the toolbar that chooses the normalization: batch, layer, group (with G) or
 * instance norm, and a one-line note on where the chosen kind is used; the open list shows the
 * note under each kind. Choosing one asks the session to switch; the core builds and runs that
 * kind's graph. G steps through the divisors of D (C); a typed G that does not divide becomes
 * the nearest that does, with a message. A kind that does not fit is refused, with a message,
 * and the controls go back to the session's kind (the last good state). Instance norm needs x
 * laid out as N×C×H×W images: for N×D features it is disabled in the list, which says why.
 */
public final class NormSelector extends HBox {

    /** The kinds, in the list's order; instance norm only for N×C×H×W images. */
    static final List<NormKind> KINDS = List.of(NormKind.BATCH, NormKind.LAYER, NormKind.GROUP, NormKind.INSTANCE);
    /** G goes up to the largest D of the inputs. */
    static final int MAX_GROUPS = 16;

    private static final javafx.css.PseudoClass REFUSED = javafx.css.PseudoClass.getPseudoClass("refused");

    private final SessionModel model;
    private final ComboBox<NormKind> kind = new ComboBox<>();
    private final Spinner<Integer> groups = new Spinner<>();
    private final Label note = new Label();
    private final Label message = new Label();
    // held here, weakly by the model: a toolbar rebuilt for another language leaves no listener behind
    private final ChangeListener<NormSpec> onSpec = (o, a, spec) -> show(spec);
    private final ChangeListener<InputLayout> onLayout = (o, a, layout) -> {
        message.setVisible(false); // it spoke of the old D or C
        relist();
    };
    private final ChangeListener<NormSpec> onSetAside = (o, a, aside) -> saySetAside(aside);
    // "… keeps no running statistics: training again" is stale once inference is back (the Lab, an undo)
    private final ChangeListener<Object> onInference = (o, a, stats) -> {
        if (stats != null) {
            message.setVisible(false);
        }
    };
    // a refusal spoke of the input it was given: an undo or another edit makes it stale
    private final ChangeListener<BatchNormInput> onInput = (o, a, in) -> message.setVisible(false);
    private boolean syncing;
    /** A kind was chosen since the list last opened. */
    private boolean choseInOpenList;
    private final SpinnerTyping typing = new SpinnerTyping(groups);
    /** The whole number typed for G while it is being taken, for the message when it did not fit; else null. */
    private String typedGroups;

    public NormSelector(SessionModel model) {
        this.model = model;
        setId("norm-selector");
        getStyleClass().add("norm-selector");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label title = new Label(Messages.get("norm.kind"));
        title.setLabelFor(kind);
        title.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kind.setId("toolbar-norm");
        kind.setCellFactory(list -> new KindCell(this::offered, this::usedFor));
        // the button shows the name only; the open list may be wider, with the notes
        kind.setButtonCell(new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(NormKind k, boolean empty) {
                super.updateItem(k, empty);
                setText(empty || k == null ? null : Messages.get("norm.kind." + k.id()));
            }
        });
        kind.getStyleClass().add("norm-kind"); // widths in em (normgraph.css): they grow with the text
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kind.getItems().setAll(KINDS);
        kind.setConverter(new StringConverter<>() {
            @Override
            public String toString(NormKind k) {
                return k == null ? "" : Messages.get("norm.kind." + k.id());
            }

            @Override
            public NormKind fromString(String s) {
                return kind.getValue();
            }
        });
        kind.setTooltip(new Tooltip(Messages.get("norm.kind.tip")));
        kind.setAccessibleText(Messages.get("norm.kind"));
        Label g = new Label(Messages.get("norm.groups"));
        g.setLabelFor(groups);
        groups.setValueFactory(new GroupCounts(() -> model.getInputLayout().channels(), 2));
        groups.setId("toolbar-groups");
        groups.setEditable(true);
        groups.getStyleClass().add("norm-groups");
        // the note gives way first: G and its field stay whole
        g.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        groups.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        groups.setTooltip(new Tooltip(Messages.get("norm.groups.tip")));
        groups.getValueFactory().setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String s) {
                typing.reading(s);
                Integer g = InputsPane.wholeNumberIn(s, 1, MAX_GROUPS);
                return g == null ? groups.getValue() : g; // not a whole number: keep the last value
            }
        });
        g.visibleProperty().bind(groups.visibleProperty());
        g.managedProperty().bind(groups.visibleProperty());
        groups.managedProperty().bind(groups.visibleProperty());
        note.setId("norm-note");
        note.getStyleClass().add("norm-note");
        note.setMinWidth(0);
        note.setWrapText(true); // at large text sizes on a narrow window: two lines, not "…"
        CjkWrap.keepEndOf(note);
        message.setId("norm-message");
        message.getStyleClass().add("norm-message");
        // a message takes the note's place: squeezed beside it, at 150 % the note stood one word a line
        message.setMinWidth(0);
        message.setWrapText(true);
        CjkWrap.keepEndOf(message);
        message.setVisible(false);
        message.managedProperty().bind(message.visibleProperty());
        note.visibleProperty().bind(message.visibleProperty().not());
        note.managedProperty().bind(note.visibleProperty());
        getChildren().addAll(title, kind, g, groups, note, message);

        kind.valueProperty().addListener((o, a, k) -> choose(false));
        kind.showingProperty().addListener((o, was, is) -> choseInOpenList = false);
        groups.valueProperty().addListener((o, a, v) -> choose(true));
        // typed text counts on Enter and when focus leaves, and what became of it is said, as for N
        groups.getEditor().addEventHandler(javafx.event.ActionEvent.ACTION, e -> commitTypedGroups());
        groups.focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                commitTypedGroups();
            }
        });
        model.normSpecProperty().addListener(new WeakChangeListener<>(onSpec));
        model.inputLayoutProperty().addListener(new WeakChangeListener<>(onLayout));
        model.inputProperty().addListener(new WeakChangeListener<>(onInput));
        model.kindSetAsideProperty().addListener(new WeakChangeListener<>(onSetAside));
        model.inferenceProperty().addListener(new WeakChangeListener<>(onInference));
        show(model.getNormSpec());
    }

    /**
     * Asks the session for the chosen kind; a refusal leaves the session's kind and says why. A G
     * that does not divide D (C) becomes the nearest that does, and the message says so if the G
     * was asked for ({@code groupsAsked}); choosing group norm on the 4×3 example said "G = 2
     * does not divide D = 3" of a G the learner never typed.
     */
    private void choose(boolean groupsAsked) {
        if (syncing || kind.getValue() == null) {
            return;
        }
        NormKind k = kind.getValue();
        InputLayout layout = model.getInputLayout();
        int c = layout.channels();
        int asked = groups.getValue() == null ? 1 : groups.getValue();
        int g = GroupCounts.nearestDivisor(c, asked, layout.spatial());
        if (!offered(k)) {
            refuse(Messages.get("norm.refused.instance", name(model.getNormSpec())));
            return;
        }
        try {
            NormSpec spec = NormSpec.of(k, k == NormKind.GROUP ? g : 0);
            boolean inference = model.isInference();
            if (kind.isShowing() && choseInOpenList) {
                model.amendNormSpec(spec); // ↓ through the open list shows each kind; undo takes them back as one
            } else {
                model.setNormSpec(spec);
            }
            choseInOpenList = kind.isShowing();
            if (k == NormKind.GROUP && g != asked && groupsAsked) { // named as typed: G = 99 was called G = 16
                say(Messages.get(layout.images() ? "norm.adjusted.groups.channels" : "norm.adjusted.groups",
                        typedGroups != null ? typedGroups : Integer.toString(asked), Integer.toString(c),
                        Integer.toString(g)), false);
            } else if (inference && !model.isInference()) { // the graph changed more than the kind: say why
                say(Messages.get("norm.inference.left", name(spec)), false);
            } else {
                message.setVisible(false);
            }
            show(model.getNormSpec());
        } catch (InvalidInputException e) {
            refuse(Messages.get("norm.refused", e.getMessage()));
        }
    }

    /**
     * Takes the G typed into its field: text that is no whole number is refused and the field
     * shows the G in force again ('abc' stayed on show while the graph kept G = 3); a number
     * outside 1…{@value #MAX_GROUPS} becomes the nearest, and the message says which.
     */
    private void commitTypedGroups() {
        if (!groups.isVisible()) {
            return;
        }
        String typed = typing.typed().strip();
        if (typed.equals(String.valueOf(groups.getValue()))) {
            return; // passed through, nothing typed: a message about the last choice stays
        }
        Integer whole = InputsPane.wholeNumberIn(typed, 1, MAX_GROUPS);
        typedGroups = whole == null ? null : typed;
        message.setVisible(false); // what follows says what became of this G
        try {
            groups.commitValue();
        } finally {
            typedGroups = null;
        }
        groups.getEditor().setText(String.valueOf(groups.getValue()));
        BundleText said = InputsPane.sizeMessage("G", typed, groups.getValue(), 1, MAX_GROUPS);
        // not a whole number: refused; clamped: said, unless a G that then did not divide D has its own message
        if (said != null && (whole == null || !message.isVisible())) {
            say(said.message(), whole == null);
        }
    }

    private void refuse(String text) {
        say(text, true);
        show(model.getNormSpec());
    }

    /** The message after the controls: a refusal (in red), or what became of the choice. */
    private void say(String text, boolean refused) {
        message.setText(text);
        message.setTooltip(new Tooltip(text));
        message.pseudoClassStateChanged(REFUSED, refused);
        message.setVisible(true);
    }

    /** Whether the list offers {@code k} for the session's layout: instance norm needs images. */
    private boolean offered(NormKind k) {
        return k != NormKind.INSTANCE || model.getInputLayout().images();
    }

    /** The list again, so that its cells show which kinds the new layout offers. */
    private void relist() {
        syncing = true;
        try {
            kind.getItems().setAll(KINDS);
        } finally {
            syncing = false;
        }
        show(model.getNormSpec());
    }

    /** The controls and the note as the session's kind is. */
    private void show(NormSpec spec) {
        syncing = true;
        try {
            kind.setValue(spec.kind());
            if (spec.kind() == NormKind.GROUP) {
                groups.getValueFactory().setValue(spec.groups());
            }
            groups.setVisible(spec.kind() == NormKind.GROUP);
            // the same tooltips with new text: one on screen (the box has the keyboard focus) follows ↓
            tip(kind).setText(Messages.get("norm.kind.tip") + "\n"
                    + Messages.get("norm.kind." + spec.kind().id()) + ": " + usedFor(spec.kind()));
            note.setText(usedFor(spec.kind()));
            tip(note).setText(note.getText());
        } finally {
            syncing = false;
        }
    }

    private static Tooltip tip(javafx.scene.control.Control c) {
        if (c.getTooltip() == null) {
            c.setTooltip(new Tooltip());
        }
        return c.getTooltip();
    }

    /** Where {@code k} is used and what it averages; batch and group norm say so per channel for images. */
    private String usedFor(NormKind k) {
        boolean perChannel = model.getInputLayout().images() && (k == NormKind.BATCH || k == NormKind.GROUP);
        return Messages.get(perChannel ? "norm.note." + k.id() + ".images" : "norm.note." + k.id());
    }

    /** A kind in the open list: its name, and under it where it is used, or why it is not offered. */
    private static final class KindCell extends javafx.scene.control.ListCell<NormKind> {
        private final java.util.function.Predicate<NormKind> offered;
        private final java.util.function.Function<NormKind, String> usedFor;

        KindCell(java.util.function.Predicate<NormKind> offered, java.util.function.Function<NormKind, String> usedFor) {
            this.offered = offered;
            this.usedFor = usedFor;
        }

        @Override
        protected void updateItem(NormKind k, boolean empty) {
            super.updateItem(k, empty);
            if (empty || k == null) {
                setText(null);
                setGraphic(null);
                setDisable(false);
                setTooltip(null);
                return;
            }
            boolean on = offered.test(k);
            setDisable(!on);
            Label name = new Label(Messages.get("norm.kind." + k.id()));
            name.getStyleClass().add("norm-kind-name");
            String text = on ? usedFor.apply(k) : Messages.get("norm.instance.needs-images");
            setTooltip(new Tooltip(text));
            Label used = new Label(text);
            used.getStyleClass().add("norm-kind-note");
            used.setWrapText(true);
            CjkWrap.keepEndOf(used);
            used.setMaxWidth(420);
            setText(null);
            setGraphic(new javafx.scene.layout.VBox(1, name, used));
        }
    }

    private static String name(NormSpec spec) {
        String k = Messages.get("norm.kind." + spec.kind().id());
        return spec.kind() == NormKind.GROUP ? k + " (G = " + spec.groups() + ")" : k;
    }

    /** Says which kind an undo, a redo or Reset to example had to leave, why, and which kind is in force. */
    private void saySetAside(NormSpec aside) {
        if (aside != null) {
            say(Messages.get("norm.set-aside", name(aside), whatDoesNotFit(aside, model.getInputLayout()),
                    name(model.getNormSpec())), false);
        }
    }

    /** What of {@code layout} a kind set aside cannot take: the D or C that G does not divide, or features for instance norm. */
    private static String whatDoesNotFit(NormSpec aside, InputLayout layout) {
        if (aside.kind() == NormKind.GROUP) {
            return (layout.images() ? "C = " : "D = ") + layout.channels();
        }
        return Messages.get(layout.images() ? "editor.layout.images" : "editor.layout.features");
    }

    /** The message shown after a refusal (empty when the last choice was taken). */
    public String getMessage() {
        return message.isVisible() ? message.getText() : "";
    }
}
