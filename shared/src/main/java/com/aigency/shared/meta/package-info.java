/**
 * The Meta Graph / Marketing API client every Aigency step uses: OAuth ({@link
 * com.aigency.shared.meta.MetaOAuth}), ad objects ({@link com.aigency.shared.meta.MetaAds}) and
 * insights ({@link com.aigency.shared.meta.MetaInsights}), all over one transport ({@link
 * com.aigency.shared.meta.MetaGraph}) that pins the API version, signs every call with {@code
 * appsecret_proof}, keeps tokens out of URLs and logs, classifies errors into {@link
 * com.aigency.shared.meta.MetaErrorKind} and applies the rate-limit policy. docs/meta-client.md
 * describes the whole.
 */
package com.aigency.shared.meta;
