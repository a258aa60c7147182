package io.github.lbstack.samples.quickstart;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Users and tasks in the database (MySQL or PostgreSQL). Passwords are bcrypt hashes (cost 10), never stored or logged in clear. */
final class Store {

  record User(long id, String username) {}

  record Task(long id, String name, String createdBy) {}

  private static final int BCRYPT_COST = 10;

  private final DataSource db;

  Store(DataSource db) {
    this.db = db;
  }

  /** @return the new user, or empty when the name is taken */
  Optional<User> register(String username, String password) throws SQLException {
    String hash = BCrypt.withDefaults().hashToString(BCRYPT_COST, password.toCharArray());
    try (Connection connection = db.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO users (username, password_hash) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      insert.setString(1, username);
      insert.setString(2, hash);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return Optional.of(new User(keys.getLong(1), username));
      }
    } catch (SQLException e) {
      // SQLSTATE class 23, integrity constraint violation: the name is taken. MySQL's driver and PostgreSQL's
      // raise different types for it, but both give the standard state.
      if (e.getSQLState() != null && e.getSQLState().startsWith("23")) {
        return Optional.empty();
      }
      throw e;
    }
  }

  Optional<User> login(String username, String password) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, password_hash FROM users WHERE username = ?")) {
      select.setString(1, username);
      try (ResultSet row = select.executeQuery()) {
        if (row.next() && BCrypt.verifyer().verify(password.toCharArray(), row.getString(2)).verified) {
          return Optional.of(new User(row.getLong(1), username));
        }
      }
    }
    return Optional.empty();
  }

  Optional<User> user(long id) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement("SELECT username FROM users WHERE id = ?")) {
      select.setLong(1, id);
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? Optional.of(new User(id, row.getString(1))) : Optional.empty();
      }
    }
  }

  List<Task> tasks(long userId) throws SQLException {
    List<Task> tasks = new ArrayList<>();
    try (Connection connection = db.getConnection();
        PreparedStatement select = connection.prepareStatement(
            "SELECT id, name, created_by FROM tasks WHERE user_id = ? ORDER BY id")) {
      select.setLong(1, userId);
      try (ResultSet rows = select.executeQuery()) {
        while (rows.next()) {
          tasks.add(new Task(rows.getLong(1), rows.getString(2), rows.getString(3)));
        }
      }
    }
    return tasks;
  }

  void addTask(long userId, String name, String createdBy) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement insert = connection.prepareStatement(
            "INSERT INTO tasks (user_id, name, created_by) VALUES (?, ?, ?)")) {
      insert.setLong(1, userId);
      insert.setString(2, name);
      insert.setString(3, createdBy);
      insert.executeUpdate();
    }
  }

  void deleteTask(long userId, long taskId) throws SQLException {
    try (Connection connection = db.getConnection();
        PreparedStatement delete = connection.prepareStatement("DELETE FROM tasks WHERE id = ? AND user_id = ?")) {
      delete.setLong(1, taskId);
      delete.setLong(2, userId);
      delete.executeUpdate();
    }
  }

  boolean answers() {
    try (Connection connection = db.getConnection()) {
      return connection.isValid(1);
    } catch (SQLException e) {
      return false;
    }
  }
}
