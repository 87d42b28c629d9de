package com.mallbatch.readers;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.List;
import java.util.Map;

/**
 * A YAML document read safely (plain maps, lists and scalars only), navigated with the path of every value kept, so
 * each complaint names the document and the entry: {@code stylemarket.yml: products.fields.price.select: is missing}.
 */
public final class YamlTree {

    private final String document;
    private final String path;
    private final Object value;

    private YamlTree(String document, String path, Object value) {
        this.document = document;
        this.path = path;
        this.value = value;
    }

    /** Parses {@code text}; {@code document} names it in messages (a file name, a profile name). */
    public static YamlTree parse(String document, String text) {
        try {
            return new YamlTree(document, "", new Yaml(new SafeConstructor(new LoaderOptions())).load(text));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(document + ": is not valid YAML: " + e.getMessage(), e);
        }
    }

    public boolean has(String key) {
        return map().get(key) != null;
    }

    public YamlTree get(String key) {
        Object child = map().get(key);
        if (child == null) {
            throw problem(key, "is missing");
        }
        return new YamlTree(document, join(key), child);
    }

    public YamlTree getOrEmpty(String key) {
        Object child = map().get(key);
        return new YamlTree(document, join(key), child == null ? Map.of() : child);
    }

    public List<YamlTree> list() {
        if (!(value instanceof List<?> items)) {
            throw problem(null, "should be a list");
        }
        return java.util.stream.IntStream.range(0, items.size())
                .mapToObj(i -> new YamlTree(document, path + "[" + i + "]", items.get(i))).toList();
    }

    /** The keys of a mapping, in document order. */
    public List<String> keys() {
        return map().keySet().stream().map(String::valueOf).toList();
    }

    public String text(String key) {
        return get(key).asText();
    }

    public String text(String key, String fallback) {
        return has(key) ? text(key) : fallback;
    }

    public String asText() {
        if (value instanceof Map || value instanceof List) {
            throw problem(null, "should be a single value");
        }
        return String.valueOf(value);
    }

    public Number number(String key, Number fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = map().get(key);
        if (v instanceof Number n) {
            return n;
        }
        throw problem(key, "should be a number, got '" + v + "'");
    }

    public boolean flag(String key, boolean fallback) {
        if (!has(key)) {
            return fallback;
        }
        Object v = map().get(key);
        if (v instanceof Boolean b) {
            return b;
        }
        throw problem(key, "should be true or false, got '" + v + "'");
    }

    public boolean isMap() {
        return value instanceof Map;
    }

    public IllegalArgumentException problem(String key, String message) {
        return new IllegalArgumentException(document + ": " + (key == null ? (path.isEmpty() ? "(root)" : path) : join(key))
                + ": " + message);
    }

    private Map<?, ?> map() {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw problem(null, "should be a mapping");
    }

    private String join(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
