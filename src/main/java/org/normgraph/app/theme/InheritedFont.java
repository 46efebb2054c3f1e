package org.normgraph.app.theme;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.converter.FontConverter;
import javafx.scene.text.Font;

/**
 * The CSS font ({@code -fx-font}, inherited like a label's) of a view that is not a label
 * but sizes itself by text: number cells and grids grow with the text size (see
 * {@link TextSize}) instead of staying at a fixed number of pixels that no longer fits.
 */
public final class InheritedFont {

    private InheritedFont() {
    }

    /** The {@code -fx-font} entry of a view's CSS metadata; {@code property} gives the view's font property. */
    public static <S extends Styleable> CssMetaData<S, Font> metaData(
            Function<S, StyleableObjectProperty<Font>> property) {
        return new CssMetaData<>("-fx-font", FontConverter.getInstance(), Font.getDefault(), true) {
            @Override
            public boolean isSettable(S view) {
                return !property.apply(view).isBound();
            }

            @Override
            public StyleableProperty<Font> getStyleableProperty(S view) {
                return property.apply(view);
            }
        };
    }

    /**
     * A font property that runs {@code changed} only when the font really changes: CSS sets an
     * equal font again on every pass, and re-measuring then would be wasted work.
     */
    public static <S extends Styleable> StyleableObjectProperty<Font> property(
            CssMetaData<S, Font> metaData, S view, Runnable changed) {
        return new SimpleStyleableObjectProperty<>(metaData, view, "font", Font.getDefault()) {
            private Font last = Font.getDefault();

            @Override
            protected void invalidated() {
                if (!get().equals(last)) {
                    last = get();
                    changed.run();
                }
            }
        };
    }

    /** {@code inherited} (a parent class's CSS metadata) and {@code font}, for getClassCssMetaData. */
    public static List<CssMetaData<? extends Styleable, ?>> with(
            List<CssMetaData<? extends Styleable, ?>> inherited, CssMetaData<?, Font> font) {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(inherited);
        all.add(font);
        return List.copyOf(all);
    }
}
