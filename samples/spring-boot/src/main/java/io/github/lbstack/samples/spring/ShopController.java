package io.github.lbstack.samples.spring;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Orders in the database (JDBC, schema by Flyway) and prices from the Redis cache. */
@RestController
class ShopController {

  private final JdbcTemplate jdbc;
  private final PriceService prices;

  ShopController(JdbcTemplate jdbc, PriceService prices) {
    this.jdbc = jdbc;
    this.prices = prices;
  }

  @PostMapping("/orders")
  @ResponseStatus(HttpStatus.CREATED)
  String order(@RequestParam String product) {
    jdbc.update("INSERT INTO orders (product, taken_by) VALUES (?, ?)", product, ServedBy.hostname());
    return product;
  }

  @GetMapping("/orders")
  List<String> orders() {
    return jdbc.queryForList("SELECT product FROM orders ORDER BY id", String.class);
  }

  @GetMapping("/prices/{product}")
  String price(@PathVariable String product) {
    return prices.price(product);
  }

  @GetMapping("/prices/computed")
  int computed() {
    return prices.computed();
  }
}
