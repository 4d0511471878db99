package com.aigency.local.template;

import java.util.ArrayList;
import java.util.List;

/** The ${...} variables of an Fn::Sub string or an ASL file, skipping ${!Literal} escapes. */
final class SubVariables {

  private SubVariables() {}

  static List<String> of(String text) {
    List<String> names = new ArrayList<>();
    int i = 0;
    while ((i = text.indexOf("${", i)) >= 0) {
      int end = text.indexOf('}', i);
      if (end < 0) {
        break;
      }
      if (text.charAt(i + 2) != '!') {
        names.add(text.substring(i + 2, end));
      }
      i = end + 1;
    }
    return names;
  }
}
