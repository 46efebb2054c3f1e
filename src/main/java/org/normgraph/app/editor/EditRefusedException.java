package org.normgraph.app.editor;

import java.util.Objects;

/**
 * An edit the window refuses in its own words: the inputs pane shows the {@link BundleText} (and
 * says it again in another language after a switch) instead of the exception's message.
 */
public final class EditRefusedException extends IllegalArgumentException {

    private final transient BundleText refusal;

    public EditRefusedException(BundleText refusal, Throwable cause) {
        super(Objects.requireNonNull(refusal, "refusal").message(), cause);
        this.refusal = refusal;
    }

    public BundleText refusal() {
        return refusal;
    }
}
