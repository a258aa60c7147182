package io.github.lbstack.samples.quickstart;

import java.util.List;

/** The HTML, kept as plain strings: three small pages need no template engine. */
final class Pages {

  private Pages() {}

  static String login(String hostname, String error) {
    return page(hostname, null, "Log in", errorBlock(error) + """
        <form method="post" action="/login">
          <label>Username <input name="username" id="username" required></label>
          <label>Password <input name="password" id="password" type="password" required></label>
          <button type="submit" id="login">Log in</button>
        </form>
        <p>No account? <a href="/register">Register</a></p>
        """);
  }

  static String register(String hostname, String error) {
    return page(hostname, null, "Register", errorBlock(error) + """
        <form method="post" action="/register">
          <label>Username <input name="username" id="username" required></label>
          <label>Password <input name="password" id="password" type="password" required></label>
          <button type="submit" id="register">Register</button>
        </form>
        <p>Have an account? <a href="/login">Log in</a></p>
        """);
  }

  static String tasks(String hostname, Store.User user, List<Store.Task> tasks) {
    StringBuilder list = new StringBuilder("<ul id=\"tasks\">\n");
    for (Store.Task task : tasks) {
      list.append("  <li class=\"task\"><span class=\"task-name\">").append(escape(task.name()))
          .append("</span> <small>added on ").append(escape(task.createdBy())).append("</small>")
          .append(" <form method=\"post\" action=\"/tasks/").append(task.id()).append("/delete\" class=\"inline\">")
          .append("<button type=\"submit\">Delete</button></form></li>\n");
    }
    list.append("</ul>\n");
    return page(hostname, user, "Tasks", """
        <form method="post" action="/tasks">
          <label>New task <input name="name" id="task-name" required maxlength="255"></label>
          <button type="submit" id="add-task">Add</button>
        </form>
        """ + list);
  }

  private static String page(String hostname, Store.User user, String title, String body) {
    String account = user == null ? ""
        : "<span id=\"user\">" + escape(user.username()) + "</span>"
            + " <form method=\"post\" action=\"/logout\" class=\"inline\"><button id=\"logout\">Log out</button></form>";
    return """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>%s - Quickstart</title>
        <style>body{font-family:sans-serif;margin:0}nav{background:#222;color:#eee;padding:.5em 1em;display:flex;
        gap:1em}main{padding:1em}.inline{display:inline}</style></head>
        <body>
        <nav><strong>Quickstart</strong> <span>served by <code id="served-by">%s</code></span> %s</nav>
        <main><h1>%s</h1>
        %s</main>
        </body>
        </html>
        """.formatted(escape(title), escape(hostname), account, escape(title), body);
  }

  private static String errorBlock(String error) {
    return error == null ? "" : "<p class=\"error\" id=\"error\">" + escape(error) + "</p>\n";
  }

  static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
