package io.github.lbstack.samples;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.lbstack.Replica;
import io.github.lbstack.RunningStack;
import org.junit.jupiter.api.Test;

/** A task added through one replica is listed by every replica. */
@QuickstartStack
class SharedTasksIT {

  @Test
  void aTaskAddedOnReplicaThreeIsListedEverywhere(RunningStack stack) {
    String username = Quickstart.newUsername();
    String session = Quickstart.register(stack.replica(1).spec(), username);
    Quickstart.addTask(stack.replica(3).spec(), session, "water the plants");

    for (Replica replica : stack.replicas()) {
      String page = given(replica.spec()).cookie(Quickstart.SESSION_COOKIE, session).get("/tasks").body().asString();
      assertThat(page).as("tasks page on %s", replica.hostname())
          .contains("<span class=\"task-name\">water the plants</span> <small>added on web-3</small>")
          .contains("<code id=\"served-by\">" + replica.hostname() + "</code>");
    }
  }

  @Test
  void aTaskDeletedOnOneReplicaIsGoneEverywhere(RunningStack stack) {
    String session = Quickstart.register(stack.replica(1).spec(), Quickstart.newUsername());
    Quickstart.addTask(stack.replica(1).spec(), session, "call the plumber");
    String page = given(stack.replica(1).spec()).cookie(Quickstart.SESSION_COOKIE, session).get("/tasks")
        .body().asString();
    java.util.regex.Matcher delete = java.util.regex.Pattern.compile("action=\"(/tasks/\\d+/delete)\"").matcher(page);
    assertThat(delete.find()).as("a delete form on the page").isTrue();

    given(stack.replica(2).spec()).cookie(Quickstart.SESSION_COOKIE, session).redirects().follow(false)
        .post(delete.group(1)).then().statusCode(303);

    for (Replica replica : stack.replicas()) {
      assertThat(given(replica.spec()).cookie(Quickstart.SESSION_COOKIE, session).get("/tasks").body().asString())
          .as("tasks page on %s", replica.hostname()).doesNotContain("call the plumber");
    }
  }
}
