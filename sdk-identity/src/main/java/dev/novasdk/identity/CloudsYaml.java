package dev.novasdk.identity;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads {@code clouds.yaml} and {@code secure.yaml} into a tree of maps, lists and strings that remembers the
 * file and line of every value, so that later checks can point at them.
 *
 * <p>The document is only composed, never constructed: no Java type is ever instantiated from a tag, and
 * scalars keep their text ({@code compute_api_version: 2.10} stays {@code "2.10"} rather than the float 2.1,
 * {@code project_id: 0123} keeps its zero).
 */
final class CloudsYaml {
    private static final int MAX_DEPTH = 64;

    private CloudsYaml() {}

    /** A value in the tree. */
    sealed interface YNode permits YMap, YList, YScalar {
        Path file();

        /** 1-based. */
        int line();

        /** How messages describe the kind of value. */
        String kind();

        default String where() {
            return file() + " line " + line();
        }
    }

    /** A mapping, in file order. */
    record YMap(Path file, int line, Map<String, YNode> entries) implements YNode {
        @Override
        public String kind() {
            return "a mapping";
        }
    }

    /** A sequence. */
    record YList(Path file, int line, List<YNode> items) implements YNode {
        @Override
        public String kind() {
            return "a list";
        }
    }

    /** A scalar; {@code text} is null for YAML's null ({@code ~}, {@code null} or nothing). */
    record YScalar(Path file, int line, String text) implements YNode {
        @Override
        public String kind() {
            return "a single value";
        }
    }

    /**
     * Reads {@code file}; an empty file is an empty mapping.
     *
     * @throws CloudConfigException naming the file and the line when it is not valid YAML or not a mapping
     */
    static YMap read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new CloudConfigException(
                    "cannot read " + file + " as UTF-8 text: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    file,
                    0,
                    e);
        }
        LoaderOptions options = new LoaderOptions();
        options.setAllowRecursiveKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setNestingDepthLimit(MAX_DEPTH);
        options.setCodePointLimit(1024 * 1024);
        options.setMergeOnCompose(true);
        Yaml yaml = new Yaml(
                new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(), options);
        Node root;
        try {
            root = yaml.compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            // Not e.getMessage(): SnakeYAML quotes the offending line, which may hold a password. No cause either,
            // for the same reason (stack traces print it).
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = mark == null ? 0 : mark.getLine() + 1;
            String at = mark == null ? "" : " at line " + line + ", column " + (mark.getColumn() + 1);
            String problem = e.getProblem() == null ? "invalid YAML" : e.getProblem();
            String context = e.getContext() == null ? "" : " (" + e.getContext() + ")";
            throw new CloudConfigException(
                    "malformed YAML in " + file + at + ": " + problem + context, file, line, null);
        } catch (YAMLException e) {
            throw new CloudConfigException(
                    "malformed YAML in " + file + ": " + e.getClass().getSimpleName(), file, 0, null);
        }
        if (root == null) {
            return new YMap(file, 1, Map.of());
        }
        YNode tree = convert(file, root, 0);
        if (!(tree instanceof YMap)) {
            throw new CloudConfigException(
                    file + " line " + tree.line() + ": the document must be a mapping " + "(clouds: ...), got "
                            + tree.kind(),
                    file,
                    tree.line(),
                    null);
        }
        return (YMap) tree;
    }

    private static YNode convert(Path file, Node node, int depth) {
        int line = node.getStartMark() == null ? 0 : node.getStartMark().getLine() + 1;
        if (depth > MAX_DEPTH) {
            // Aliases can make a cycle the composer accepts; the walk must still end.
            throw new CloudConfigException(
                    file + " line " + line + ": nested too deeply (a recursive alias?)", file, line, null);
        }
        if (node instanceof ScalarNode) {
            ScalarNode s = (ScalarNode) node;
            return new YScalar(file, line, Tag.NULL.equals(s.getTag()) ? null : s.getValue());
        }
        if (node instanceof SequenceNode) {
            List<YNode> items = new ArrayList<>();
            for (Node item : ((SequenceNode) node).getValue()) {
                items.add(convert(file, item, depth + 1));
            }
            return new YList(file, line, Collections.unmodifiableList(items));
        }
        MappingNode m = (MappingNode) node;
        Map<String, YNode> entries = new LinkedHashMap<>();
        for (NodeTuple t : m.getValue()) {
            Node k = t.getKeyNode();
            int keyLine = k.getStartMark() == null ? line : k.getStartMark().getLine() + 1;
            if (!(k instanceof ScalarNode) || Tag.NULL.equals(k.getTag())) {
                throw new CloudConfigException(
                        file + " line " + keyLine + ": keys must be plain names", file, keyLine, null);
            }
            String key = ((ScalarNode) k).getValue();
            // YAML says duplicate keys are an error; a silent "last one wins" hides typos in a copied block.
            if (entries.containsKey(key)) {
                throw new CloudConfigException(
                        file + " line " + keyLine + ": duplicate key '" + key + "'", file, keyLine, null);
            }
            entries.put(key, convert(file, t.getValueNode(), depth + 1));
        }
        return new YMap(file, line, Collections.unmodifiableMap(entries));
    }

    /** {@code over} deep-merged onto {@code base}: mappings merge key by key, anything else replaces. */
    static YMap merge(YMap base, YMap over) {
        Map<String, YNode> out = new LinkedHashMap<>(base.entries());
        for (Map.Entry<String, YNode> e : over.entries().entrySet()) {
            YNode old = out.get(e.getKey());
            if (old instanceof YMap && e.getValue() instanceof YMap) {
                out.put(e.getKey(), merge((YMap) old, (YMap) e.getValue()));
            } else {
                out.put(e.getKey(), e.getValue());
            }
        }
        return new YMap(base.file(), base.line(), Collections.unmodifiableMap(out));
    }
}
