package com.aigency.shared.meta;

/**
 * A Facebook Page an ad account may promote ({@code GET /act_<id>/promote_pages}); link ads run
 * as a Page.
 *
 * @param id the Page id, as {@code object_story_spec.page_id} takes it
 */
public record FacebookPage(String id, String name) {}
