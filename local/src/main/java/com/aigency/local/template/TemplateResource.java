package com.aigency.local.template;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One entry of the template's Resources section, as written (no Globals applied).
 *
 * @param properties the resource's Properties, or an empty object when it has none
 */
public record TemplateResource(String logicalId, String type, JsonNode properties) {}
