package org.normgraph.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.NoSuchElementException;
import org.normgraph.core.ops.Op;

/**
 * An immutable graph of named nodes in topological (forward) order, with its edges.
 * Built with {@link Builder}, which checks names, arities and shapes as nodes are added.
 */
public final class Graph {

    private final List<Node> nodes;
    private final List<Edge> edges;
    private final Map<String, List<Edge>> consumers;
    private final Map<String, List<Edge>> producers;
    // Index form of the same graph, for the engine's inner loop.
    private final Map<String, Integer> nodeIndex = new java.util.HashMap<>();
    private final Map<Edge, Integer> edgeIndex = new java.util.HashMap<>();
    final int[][] inputIndex;
    final int[][] producerEdges;
    final int[] edgeFrom;

    private Graph(List<Node> nodes, List<Edge> edges) {
        this.nodes = List.copyOf(nodes);
        this.edges = List.copyOf(edges);
        for (int i = 0; i < nodes.size(); i++) {
            nodeIndex.put(nodes.get(i).name(), i);
        }
        this.inputIndex = new int[nodes.size()][];
        this.producerEdges = new int[nodes.size()][];
        this.edgeFrom = new int[edges.size()];
        for (int i = 0; i < nodes.size(); i++) {
            List<String> ins = nodes.get(i).inputs();
            inputIndex[i] = ins.stream().mapToInt(nodeIndex::get).toArray();
            producerEdges[i] = new int[ins.size()];
        }
        for (int e = 0; e < edges.size(); e++) {
            Edge edge = edges.get(e);
            edgeIndex.put(edge, e);
            edgeFrom[e] = nodeIndex.get(edge.from());
            producerEdges[nodeIndex.get(edge.to())][edge.argument()] = e;
        }
        Map<String, List<Edge>> uses = new LinkedHashMap<>();
        Map<String, List<Edge>> args = new LinkedHashMap<>();
        for (Node n : nodes) {
            uses.put(n.name(), new ArrayList<>());
            args.put(n.name(), new ArrayList<>());
        }
        for (Edge e : edges) {
            uses.get(e.from()).add(e);
            args.get(e.to()).add(e);
        }
        uses.replaceAll((k, v) -> List.copyOf(v));
        args.replaceAll((k, v) -> v.stream()
                .sorted((a, b) -> Integer.compare(a.argument(), b.argument())).toList());
        this.consumers = Collections.unmodifiableMap(uses);
        this.producers = Collections.unmodifiableMap(args);
    }

    /** All nodes, inputs first, each after the nodes it reads. */
    public List<Node> nodes() {
        return nodes;
    }

    public List<Edge> edges() {
        return edges;
    }

    public Node node(String name) {
        return nodes.get(indexOf(name));
    }

    /** Position of {@code name} in {@link #nodes()}. */
    public int indexOf(String name) {
        Integer i = nodeIndex.get(name);
        if (i == null) {
            throw new NoSuchElementException("no node named '" + name + "'");
        }
        return i;
    }

    /** Position of {@code edge} in {@link #edges()}. */
    public int indexOf(Edge edge) {
        Integer i = edgeIndex.get(edge);
        if (i == null) {
            throw new NoSuchElementException("no edge " + edge);
        }
        return i;
    }

    public boolean contains(String name) {
        return nodeIndex.containsKey(name);
    }

    /** The node whose gradient seeds the backward pass: the last one added. */
    public Node output() {
        return nodes.get(nodes.size() - 1);
    }

    /** Edges leaving {@code name}: where its value is used. */
    public List<Edge> consumers(String name) {
        node(name);
        return consumers.get(name);
    }

    /** Edges entering {@code name}, in argument order. */
    public List<Edge> producers(String name) {
        node(name);
        return producers.get(name);
    }

    /** A value used by more than one node: backward must add its branches. */
    public boolean isFanOut(String name) {
        return consumers(name).size() > 1;
    }

    public List<Node> inputs() {
        return nodes.stream().filter(Node::isInput).toList();
    }

    /** Builds a graph node by node, in topological order. */
    public static final class Builder {
        private final List<Node> nodes = new ArrayList<>();
        private final Map<String, Node> names = new LinkedHashMap<>();
        private final List<Edge> edges = new ArrayList<>();
        private final BiFunction<String, Op, Op> replace;

        public Builder() {
            this((name, op) -> op);
        }

        /** A builder that puts {@code replace.apply(name, op)} at each node instead of {@code op}. */
        public Builder(BiFunction<String, Op, Op> replace) {
            this.replace = replace;
        }

        public Builder input(String name, Shape shape) {
            return add(new Node(name, 0, NodeKind.INPUT, null, List.of(), shape, name));
        }

        public Builder op(String name, int step, NodeKind kind, Op given, String formula,
                          String... inputs) {
            Op op = replace.apply(name, given);
            if (op.arity() != inputs.length) {
                throw new IllegalArgumentException(name + ": " + op.symbol() + " takes "
                        + op.arity() + " inputs, got " + inputs.length);
            }
            Shape[] shapes = new Shape[inputs.length];
            for (int i = 0; i < inputs.length; i++) {
                Node in = names.get(inputs[i]);
                if (in == null) {
                    throw new IllegalArgumentException(name + ": unknown input '" + inputs[i] + "'");
                }
                shapes[i] = in.shape();
                edges.add(new Edge(inputs[i], name, i));
            }
            Shape shape;
            try {
                shape = op.outputShape(shapes);
            } catch (ShapeMismatchException e) {
                throw new ShapeMismatchException(name + ": " + e.getMessage());
            }
            return add(new Node(name, step, kind, op, List.of(inputs), shape, formula));
        }

        private Builder add(Node node) {
            if (names.putIfAbsent(node.name(), node) != null) {
                throw new IllegalArgumentException("duplicate node '" + node.name() + "'");
            }
            nodes.add(node);
            return this;
        }

        /** The last node added is the output. */
        public Graph build() {
            if (nodes.isEmpty()) {
                throw new IllegalStateException("empty graph");
            }
            return new Graph(nodes, edges);
        }
    }
}
