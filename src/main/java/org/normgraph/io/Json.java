package org.normgraph.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.normgraph.core.Matrix;
import org.normgraph.core.Tensor;
import org.normgraph.io.InputFormatException.Kind;

/**
 * Strict JSON reading shared by case and session files: plain data only, duplicate keys,
 * NaN/Infinity tokens and oversized or deeply nested documents are refused, and every error
 * names the field it is about.
 */
public final class Json {

    /** Larger inputs are refused before parsing. */
    public static final int MAX_BYTES = 64 * 1024 * 1024;
    /** A case is nested 3 deep; a session 4. */
    static final int MAX_DEPTH = 64;

    /**
     * A long field path in a message shows this many levels: {@code x[0][0][0]…}. A path of one
     * level more is shown whole, so that a value of 4-D x is named: {@code x[0][1][0][1]}.
     */
    private static final int MAX_PATH_LEVELS = 4;
    /** How Jackson's message for a text that ends too early begins. */
    private static final String END_OF_INPUT = "Unexpected end-of-input";
    /** What Jackson's message says when an entry is followed by something other than a comma. */
    private static final String MISSING_COMMA = "was expecting comma to separate";

    private static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH).maxNumberLength(400).maxStringLength(1_000_000).build())
            .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build());

    private Json() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses one JSON object from {@code in}; {@code source} names it in messages. */
    public static JsonNode readObject(InputStream in, String source) throws InputFormatException {
        return readObject(in, source, MAX_BYTES);
    }

    /** The same with a smaller size limit: at most {@code maxBytes + 1} bytes are read. */
    public static JsonNode readObject(InputStream in, String source, int maxBytes) throws InputFormatException {
        byte[] bytes;
        try {
            bytes = in.readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw InputFormatException.cannotRead(source, e);
        }
        if (bytes.length > maxBytes) {
            throw tooLarge(source, maxBytes);
        }
        int binary = firstControlByte(bytes);
        if (binary >= 0) {
            // said without quoting the bytes: the parser's message would echo them to the terminal or dialog
            throw new InputFormatException(Kind.NOT_JSON, source + ": not valid JSON: binary data at byte " + binary
                    + " (a text file was expected)");
        }
        JsonNode root;
        JsonParser p = null;
        try {
            p = MAPPER.createParser(bytes);
            root = MAPPER.readTree(p);
            if (root != null && p.nextToken() != null) {
                throw new InputFormatException(Kind.NOT_JSON, source + ": unexpected content after the JSON object at line "
                        + p.currentLocation().getLineNr());
            }
        } catch (StreamConstraintsException e) {
            throw new InputFormatException(Kind.TOO_LARGE, source + ": " + constraint(e.getOriginalMessage()) + where(p, ""), e);
        } catch (JsonParseException e) {
            throw new InputFormatException(Kind.NOT_JSON, source + ": not valid JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()
                    + where(p, firstLine(e.getOriginalMessage())) + ": "
                    + parseProblem(e.getOriginalMessage(), e.getLocation().getByteOffset(), bytes), e);
        } catch (IOException e) {
            throw new InputFormatException(Kind.NOT_JSON, source + ": not valid JSON" + where(p, "") + ": " + firstLine(e.getMessage()), e);
        } finally {
            closeQuietly(p);
        }
        if (root == null || root.isMissingNode()) {
            throw new InputFormatException(Kind.EMPTY, source + ": empty, expected a JSON object");
        }
        if (!root.isObject()) {
            throw new InputFormatException(Kind.FOREIGN, source + ": expected a JSON object, got " + describe(root));
        }
        if (mayHoldMinusZero(bytes) || holdsFloatZero(root)) {
            keepWhatDoublesLose(bytes, root);
        }
        return root;
    }

    /**
     * Whether the text has {@code -0} with no fraction or exponent after it (JSON allows no
     * digit there): a quick scan that spares the second pass of {@link #keepWhatDoublesLose} to
     * nearly every file. A match inside a string only costs that pass.
     */
    private static boolean mayHoldMinusZero(byte[] b) {
        for (int i = 0; i + 1 < b.length; i++) {
            if (b[i] == '-' && b[i + 1] == '0'
                    && (i + 2 == b.length || b[i + 2] != '.' && b[i + 2] != 'e' && b[i + 2] != 'E')) {
                return true;
            }
        }
        return false;
    }

    /** Whether a number of the tree reads as 0.0: only then can one have underflowed. */
    private static boolean holdsFloatZero(JsonNode node) {
        if (node.isDouble()) {
            return node.doubleValue() == 0;
        }
        for (JsonNode child : node) {
            if (holdsFloatZero(child)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the tree's numbers lose, put back by a second pass over the text (already parsed,
     * so it cannot fail); Jackson has no setting for either:
     * <ul>
     * <li>JSON's {@code -0} is an integer token, which the tree holds as int 0 without a sign;
     *     {@code -0.0} keeps it. Each becomes {@link MinusZero}.
     * <li>A number too small for a double ({@code 1e-400}) reads as 0.0. Each becomes
     *     {@link Underflow}, which {@link #number} refuses as the app's cells do.
     * </ul>
     */
    private static void keepWhatDoublesLose(byte[] bytes, JsonNode root) {
        try (JsonParser p = MAPPER.createParser(bytes)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                JsonNode replacement = null;
                if (t == JsonToken.VALUE_NUMBER_INT && p.getText().equals("-0")) {
                    replacement = MinusZero.NODE;
                } else if (t == JsonToken.VALUE_NUMBER_FLOAT && p.getDoubleValue() == 0 && hasNonZeroDigit(p.getText())) {
                    replacement = new Underflow(p.getText());
                }
                if (replacement != null) {
                    JsonPointer at = p.getParsingContext().pathAsPointer();
                    JsonNode parent = root.at(at.head());
                    if (parent instanceof ObjectNode o) {
                        o.set(at.last().getMatchingProperty(), replacement);
                    } else if (parent instanceof ArrayNode a) {
                        a.set(at.last().getMatchingIndex(), replacement);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the same text parsed a moment ago", e);
        }
    }

    /** Whether a number's digits before its exponent are not all 0. */
    private static boolean hasNonZeroDigit(String number) {
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c == 'e' || c == 'E') {
                return false;
            }
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /** A number written non-zero that a double holds as 0.0; {@link #asText} is as written. */
    private static final class Underflow extends DoubleNode {
        private final String text;

        Underflow(String text) {
            super(0.0);
            this.text = text;
        }

        @Override
        public String asText() {
            return text;
        }
    }

    /**
     * JSON's {@code -0}: the whole number 0 where one is expected (a position, a version), and
     * -0.0 as a double, as {@code -0.0} reads.
     */
    private static final class MinusZero extends IntNode {
        static final MinusZero NODE = new MinusZero();

        private MinusZero() {
            super(0);
        }

        @Override
        public double doubleValue() {
            return -0.0;
        }

        @Override
        public float floatValue() {
            return -0.0f;
        }

        @Override
        public String asText() {
            return "-0";
        }
    }

    /**
     * Parses one JSON object from the file at {@code path}, refused from its size alone when it
     * is larger than {@code maxBytes}; {@code source} names it in messages (a missing file, one
     * that cannot be read, and whatever {@link #readObject(InputStream, String, int)} refuses).
     */
    public static JsonNode readObject(java.nio.file.Path path, String source, int maxBytes)
            throws InputFormatException {
        checkSize(path, source, maxBytes);
        try (InputStream in = java.nio.file.Files.newInputStream(path)) {
            return readObject(in, source, maxBytes);
        } catch (java.nio.file.NoSuchFileException e) {
            throw InputFormatException.noSuchFile(source);
        } catch (IOException e) {
            throw InputFormatException.cannotRead(source, e);
        }
    }

    /**
     * Refuses a file larger than {@code maxBytes} from its size alone, before reading it; what
     * is not a regular file (a pipe) is limited while it is read.
     */
    public static void checkSize(java.nio.file.Path path, String source, int maxBytes) throws InputFormatException {
        try {
            if (java.nio.file.Files.isRegularFile(path) && java.nio.file.Files.size(path) > maxBytes) {
                throw tooLarge(source, maxBytes);
            }
        } catch (IOException e) {
            throw InputFormatException.cannotRead(source, e);
        }
    }

    private static InputFormatException tooLarge(String source, int maxBytes) {
        return new InputFormatException(Kind.TOO_LARGE, source + ": larger than " + (maxBytes >= 1 << 20 ? (maxBytes >> 20) + " MiB"
                : (maxBytes >> 10) + " KiB") + ", too large to be read");
    }

    /** Refuses fields that are not in {@code known}: a misspelt name is an error, not a silent default. */
    public static void requireKnownFields(JsonNode obj, String where, Set<String> known)
            throws InputFormatException {
        Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
        while (it.hasNext()) {
            String name = it.next().getKey();
            if (!known.contains(name)) {
                throw new InputFormatException(where + shown(name) + ": unknown field (expected one of "
                        + String.join(", ", known) + ")");
            }
        }
    }

    public static JsonNode required(JsonNode obj, String field) throws InputFormatException {
        JsonNode v = obj.get(field);
        if (v == null) {
            throw new InputFormatException(field + ": missing");
        }
        return v;
    }

    /** A finite double; {@code field} names it in messages. */
    public static double number(JsonNode v, String field) throws InputFormatException {
        if (!v.isNumber()) {
            throw new InputFormatException(field + ": expected a number, got " + describe(v));
        }
        if (v instanceof Underflow) {
            throw new InputFormatException(field + ": " + abbreviate(v.asText())
                    + " is too small for a double: it would be 0 (the smallest is about 4.9e-324)");
        }
        double d = v.doubleValue();
        if (!Double.isFinite(d)) {
            throw new InputFormatException(field + ": " + (v.isFloatingPointNumber() ? "the number" : abbreviate(v.asText()))
                    + " is too large for a double (|value| must stay below 1.8e308)");
        }
        return d;
    }

    /** A JSON array of numbers as a 1×D row. */
    public static Matrix vector(JsonNode v, String field) throws InputFormatException {
        if (!v.isArray()) {
            throw new InputFormatException(field + ": expected an array of numbers, got " + describe(v));
        }
        double[] d = new double[v.size()];
        for (int j = 0; j < d.length; j++) {
            d[j] = number(v.get(j), field + "[" + j + "]");
        }
        return Matrix.rowVector(d);
    }

    /** A JSON array of equal-length rows of numbers as an N×D matrix. */
    public static Matrix matrix(JsonNode v, String field) throws InputFormatException {
        if (!v.isArray()) {
            throw new InputFormatException(field + ": expected an array of rows, got " + describe(v));
        }
        int n = v.size();
        double[][] rows = new double[n][];
        for (int i = 0; i < n; i++) {
            JsonNode row = v.get(i);
            if (!row.isArray()) {
                throw new InputFormatException(field + "[" + i + "]: expected a row (array of numbers), got "
                        + describe(row));
            }
            if (i > 0 && row.size() != rows[0].length) {
                throw new InputFormatException(field + "[" + i + "]: row has " + values(row.size())
                        + ", row 0 has " + values(rows[0].length) + " (" + field + " must be N×D)");
            }
            rows[i] = vector(row, field + "[" + i + "]").row(0);
        }
        return Matrix.fromRows(rows);
    }

    /**
     * How deep arrays nest along the first elements: 1 for {@code [1, 2]} and {@code []}, 2 for
     * {@code [[1]]} and {@code [[]]}, 4 for {@code [[[[1]]]]}; 0 for a non-array.
     */
    public static int depth(JsonNode v) {
        int d = 0;
        for (JsonNode n = v; n != null && n.isArray(); n = n.size() > 0 ? n.get(0) : null) {
            d++;
        }
        return d;
    }

    /**
     * An N×D matrix (arrays of rows, read by {@link #matrix}) or an N×C×H×W tensor (arrays
     * nested four deep) as a tensor. Every sub-array must be as long as the first one at its
     * level; the first that is not is named with both lengths.
     */
    public static Tensor tensor(JsonNode v, String field) throws InputFormatException {
        int depth = depth(v);
        if (depth <= 2) {
            return Tensor.of(matrix(v, field));
        }
        if (depth != 4) {
            throw new InputFormatException(field + ": arrays nested " + depth + " deep; expected N×D (rows of numbers)"
                    + " or N×C×H×W (nested 4 deep)");
        }
        int[] shape = {v.size(), v.get(0).size(), v.get(0).get(0).size(), v.get(0).get(0).get(0).size()};
        double[] data = new double[Tensor.size(shape)];
        fill(v, field, shape, 0, new int[4], data, new int[1]);
        return Tensor.of(shape, data);
    }

    private static final String[] ENTRIES = {"sample", "channel", "row", "value"};

    private static void fill(JsonNode v, String path, int[] shape, int level, int[] at, double[] data, int[] next)
            throws InputFormatException {
        if (level == 4) {
            data[next[0]++] = number(v, path);
            return;
        }
        if (!v.isArray()) {
            throw new InputFormatException(path + ": expected an array (of " + ENTRIES[level] + "s; N×C×H×W), got "
                    + describe(v));
        }
        if (v.size() != shape[level]) {
            String first = firstPath(path, level);
            throw new InputFormatException(path + ": has " + count(v.size(), ENTRIES[level]) + ", " + first + " has "
                    + count(shape[level], ENTRIES[level]) + " (" + path.substring(0, path.indexOf('[') < 0 ? path.length()
                    : path.indexOf('[')) + " must be N×C×H×W, not ragged)");
        }
        for (int i = 0; i < v.size(); i++) {
            at[level] = i;
            fill(v.get(i), path + "[" + i + "]", shape, level + 1, at, data, next);
        }
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code x[0][0]} for a path {@code x[1][2]}: where the first array of that level is. */
    private static String firstPath(String path, int level) {
        int cut = path.length();
        for (int k = 0; k < level; k++) {
            cut = path.lastIndexOf('[', cut - 1);
        }
        return path.substring(0, cut) + "[0]".repeat(level);
    }

    private static String abbreviate(String t) {
        return shown(t);
    }

    /**
     * Text from a file as a message shows it: control characters escaped ({@code \n},
     * {@code \u0000}) so that a message stays one line, cut after 40 characters with "…".
     */
    public static String shown(String t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.length() && i < 40; i++) {
            char c = t.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return t.length() > 40 ? sb.append('…').toString() : sb.toString();
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "the string \"" + shown(v.asText()) + "\"";
        }
        if (v.isArray()) {
            return "an array of " + v.size();
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isBoolean()) {
            return "the boolean " + v.asText();
        }
        if (v.isNull()) {
            return "null";
        }
        return v.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " " + v.asText();
    }

    private static String values(int n) {
        return n == 1 ? "1 value" : n + " values";
    }

    /**
     * ", in x[0][1]": where the parser was when it failed, so that a syntax error names its
     * field. A text that ends too early inside an object gives ", after input.gamma": the
     * parser still names the last field it read (a cut key "be…" of beta is not one).
     */
    private static String where(JsonParser p, String problem) {
        if (p == null) {
            return "";
        }
        JsonStreamContext ctx = p.getParsingContext();
        // the parser counts the next entry before it finds the comma missing: "[1,0x2]" fails after x[0][1], not in x[0][2]
        boolean noComma = problem.contains(MISSING_COMMA);
        String path = path(ctx, noComma && ctx.inArray() ? -1 : 0);
        String word = noComma || problem.startsWith(END_OF_INPUT) && ctx.inObject() ? "after" : "in";
        return path.isEmpty() ? "" : ", " + word + " " + path;
    }

    /**
     * The field path of a parser context: {@code x[0][1]}; long paths keep their first levels.
     * {@code shift} is added to the innermost array index.
     */
    private static String path(JsonStreamContext ctx, int shift) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = ctx; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + Math.max(0, c.getCurrentIndex() + (c == ctx ? shift : 0)) + "]");
            } else if (c.getCurrentName() != null) {
                parts.push((c.getParent() != null && c.getParent().inRoot() ? "" : ".") + shown(c.getCurrentName()));
            }
        }
        StringBuilder sb = new StringBuilder();
        int levels = 0;
        for (String part : parts) {
            if (++levels > MAX_PATH_LEVELS && parts.size() > MAX_PATH_LEVELS + 1) {
                return sb.append("…").toString();
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /**
     * The offset of the first byte that no JSON text holds — a control character other than
     * tab, line feed and carriage return (JSON allows no others, not even inside strings) — or -1.
     */
    static int firstControlByte(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') {
                return i;
            }
        }
        return -1;
    }

    /**
     * {@link #parseProblem(String)}, and "; the text ends there (truncated?)" when the parser
     * stopped at the end of the text (but for white space): a file cut off in a number ("0.")
     * was refused for the number alone.
     */
    private static String parseProblem(String message, long offset, byte[] bytes) {
        String problem = parseProblem(message);
        int end = bytes.length;
        while (end > 0 && Character.isWhitespace(bytes[end - 1])) {
            end--;
        }
        // the location is the offending character's: the last one, with nothing after it to close the JSON
        return offset >= end - 1 && end > 0 && !problem.contains("truncated?") ? problem + "; the text ends there (truncated?)"
                : problem;
    }

    /** Jackson's message without its advice to enable parser features. */
    private static String parseProblem(String message) {
        String m = firstLine(message);
        String prefix = "Non-standard token '";
        if (m.startsWith(prefix)) {
            int end = m.indexOf('\'', prefix.length());
            String token = end < 0 ? "NaN" : m.substring(prefix.length(), end);
            return token + " is not a number in JSON; every value must be a finite number";
        }
        if (m.startsWith(END_OF_INPUT)) {
            return "the text ends too early (truncated?)";
        }
        String unknown = "Unrecognized token '";
        if (m.startsWith(unknown)) { // "garbage{…": Jackson lists its token kinds
            int end = m.indexOf('\'', unknown.length());
            return "'" + (end < 0 ? m.substring(unknown.length()) : m.substring(unknown.length(), end))
                    + "' is no JSON value (a number, \"text\", [ … ] or { … } was expected)";
        }
        // Jackson names its own switches ("enable `JsonReadFeature…`"): say what JSON allows instead
        if (m.contains("ALLOW_LEADING_PLUS_SIGN")) {
            return "a number may not start with '+' in JSON; write 2, not +2";
        }
        if (m.contains("ALLOW_COMMENTS")) {
            return "JSON has no comments; remove /* … */ and // …";
        }
        int feature = m.indexOf(": enable `");
        if (feature < 0) {
            feature = m.indexOf(" (not recognized as one since Feature");
        }
        if (feature > 0) {
            m = m.substring(0, feature);
        }
        for (String cut : new String[] {" (start marker", " [Source", " at [Source"}) {
            int i = m.indexOf(cut);
            if (i > 0) {
                m = m.substring(0, i);
            }
        }
        return m;
    }

    private static String constraint(String message) {
        String m = firstLine(message);
        if (m.startsWith("Document nesting depth")) {
            return "nested more than " + MAPPER.getFactory().streamReadConstraints().getMaxNestingDepth()
                    + " levels deep";
        }
        if (m.startsWith("String value length")) { // Jackson's count there is of a chunk read so far, not of the text
            return "a text value has more than " + MAPPER.getFactory().streamReadConstraints().getMaxStringLength()
                    + " characters";
        }
        if (m.startsWith("Number value length")) {
            return "a number has more than " + MAPPER.getFactory().streamReadConstraints().getMaxNumberLength()
                    + " characters";
        }
        int from = m.indexOf(", from `");
        return from < 0 ? m : m.substring(0, from) + ")";
    }

    private static void closeQuietly(JsonParser p) {
        if (p != null) {
            try {
                p.close();
            } catch (IOException ignored) {
                // reading from a byte array: nothing to release
            }
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
