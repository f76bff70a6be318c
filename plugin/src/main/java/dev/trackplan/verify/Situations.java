package dev.trackplan.verify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Page views already verified, by what their code could observe: verification scales with the
 * distinct situations of a site, not its pages. The code of a page view learns about its page only
 * by asking {@link HostDom} (elements, attributes, text, values, the address), and it is
 * deterministic (fixed clock, seeded randomness, no other input), so a page view is fully decided by
 * the questions it asked and the answers it got. The verifier's own questions (which elements an
 * event's selector matches, the banner's buttons) are asked the same way. A page whose answers to
 * the questions of a page view verified before are all the same, in the same scenario with the same
 * events and the same bundle, would run exactly the same: it is not run again, only counted.
 *
 * <p>Traces are kept as a trie: the next question depends only on the answers so far, so each node
 * holds one question and branches on its answer. Anything that breaks that assumption (two traces
 * asking different questions after the same answers) marks the node as never matching: when unsure,
 * the page view runs.
 *
 * <p>Memory is bounded by the situations worth sharing: a question whose answer has already differed
 * {@link #MAX_ANSWERS} times at the same point (the page's address, read by an event on every page)
 * makes each page a situation of its own; later page views are not remembered past it (they run,
 * as they would anyway, and nothing is kept per page).
 */
final class Situations {
    /** How many different answers one question may have at one point of the traces before no more are kept. */
    static final int MAX_ANSWERS = 64;
    private final Map<String, Node> roots = new ConcurrentHashMap<>();
    private int shared;

    private static final class Node {
        volatile DomStep question;
        volatile boolean end;
        volatile boolean unsure;
        final Map<Object, Node> next = new ConcurrentHashMap<>();
    }

    /**
     * Whether a page view {@code key} (the scenario, its events and the bundle's state) of the page
     * behind {@code dom} would ask exactly what one verified before asked and be answered the same;
     * counted when so. The questions are asked of {@code dom}, which the page's own code may have
     * changed on the way ({@link HostDom#changed()}).
     */
    boolean seenBefore(String key, HostDom dom) {
        Node n = roots.get(key);
        if (n == null) {
            return false;
        }
        try {
            while (true) {
                if (n.unsure) {
                    return false;
                }
                if (n.end) {
                    synchronized (this) {
                        shared++;
                    }
                    return true;
                }
                DomStep q = n.question;
                if (q == null) {
                    return false;
                }
                n = n.next.get(dom.ask(q));
                if (n == null) {
                    return false;
                }
            }
        } catch (RuntimeException e) { // a question this page cannot answer (an element it lacks): another situation
            return false;
        }
    }

    /** A page view {@code key} ran to its end: its questions and answers, for the pages still to come. */
    synchronized void remember(String key, List<DomStep> trace) {
        Node n = roots.computeIfAbsent(key, k -> new Node());
        for (DomStep step : trace) {
            if (n.unsure) {
                return;
            }
            DomStep q = n.question;
            if (n.end || (q != null && !(q.method().equals(step.method()) && q.args().equals(step.args())))) {
                n.unsure = true; // the same answers led to different questions: not deterministic here
                return;
            }
            if (q == null) {
                n.question = step.question();
            }
            Node after = n.next.get(step.answer());
            if (after == null) {
                if (n.next.size() >= MAX_ANSWERS) {
                    return; // an answer that differs page after page: not worth keeping for the pages to come
                }
                after = new Node();
                n.next.put(step.answer(), after);
            }
            n = after;
        }
        if (n.question != null) {
            n.unsure = true;
            return;
        }
        n.end = true;
    }

    /** How many page views were not run because a page verified before was in the same situation. */
    synchronized int shared() {
        return shared;
    }
}
