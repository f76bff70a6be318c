package dev.trackplan.verify;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a value the bundle sent carries personal data or a secret: an email address, a JSON Web
 * Token, or a URL query parameter named like a token, key, password or session. Values are at most
 * 1024 characters (HubSpot's limit), so the patterns stay cheap.
 */
final class PersonalValues {
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");
    private static final Pattern ENCODED_EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}%40[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");
    private static final Pattern JWT = Pattern.compile("eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*");
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)[?&#](token|access_token|id_token|refresh_token|auth|code|key|api_key|apikey|secret|password|pwd|session|sessionid|sid|signature|sig)=[^&#]+");
    private static final int MAX = 4096;

    private PersonalValues() {}

    /** What is wrong with the value, or null when it looks clean. */
    static String problem(String value) {
        String v = value.length() > MAX ? value.substring(0, MAX) : value;
        if (EMAIL.matcher(v).find() || ENCODED_EMAIL.matcher(v).find()) {
            return "carries an email address; personal data must not reach analytics (mark the property pii: true "
                    + "only if the plan allows it)";
        }
        if (JWT.matcher(v).find()) {
            return "carries what looks like a token (a JSON Web Token)";
        }
        Matcher m = SECRET_PARAMETER.matcher(v);
        if (m.find()) {
            return "carries a URL query parameter '" + m.group(1) + "', which looks like a secret; url and referrer "
                    + "drop the query unless keepQuery names a parameter";
        }
        return null;
    }
}
