package com.aigency.shared.domain;

/** What the advertising should achieve (SPEC section 3). */
public enum Goal {
  LEADS,
  SALES,
  TRAFFIC,
  APP_INSTALLS
}
