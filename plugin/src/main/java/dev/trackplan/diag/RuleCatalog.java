package dev.trackplan.diag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every rule id Trackplan can report, for the machine-readable reports. The ids come from the
 * stages' own rule tables (an enum with {@code code()} and {@code summary()}, such as
 * {@code check.Rule}, or a class of {@code public static final String} ids, such as
 * {@code yaml.YamlRules}): every class of a {@code dev.trackplan.*} package whose name ends in
 * {@code Rule} or {@code Rules} is read, so a rule added to any of them, or a new rule table,
 * is in the reports without being listed here. The words come from the README's rule table
 * (shipped in the jar), which a test keeps complete; a rule missing there falls back to its
 * enum summary or its constant's name.
 */
public final class RuleCatalog {
    private static final Pattern RULE_ID = Pattern.compile("TP[0-9]{3}");
    private static final Pattern RULE_CLASS = Pattern.compile("dev/trackplan/[a-z][a-z0-9]*/([A-Z][A-Za-z0-9]*)?Rules?\\.class");
    private static final String README = "dev/trackplan/README.md";

    private static volatile List<RuleDescription> all;

    private RuleCatalog() {}

    /** All rules, sorted by id. */
    public static List<RuleDescription> all() {
        List<RuleDescription> rules = all;
        if (rules == null) {
            rules = load();
            all = rules;
        }
        return rules;
    }

    /** The rule with this id, or a bare description for an id no rule table declares. */
    public static RuleDescription find(String id) {
        for (RuleDescription r : all()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        return new RuleDescription(id, id, "other", id, id, false);
    }

    private static List<RuleDescription> load() {
        Map<String, ReadmeRuleTable.Row> readme = ReadmeRuleTable.read(resource(README));
        Map<String, RuleDescription> byId = new TreeMap<>();
        for (String className : ruleClassNames()) {
            Class<?> c;
            try {
                c = Class.forName(className, true, RuleCatalog.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                continue;
            }
            String stage = className.substring("dev.trackplan.".length(), className.lastIndexOf('.'));
            for (Declared d : declaredIn(c)) {
                ReadmeRuleTable.Row row = readme.getOrDefault(d.id(), new ReadmeRuleTable.Row(d.fallback(), d.fallback()));
                byId.putIfAbsent(d.id(), new RuleDescription(d.id(), pascal(d.constant()), stage, row.plain(),
                        row.markdown(), row.plain().startsWith("warning:")));
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }

    private record Declared(String id, String constant, String fallback) {}

    private static List<Declared> declaredIn(Class<?> c) {
        List<Declared> out = new ArrayList<>();
        if (c.isEnum()) {
            try {
                Method code = c.getMethod("code");
                Method summary = methodOrNull(c, "summary");
                for (Object constant : c.getEnumConstants()) {
                    Object id = code.invoke(constant);
                    if (id instanceof String s && RULE_ID.matcher(s).matches()) {
                        String name = ((Enum<?>) constant).name();
                        out.add(new Declared(s, name, summary == null ? words(name) : String.valueOf(summary.invoke(constant))));
                    }
                }
            } catch (ReflectiveOperationException e) {
                return out; // an enum without code() holds no rule ids
            }
            return out;
        }
        for (Field f : c.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == String.class) {
                try {
                    Object id = f.get(null);
                    if (id instanceof String s && RULE_ID.matcher(s).matches()) {
                        out.add(new Declared(s, f.getName(), words(f.getName())));
                    }
                } catch (IllegalAccessException e) {
                    // not readable: not a rule table entry
                }
            }
        }
        return out;
    }

    private static Method methodOrNull(Class<?> c, String name) {
        try {
            return c.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The rule tables' class names, from the plugin's own jar (or classes folder in tests), sorted. */
    static List<String> ruleClassNames() {
        TreeSet<String> names = new TreeSet<>();
        Path location;
        try {
            location = Path.of(RuleCatalog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | RuntimeException e) {
            return List.of();
        }
        try {
            if (Files.isDirectory(location)) {
                Path root = location.resolve("dev/trackplan");
                try (Stream<Path> s = Files.walk(root, 2)) {
                    s.map(p -> location.relativize(p).toString().replace('\\', '/'))
                            .filter(n -> RULE_CLASS.matcher(n).matches()).forEach(n -> names.add(className(n)));
                }
            } else {
                try (JarFile jar = new JarFile(location.toFile())) {
                    jar.stream().map(e -> e.getName()).filter(n -> RULE_CLASS.matcher(n).matches())
                            .forEach(n -> names.add(className(n)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list Trackplan's rule tables in " + location, e);
        }
        return List.copyOf(names);
    }

    private static String className(String entry) {
        return entry.substring(0, entry.length() - ".class".length()).replace('/', '.');
    }

    private static String resource(String name) {
        try (InputStream in = RuleCatalog.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** EVENT_NAME_LENGTH: "event name length". */
    private static String words(String constant) {
        return constant.toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** EVENT_NAME_LENGTH: "EventNameLength" (SARIF's rule name). */
    private static String pascal(String constant) {
        StringBuilder sb = new StringBuilder();
        for (String part : constant.toLowerCase(java.util.Locale.ROOT).split("_")) {
            if (!part.isEmpty()) {
                sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return sb.toString();
    }
}
