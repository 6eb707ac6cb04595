package dev.novasdk.core.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line into words the way a POSIX shell does for the quoting the logging filter uses:
 * bare words, single quotes, double quotes with backslash escapes, and backslash outside quotes. Fails on
 * an unterminated quote, so a test can tell a valid command from a broken one.
 */
final class ShellWords {
    private ShellWords() {}

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated single quote at " + i);
                }
                word.append(line, i + 1, end);
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (true) {
                    if (i >= line.length()) {
                        throw new IllegalArgumentException("unterminated double quote");
                    }
                    char d = line.charAt(i);
                    if (d == '"') {
                        i++;
                        break;
                    }
                    if (d == '\\' && i + 1 < line.length() && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) {
                        word.append(line.charAt(i + 1));
                        i += 2;
                    } else if (d == '$' || d == '`') {
                        throw new IllegalArgumentException("unescaped " + d + " inside double quotes at " + i);
                    } else {
                        word.append(d);
                        i++;
                    }
                }
            } else if (c == '\\') {
                if (i + 1 >= line.length()) {
                    throw new IllegalArgumentException("trailing backslash");
                }
                word.append(line.charAt(i + 1));
                i += 2;
            } else if ("&;|<>()$`*?[]{}!#\t\n".indexOf(c) >= 0) {
                throw new IllegalArgumentException("unquoted shell metacharacter '" + c + "' at " + i);
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }
}
