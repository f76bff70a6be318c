package dev.trackplan.site;

import dev.trackplan.diag.Diagnostics;
import dev.trackplan.diag.SourcePos;
import dev.trackplan.load.Suggest;
import dev.trackplan.model.Values;
import dev.trackplan.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a page's front matter keys into typed values, reporting every unknown key (with a
 * suggestion) and every value of the wrong shape. A bad value is reported and read as absent.
 */
final class FrontMatter {
    static final List<String> KEYS = List.of("title", "description", "layout", "draft", "date", "weight", "summary",
            "image", "tags", "params", "meta", "aliases", "nav", "menu", "lastmod", "publishDate", "expiryDate",
            "paginate");
    private final Map<String, YamlNode.Entry> fm;
    private final Diagnostics d;

    FrontMatter(Map<String, YamlNode.Entry> fm, Diagnostics d) {
        this.fm = fm;
        this.d = d;
        for (YamlNode.Entry e : fm.values()) {
            if (!KEYS.contains(e.key())) {
                d.error(e.keyPos(), SiteRules.FRONT_MATTER_KEY, "unknown front matter key '" + e.key() + "'"
                        + Suggest.hint(e.key(), KEYS) + "; a site's own values go under params: or meta:");
            }
        }
    }

    String text(String key) {
        YamlNode.Entry e = fm.get(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof YamlNode.Scalar s) {
            return s.isNull() ? null : s.text();
        }
        bad(e.value().pos(), "'" + key + "' must be a single value, found " + e.value().shape());
        return null;
    }

    /** A date key: ISO 8601 ("2026-11-22", "2026-11-22T09:30:00+01:00"). */
    String date(String key) {
        String t = text(key);
        if (t != null && Values.datetime(t).isEmpty()) {
            bad(pos(key), key + " '" + t + "' is not an ISO 8601 date like 2026-11-22");
            return null;
        }
        return t;
    }

    Boolean bool(String key) {
        String t = text(key);
        if (t == null) {
            return null;
        }
        if (t.equals("true") || t.equals("false")) {
            return t.equals("true");
        }
        bad(pos(key), key + " must be true or false, found '" + t + "'");
        return null;
    }

    Integer integer(String key, int min) {
        String t = text(key);
        if (t == null) {
            return null;
        }
        try {
            int v = Integer.parseInt(t);
            if (v >= min) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        bad(pos(key), key + " must be a whole number" + (min > Integer.MIN_VALUE ? " of at least " + min : "")
                + ", found '" + t + "'");
        return null;
    }

    /** A list of texts; a single text is a list of one. */
    List<Page.Located> list(String key) {
        YamlNode.Entry e = fm.get(key);
        if (e == null || e.value() instanceof YamlNode.Scalar s && s.isNull()) {
            return List.of();
        }
        List<YamlNode> items = e.value() instanceof YamlNode.Sequence seq ? seq.items() : List.of(e.value());
        List<Page.Located> out = new ArrayList<>();
        for (YamlNode item : items) {
            if (item instanceof YamlNode.Scalar s && !s.isNull() && !s.text().isBlank()) {
                out.add(new Page.Located(s.text().trim(), s.pos()));
            } else {
                bad(item.pos(), "each of " + key + " must be a non-empty text, found " + item.shape());
            }
        }
        return out;
    }

    /** name: content pairs, for meta tags. */
    Map<String, String> textMap(String key) {
        YamlNode.Entry e = fm.get(key);
        if (e == null || e.value() instanceof YamlNode.Scalar s && s.isNull()) {
            return Map.of();
        }
        if (!(e.value() instanceof YamlNode.Mapping m)) {
            bad(e.value().pos(), key + " must be a map of name: content, found " + e.value().shape());
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (YamlNode.Entry item : m.entries().values()) {
            if (item.value() instanceof YamlNode.Scalar s && !s.isNull()) {
                out.put(item.key(), s.text());
            } else {
                bad(item.value().pos(), key + "." + item.key() + " must be a single value, found " + item.value().shape());
            }
        }
        return out;
    }

    /** Any map, as plain Java maps, lists and texts for the layouts. */
    Map<String, Object> anyMap(String key) {
        YamlNode.Entry e = fm.get(key);
        if (e == null || e.value() instanceof YamlNode.Scalar s && s.isNull()) {
            return Map.of();
        }
        if (!(e.value() instanceof YamlNode.Mapping)) {
            bad(e.value().pos(), key + " must be a map, found " + e.value().shape());
            return Map.of();
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) plain(e.value());
        return m;
    }

    SourcePos pos(String key) {
        return fm.get(key).value().pos();
    }

    private static Object plain(YamlNode n) {
        if (n instanceof YamlNode.Mapping m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.entries().values().forEach(e -> out.put(e.key(), plain(e.value())));
            return out;
        }
        if (n instanceof YamlNode.Sequence s) {
            return s.items().stream().map(FrontMatter::plain).toList();
        }
        YamlNode.Scalar s = (YamlNode.Scalar) n;
        if (s.text().equals("true") || s.text().equals("false")) {
            return Boolean.valueOf(s.text()); // so {{#page.params.x}} sections work
        }
        return s.isNull() ? "" : s.text();
    }

    private void bad(SourcePos at, String message) {
        d.error(at, SiteRules.FRONT_MATTER_VALUE, message);
    }
}
