package com.aigency.shared.meta;

/**
 * An uploaded ad image.
 *
 * @param hash what creatives reference ({@code image_hash})
 * @param url where Meta serves it
 */
public record AdImage(String hash, String url, String name) {}
