package dev.novasdk.core.internal;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Text helpers for {@link ErrorMapper}: bounded decoding of untrusted bodies, markup removal and message
 * cleaning. Every method does work proportional to its bound, never to the size of the body, because error
 * bodies come from whatever sits between the SDK and the service (proxies, load balancers).
 */
final class ErrorText {
    /** Longest service message kept; enough for any nova, keystone or glance message. */
    static final int MAX_MESSAGE_CHARS = 1024;

    private static final char REPLACEMENT = '\uFFFD';
    private static final char ELLIPSIS = '\u2026';

    // Tags that sit inside a sentence; replacing them with a space would split words and punctuation.
    private static final Set<String> INLINE_TAGS = Set.of(
            "a", "b", "i", "em", "strong", "code", "span", "tt", "u", "small", "big", "abbr", "kbd", "samp", "var");

    private ErrorText() {}

    /**
     * The first {@code maxBytes} bytes of {@code body} as text. For UTF-8 the cut moves back to a character
     * boundary, so a multi-byte character is never split into a replacement character.
     */
    static String decodePrefix(byte[] body, int maxBytes, Charset charset) {
        int n = Math.min(body.length, maxBytes);
        if (n < body.length && charset.equals(StandardCharsets.UTF_8)) {
            // body[n] is the first byte left out; if it continues a sequence, that sequence started before n.
            for (int back = 0; back < 3 && n > 0 && (body[n] & 0xC0) == 0x80; back++) {
                n--;
            }
        }
        return new String(body, 0, n, charset);
    }

