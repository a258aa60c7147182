package io.github.lbstack.samples.spring;

import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Log in and ask who you are: the session lives in Redis (Spring Session), so any replica knows you. */
@RestController
class AccountController {

  @PostMapping("/login")
  String login(@RequestParam String username, HttpSession session) {
    session.setAttribute("user", username);
    return username;
  }

  @GetMapping("/me")
  String me(HttpSession session) {
    Object user = session.getAttribute("user");
    if (user == null) {
      throw new ResponseStatusException(HttpStatus.UNAUTHORIZED, "not logged in");
    }
    return user.toString();
  }
}
