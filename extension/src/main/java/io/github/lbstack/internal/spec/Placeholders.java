package io.github.lbstack.internal.spec;

import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands {@code ${name}} placeholders from a fixed set of values. {@code $$} stands for a literal {@code $}, so
 * a value can still contain shell-style text.
 */
public final class Placeholders {

  private static final Pattern TOKEN = Pattern.compile("\\$\\$|\\$\\{([^}]*)}");

  private final Map<String, String> values;
  private final Map<String, String> leftOut;

  /**
   * @param leftOut placeholder prefixes that exist only when a service is part of the stack, mapped to why they
   *     are missing here, for a message that says more than "unknown"
   */
  public Placeholders(Map<String, String> values, Map<String, String> leftOut) {
    this.values = Map.copyOf(values);
    this.leftOut = Map.copyOf(leftOut);
  }

  /**
   * @param where names the setting being expanded, for the error message, for example {@code "@Web(env) DB_URL"}
   * @throws InvalidSpecException for an unknown placeholder, listing the known ones
   */
  public String expand(String where, String text) {
    Matcher matcher = TOKEN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String replacement;
      if (matcher.group(1) == null) {
        replacement = "$";
      } else {
        String name = matcher.group(1).trim();
        replacement = values.get(name);
        if (replacement == null) {
          throw new InvalidSpecException(where + " uses " + unknown(name) + ": use one of "
              + new TreeSet<>(values.keySet()).stream().map(key -> "${" + key + "}").toList()
              + ", or write $$ for a literal $.");
        }
      }
      matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  private String unknown(String name) {
    return leftOut.entrySet().stream().filter(entry -> name.startsWith(entry.getKey())).findFirst()
        .map(entry -> "${" + name + "}, but " + entry.getValue())
        .orElse("unknown placeholder ${" + name + "}");
  }
}
