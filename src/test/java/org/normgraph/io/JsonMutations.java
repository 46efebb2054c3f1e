package org.normgraph.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

/**
 * Breaks valid JSON documents the ways a user's file breaks: fields deleted, duplicated or
 * renamed; numbers replaced by strings, NaN, 1e400, -0, denormals, huge text, null, objects or
 * deep nesting; rows made ragged; the text truncated or sprinkled with binary bytes. Every
 * mutation is drawn from a {@link Random}, so a seed reproduces it; {@link Mutant#what()}
 * says what was done, for the failure message.
 */
public final class JsonMutations {

    /** The mutated bytes and a short description of the mutation. */
    public record Mutant(byte[] bytes, String what) {

        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        /** For messages: what was done and the start of the text. */
        public String describe() {
            String t = text();
            return what + " → " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
        }
    }

    private static final ObjectMapper PLAIN = new ObjectMapper();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonMutations() {
    }

    /** One to three mutations of {@code valid} (a JSON object), chosen by {@code r}. */
    public static Mutant mutate(ObjectNode valid, Random r) {
        ObjectNode root = valid.deepCopy();
        StringBuilder what = new StringBuilder();
        int treeEdits = r.nextInt(3);
        for (int k = 0; k < treeEdits; k++) {
            what.append(treeEdit(root, r)).append("; ");
        }
        byte[] bytes = r.nextBoolean() ? compact(root) : pretty(root);
        if (treeEdits == 0 || r.nextInt(3) == 0) {
            Mutant m = textEdit(bytes, r);
            bytes = m.bytes();
            what.append(m.what());
        }
        return new Mutant(bytes, what.toString());
    }

    // ------------------------------------------------------------------ tree edits

    /** A place in the tree: a field of an object or an element of an array. */
    private record Place(JsonNode parent, String field, int index, String path) {

        JsonNode get() {
            return field != null ? parent.get(field) : parent.get(index);
        }

        void set(JsonNode v) {
            if (field != null) {
                ((ObjectNode) parent).set(field, v);
            } else {
                ((ArrayNode) parent).set(index, v);
            }
        }

        void remove() {
            if (field != null) {
                ((ObjectNode) parent).remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static String treeEdit(ObjectNode root, Random r) {
        List<Place> places = new ArrayList<>();
        collect(root, "", places);
        if (places.isEmpty()) {
            root.put("x", 1);
            return "empty object given an x";
        }
        Place p = places.get(r.nextInt(places.size()));
        switch (r.nextInt(8)) {
            case 0 -> {
                p.remove();
                return "removed " + p.path();
            }
            case 1 -> {
                if (p.field() != null) {
                    JsonNode v = p.get();
                    ((ObjectNode) p.parent()).remove(p.field());
                    String renamed = rename(p.field(), r);
                    ((ObjectNode) p.parent()).set(renamed, v);
                    return "renamed " + p.path() + " to " + renamed;
                }
                ((ArrayNode) p.parent()).add(p.get().deepCopy());
                return "appended a copy of " + p.path() + " (ragged)";
            }
            case 2 -> {
                if (p.parent().isArray()) {
                    ((ArrayNode) p.parent()).remove(p.index());
                    return "dropped " + p.path() + " (ragged)";
                }
                p.set(F.arrayNode());
                return "emptied " + p.path();
            }
            case 3 -> {
                JsonNode v = p.get();
                for (int k = 0, depth = 1 + r.nextInt(80); k < depth; k++) {
                    v = F.arrayNode().add(v);
                }
                p.set(v);
                return "nested " + p.path() + " deeper";
            }
            default -> {
                JsonNode v = strangeValue(r);
                p.set(v);
                String shown = v.toString();
                return "replaced " + p.path() + " by " + (shown.length() > 40 ? shown.substring(0, 40) + "…" : shown);
            }
        }
    }

    private static void collect(JsonNode node, String path, List<Place> out) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                String p = path.isEmpty() ? name : path + "." + name;
                out.add(new Place(node, name, -1, p));
                collect(node.get(name), p, out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                out.add(new Place(node, null, i, p));
                collect(node.get(i), p, out);
            }
        }
    }

    private static String rename(String field, Random r) {
        return switch (r.nextInt(5)) {
            case 0 -> field.toUpperCase(java.util.Locale.ROOT);
            case 1 -> field + "s";
            case 2 -> "@class";
            case 3 -> "$ref";
            default -> "";
        };
    }

