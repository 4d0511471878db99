package com.aigency.shared.meta;

import java.util.Objects;

/** An ad to create: a creative placed in an ad set. */
public record AdSpec(String name, String adSetId, String creativeId, MetaStatus status) {
  public AdSpec {
    MetaAds.requireName(name);
    MetaAds.requireObjectId(adSetId, "adSetId");
    MetaAds.requireObjectId(creativeId, "creativeId");
    Objects.requireNonNull(status, "status");
    if (!status.allowedOnCreate()) {
      throw new IllegalArgumentException("an ad is created ACTIVE or PAUSED, not " + status);
    }
  }
}
