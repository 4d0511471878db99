package com.aigency.shared.meta;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An ad creative to create.
 *
 * @param objectStorySpec Meta's {@code object_story_spec}, e.g. {@code {"page_id": ..., "link_data":
 *     {"link": ..., "message": ..., "image_hash": ...}}}
 */
public record CreativeSpec(String name, JsonNode objectStorySpec) {
  public CreativeSpec {
    MetaAds.requireName(name);
    if (objectStorySpec == null || !objectStorySpec.isObject()) {
      throw new IllegalArgumentException("objectStorySpec must be a JSON object");
    }
  }
}
