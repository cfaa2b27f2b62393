package io.modelops.operator.testing;

import java.util.Comparator;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * The order of test classes: as discovered, except that classes marked {@link RunsLast} come after
 * all others. (A stable sort, so the discovered order is otherwise kept.)
 */
public final class SuiteClassOrder implements ClassOrderer {
  @Override
  public void orderClasses(ClassOrdererContext context) {
    context
        .getClassDescriptors()
        .sort(Comparator.comparing(d -> d.getTestClass().isAnnotationPresent(RunsLast.class)));
  }
}
