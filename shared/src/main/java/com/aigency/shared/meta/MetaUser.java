package com.aigency.shared.meta;

/** The Meta user a token belongs to ({@code GET /me?fields=id,name}). */
public record MetaUser(String id, String name) {}