    /** The length of the longest prefix of {@code text} whose encoding fits in {@code maxBytes}. */
    static int prefixWithin(String text, int maxBytes, Charset charset) {
        if (text.length() * 4L <= maxBytes) {
            return text.length();
        }
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            int size = text.substring(i, i + n).getBytes(charset).length;
            if (bytes + size > maxBytes) {
                break;
            }
            bytes += size;
            i += n;
        }
        return i;
    }

    /**
     * At most {@code maxBytes} of the body for diagnosis, with control characters other than tab, CR and LF
     * replaced so that the excerpt cannot drive a terminal or forge log structure beyond line breaks.
     */
    static String excerpt(byte[] body, int maxBytes, Charset charset) {
        String text = decodePrefix(body, maxBytes, charset);
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t') {
                if (sb == null) {
                    sb = new StringBuilder(text);
                }
                sb.setCharAt(i, REPLACEMENT);
            }
        }
        return sb == null ? text : sb.toString();
    }

    /**
     * A one-line message: WebOb's literal {@code <br />} removed, control characters and whitespace runs
     * collapsed to single spaces, trimmed, and cut to {@value #MAX_MESSAGE_CHARS} characters. Other
     * angle-bracket text is kept, because nova messages contain things like {@code <class 'nova.exception.X'>}.
     *
     * @return {@code null} when nothing but whitespace remains
     */
    static String clean(CharSequence text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_MESSAGE_CHARS + 1));
        boolean pendingSpace = false;
        int i = 0;
        int len = text.length();
        while (i < len) {
            char c = text.charAt(i);
            if (c == '<') {
                int end = breakTagEnd(text, i);
                if (end > 0) {
                    pendingSpace = out.length() > 0;
                    i = end;
                    continue;
                }
            }
            if (Character.isWhitespace(c) || Character.isISOControl(c) || Character.isSpaceChar(c)) {
                pendingSpace = out.length() > 0;
                i++;
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(c);
            i++;
            if (out.length() > MAX_MESSAGE_CHARS) {
                int cut = MAX_MESSAGE_CHARS - 1;
                if (Character.isHighSurrogate(out.charAt(cut - 1))) {
                    cut--;
                }
                out.setLength(cut);
                out.append(ELLIPSIS);
                return out.toString();
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** {@code text} cut to {@code max} characters and cleaned of control characters, for header values. */
    static String headerValue(String text, int max) {
        String cleaned = clean(text.length() > max * 4 ? text.substring(0, max * 4) : text);
        if (cleaned == null) {
            return null;
        }
        return cleaned.length() > max ? cleaned.substring(0, max) : cleaned;
    }

    /** Whether {@code text} (the start of a body) looks like an HTML document. */
    static boolean looksLikeHtml(String text) {
        int start = 0;
        while (start < text.length()
                && (Character.isWhitespace(text.charAt(start)) || text.charAt(start) == '\uFEFF')) {
            start++;
        }
        if (start >= text.length() || text.charAt(start) != '<') {
            return false;
        }
        for (String marker : new String[] {"<!doctype html", "<html", "<head", "<title", "<body", "<h1"}) {
            if (indexOfIgnoreCase(text, marker, start) >= 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * The visible text of an HTML fragment: tags removed (block tags become spaces), the content of
     * {@code script}, {@code style} and {@code title} dropped, common entities decoded.
     */
    static String htmlToText(String html) {
        StringBuilder out = new StringBuilder(Math.min(html.length(), 4096));
        int i = 0;
        int len = html.length();
        while (i < len) {
            char c = html.charAt(i);
            if (c == '<' && i + 1 < len && isTagStart(html.charAt(i + 1))) {
                int close = html.indexOf('>', i + 1);
                if (close < 0) {
                    break; // an unterminated tag at the end of a truncated page: nothing visible follows
                }
                String name = tagName(html, i + 1, close);
                boolean closing = html.charAt(i + 1) == '/';
                i = close + 1;
                if (!closing && (name.equals("script") || name.equals("style") || name.equals("title"))) {
                    int end = indexOfIgnoreCase(html, "</" + name, i);
                    if (end < 0) {
                        break;
                    }
                    int endClose = html.indexOf('>', end);
                    i = endClose < 0 ? len : endClose + 1;
                }
                if (!INLINE_TAGS.contains(name)) {
                    out.append(' ');
                }
                continue;
            }
            if (c == '&') {
                // Entities are short; a bounded look-ahead keeps a page full of '&' linear.
                int semi = -1;
                for (int j = i + 1; j < len && j <= i + 10; j++) {
                    if (html.charAt(j) == ';') {
                        semi = j;
                        break;
                    }
                }
                if (semi > i + 1) {
                    String decoded = entity(html.substring(i + 1, semi));
                    if (decoded != null) {
                        out.append(decoded);
                        i = semi + 1;
                        continue;
                    }
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    /** The content between the first {@code <tag ...>} and its closing tag, or {@code null}. */
    static String element(String html, String tag) {
        int open = indexOfIgnoreCase(html, "<" + tag, 0);
        while (open >= 0) {
            int after = open + 1 + tag.length();
            if (after < html.length() && (html.charAt(after) == '>' || Character.isWhitespace(html.charAt(after)))) {
                int gt = html.indexOf('>', after);
                if (gt < 0) {
                    return null;
                }
                int end = indexOfIgnoreCase(html, "</" + tag, gt + 1);
                return html.substring(gt + 1, end < 0 ? html.length() : end);
            }
            open = indexOfIgnoreCase(html, "<" + tag, after);
        }
        return null;
    }

    /** Case-insensitive {@link String#indexOf(String, int)} that, unlike lower-casing, keeps indices intact. */
    static int indexOfIgnoreCase(String text, String needle, int from) {
        int last = text.length() - needle.length();
        for (int i = Math.max(from, 0); i <= last; i++) {
            if (text.regionMatches(true, i, needle, 0, needle.length())) {
                return i;
            }
        }
        return -1;
    }

    // If a <br>, <br/> or <br /> tag starts at i, the index just after it; otherwise -1.
    private static int breakTagEnd(CharSequence text, int i) {
        int len = text.length();
        if (i + 3 >= len
                || Character.toLowerCase(text.charAt(i + 1)) != 'b'
                || Character.toLowerCase(text.charAt(i + 2)) != 'r') {
            return -1;
        }
        int j = i + 3;
        while (j < len && j - i < 8 && text.charAt(j) == ' ') {
            j++;
        }
        if (j < len && text.charAt(j) == '/') {
            j++;
        }
        return j < len && text.charAt(j) == '>' ? j + 1 : -1;
    }

    private static boolean isTagStart(char c) {
        return Character.isLetter(c) || c == '/' || c == '!' || c == '?';
    }

    private static String tagName(String html, int start, int close) {
        int s = start;
        if (s < close && (html.charAt(s) == '/' || html.charAt(s) == '!' || html.charAt(s) == '?')) {
            s++;
        }
        int e = s;
        while (e < close && Character.isLetterOrDigit(html.charAt(e))) {
            e++;
        }
        return html.substring(s, e).toLowerCase(Locale.ROOT);
    }

    private static String entity(String name) {
        switch (name) {
            case "amp":
                return "&";
            case "lt":
                return "<";
            case "gt":
                return ">";
            case "quot":
                return "\"";
            case "apos":
                return "'";
            case "nbsp":
                return " ";
            default:
                break;
        }
        if (name.length() > 1 && name.charAt(0) == '#') {
            try {
                boolean hex = name.charAt(1) == 'x' || name.charAt(1) == 'X';
                int cp = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
                return Character.isValidCodePoint(cp) ? new String(Character.toChars(cp)) : null;
            } catch (NumberFormatException notANumber) {
                return null;
            }
        }
        return null;
    }
}
