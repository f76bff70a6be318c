package dev.trackplan.verify;

import java.util.List;

/** One question a page view asked of its page ({@link HostDom}) and the answer it got. */
record DomStep(String method, List<Object> args, Object answer) {
    /** The answer "nothing" (null, or a call that answers nothing), comparable like any other. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** The answer "it failed with this exception" (its type: messages may carry object identities). */
    static Object threw(RuntimeException e) {
        return "threw " + e.getClass().getName();
    }

    /** The question alone: what a trie of traces is keyed by. */
    DomStep question() {
        return new DomStep(method, args, null);
    }
}
