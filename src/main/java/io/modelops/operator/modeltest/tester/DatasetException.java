package io.modelops.operator.modeltest.tester;

/** The dataset cannot be used; the message says why in a sentence a data scientist can act on. */
public final class DatasetException extends Exception {
  private static final long serialVersionUID = 1L;

  public DatasetException(String message) {
    super(message, null, false, false);
  }
}
