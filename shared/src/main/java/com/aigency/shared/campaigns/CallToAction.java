package com.aigency.shared.campaigns;

/** Call-to-action button types Meta accepts on link ads that the planner may choose from. */
public enum CallToAction {
  LEARN_MORE,
  SHOP_NOW,
  SIGN_UP,
  CONTACT_US,
  GET_OFFER,
  GET_QUOTE,
  SUBSCRIBE,
  ORDER_NOW,
  BOOK_TRAVEL,
  APPLY_NOW,
  DOWNLOAD,
  INSTALL_MOBILE_APP
}
