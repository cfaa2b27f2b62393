package io.modelops.operator.api.v1alpha1.customjob;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import java.io.IOException;

/**
 * Reads {@code spec.workerConfig} as text. A CustomJob stored while the field was a mapping (before
 * the schema bounded it as text) still reaches the operator with a mapping there, which the API
 * server has emptied (what the text schema does not describe is pruned); it is read as {@link
 * #STORED_AS_MAPPING}, so that the job is refused rather than run with its configuration lost.
 */
public final class WorkerConfigText extends JsonDeserializer<String> {
  /** What a workerConfig that is not text reads as. */
  public static final String STORED_AS_MAPPING = "\u0000workerConfig stored as a mapping";

  @Override
  public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    parser.skipChildren();
    return STORED_AS_MAPPING;
  }
}
