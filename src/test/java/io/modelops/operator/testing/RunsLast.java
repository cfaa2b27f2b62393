package io.modelops.operator.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test class that checks what the whole run left behind, so runs after every other class ({@link
 * SuiteClassOrder}, configured in {@code junit-platform.properties}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RunsLast {}
