package dev.trackplan.site;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's tags: each tag's slug (its URL segment under /tags/) and the published pages that carry
 * it. Tags whose slugs are equal ("Product news", "product-news") are one tag, named the way most
 * pages spell it (ties: the spelling that sorts first).
 */
final class Tags {
    /** One tag: its name as shown, its slug, and its pages newest first. */
    record Tag(String name, String slug, List<Page> pages) {
        String url() {
            return "/tags/" + slug + "/";
        }
    }

    private final Map<String, Tag> bySlug;

    private Tags(Map<String, Tag> bySlug) {
        this.bySlug = bySlug;
    }

    static Tags of(List<Page> pages) {
        Map<String, List<Page>> pagesBySlug = new TreeMap<>();
        Map<String, Map<String, Integer>> spellings = new HashMap<>();
        for (Page p : pages) {
            for (String t : p.extras().tags()) {
                String slug = slug(t);
                if (slug.isEmpty()) {
                    continue;
                }
                List<Page> list = pagesBySlug.computeIfAbsent(slug, k -> new ArrayList<>());
                if (!list.contains(p)) {
                    list.add(p);
                }
                spellings.computeIfAbsent(slug, k -> new TreeMap<>()).merge(t, 1, Integer::sum);
            }
        }
        Map<String, Tag> out = new TreeMap<>();
        pagesBySlug.forEach((slug, list) -> {
            String name = spellings.get(slug).entrySet().stream()
                    .max(Comparator.comparingInt((Map.Entry<String, Integer> e) -> e.getValue())
                            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                    .orElseThrow().getKey();
            out.put(slug, new Tag(name, slug, Listing.sorted(list)));
        });
        return new Tags(out);
    }

    /** Every tag in slug order. */
    List<Tag> all() {
        return List.copyOf(bySlug.values());
    }

    boolean isEmpty() {
        return bySlug.isEmpty();
    }

    Tag get(String name) {
        return bySlug.get(slug(name));
    }

    /**
     * The URL segment of a tag: letters with their accents removed, lowercase, every run of other
     * characters one hyphen, none at either end ("Ça & Co." is "ca-co"). Letters of scripts without
     * an ASCII form (Cyrillic, CJK, ...) are kept as they are.
     */
    static String slug(String tag) {
        String s = Normalizer.normalize(tag, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        boolean hyphen = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                if (hyphen && out.length() > 0) {
                    out.append('-');
                }
                hyphen = false;
                out.appendCodePoint(cp);
            } else {
                hyphen = true;
            }
        }
        return out.toString();
    }
}