    /** Values that are not what any field of a case or session expects, or barely are. */
    static JsonNode strangeValue(Random r) {
        return switch (r.nextInt(16)) {
            case 0 -> F.textNode("1.0");
            case 1 -> F.textNode("x".repeat(1 + r.nextInt(200_000)));
            case 2 -> F.nullNode();
            case 3 -> F.booleanNode(r.nextBoolean());
            case 4 -> F.objectNode().put("@class", "java.lang.Runtime");
            case 5 -> F.numberNode(-0.0);
            case 6 -> F.numberNode(1e-310);
            case 7 -> F.numberNode(r.nextBoolean() ? 1e200 : -1e200);
            case 8 -> F.numberNode(Double.MAX_VALUE);
            case 9 -> F.numberNode(new java.math.BigDecimal("1e400"));
            case 10 -> F.numberNode(new java.math.BigInteger("9".repeat(1 + r.nextInt(500))));
            case 11 -> F.numberNode(r.nextInt());
            case 12 -> F.numberNode(Long.MAX_VALUE);
            case 13 -> F.arrayNode().add(1).add(2).add(3);
            case 14 -> F.numberNode(r.nextGaussian() * Math.pow(10, r.nextInt(40) - 20));
            default -> F.numberNode(0);
        };
    }

    // ------------------------------------------------------------------ text edits

    /** NaN and Infinity tokens, truncation, binary bytes, duplicate keys, stray characters. */
    static Mutant textEdit(byte[] bytes, Random r) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        int at = r.nextInt(text.length() + 1);
        return switch (r.nextInt(8)) {
            case 0 -> new Mutant(java.util.Arrays.copyOf(bytes, r.nextInt(bytes.length + 1)), "truncated");
            case 1 -> {
                byte[] junk = new byte[1 + r.nextInt(8)];
                r.nextBytes(junk);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int cut = r.nextInt(bytes.length + 1);
                out.write(bytes, 0, cut);
                out.writeBytes(junk);
                out.write(bytes, cut, bytes.length - cut);
                yield new Mutant(out.toByteArray(), "binary bytes at byte " + cut);
            }
            case 2 -> replaceNumber(text, r, new String[] {"NaN", "Infinity", "-Infinity", "1e400", "-0", "0x10",
                    "1e-400", "--1", "1.", ".5", "+1", "1e", "\"NaN\""});
            case 3 -> {
                List<Integer> braces = new ArrayList<>();
                for (int i = text.indexOf('{'); i >= 0; i = text.indexOf('{', i + 1)) {
                    braces.add(i);
                }
                int i = braces.get(r.nextInt(braces.size()));
                String dup = r.nextBoolean() ? "\"x\": [[1]], " : "\"version\": 1, ";
                yield new Mutant(utf8(text.substring(0, i + 1) + dup + text.substring(i + 1)), "inserted " + dup);
            }
            case 4 -> {
                String chars = "{}[],:\"\\ e-.0";
                char c = chars.charAt(r.nextInt(chars.length()));
                yield new Mutant(utf8(text.substring(0, at) + c + text.substring(at)), "inserted '" + c + "'");
            }
            case 5 -> new Mutant(at < text.length()
                    ? utf8(text.substring(0, at) + text.substring(at + 1)) : bytes, "deleted a character");
            case 6 -> new Mutant(utf8("[".repeat(1 + r.nextInt(5000)) + text), "opened many arrays");
            default -> new Mutant(utf8(text + (r.nextBoolean() ? " {}" : "\u0000")), "content after the end");
        };
    }

    private static Mutant replaceNumber(String text, Random r, String[] tokens) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?").matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        String token = tokens[r.nextInt(tokens.length)];
        if (spans.isEmpty()) {
            return new Mutant(utf8(text + token), "appended " + token);
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return new Mutant(utf8(text.substring(0, s[0]) + token + text.substring(s[1])),
                "number at " + s[0] + " replaced by " + token);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] compact(JsonNode n) {
        try {
            return PLAIN.writeValueAsBytes(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static byte[] pretty(JsonNode n) {
        try {
            return PLAIN.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A plain (non-strict) parse, for tests that build a valid tree from text. */
    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) PLAIN.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
