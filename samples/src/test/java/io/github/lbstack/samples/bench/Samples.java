package io.github.lbstack.samples.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measurements of one figure for one way of doing it, in milliseconds, summarised as median and spread. */
final class Samples {

  private final List<Double> values = new ArrayList<>();

  void add(double millis) {
    values.add(millis);
  }

  boolean isEmpty() {
    return values.isEmpty();
  }

  double median() {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  double min() {
    return Collections.min(values);
  }

  double max() {
    return Collections.max(values);
  }

  int count() {
    return values.size();
  }

  /** {@code 12.3 s (11.8–13.0, n=5)} */
  String describe(String unit) {
    double scale = unit.equals("s") ? 1000 : 1;
    return String.format("%.2f %s (%.2f–%.2f, n=%d)", median() / scale, unit, min() / scale, max() / scale, count());
  }
}
