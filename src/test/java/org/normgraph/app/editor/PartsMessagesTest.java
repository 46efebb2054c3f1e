package org.normgraph.app.editor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.normgraph.app.Messages;
import org.normgraph.core.NodeKind;

/** Every message key the editor and inspector use is in the bundle, and every key of their block is used. */
class PartsMessagesTest {

    private static final Pattern KEY = Pattern.compile("\"((?:editor|inspector|chain)\\.[a-z0-9.]+)\"");
    private static final List<Path> SOURCES = List.of(
            Path.of("src/main/java/org/normgraph/app/editor"),
            Path.of("src/main/java/org/normgraph/app/inspector"));

    @Test
    void every_key_used_in_the_code_is_in_the_bundle() throws IOException {
        Set<String> used = usedKeys();
        assertTrue(used.size() > 40, "found the keys: " + used.size());
        List<String> missing = used.stream().filter(k -> !Messages.has(k)).toList();
        assertTrue(missing.isEmpty(), "missing in messages.properties: " + missing);
    }

    @Test
    void every_key_of_the_parts_block_is_used() throws IOException {
        Set<String> used = usedKeys();
        List<String> unused = new ArrayList<>();
        for (String k : Messages.bundle().keySet()) {
            if (k.matches("(editor|inspector|chain)\\..*") && !used.contains(k)) {
                unused.add(k);
            }
        }
        assertTrue(unused.isEmpty(), "not used: " + unused);
    }

    /** Literal keys in the sources plus the ones they build: field titles, kinds, tips. */
    private static Set<String> usedKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        for (Path dir : SOURCES) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = KEY.matcher(Files.readString(f));
                    while (m.find()) {
                        if (!m.group(1).endsWith(".")) { // a prefix the code completes, added below
                            keys.add(m.group(1));
                        }
                    }
                }
            }
        }
        for (InputField f : InputField.values()) {
            keys.add("editor.field." + f.id());
            keys.add("editor.field." + f.id() + ".images");
        }
        for (NodeKind k : NodeKind.values()) {
            keys.add("inspector.kind." + k.styleClass());
            keys.add("inspector.kind." + k.styleClass() + ".tip");
        }
        for (String b : List.of("editor.randomize", "editor.nextseed", "editor.reset")) {
            keys.add(b + ".tip");
        }
        return keys;
    }
}
