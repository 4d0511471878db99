package com.aigency.shared.store;

import static com.aigency.shared.http.ApiErrors.invalidField;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageRequestTest {

  @Test
  void withoutParametersTheFirstPageHasTheDefaultSize() {
    PageRequest page = PageRequest.parse(Optional.empty(), Optional.empty());

    assertThat(page.limit()).isEqualTo(PageRequest.DEFAULT_LIMIT).isEqualTo(20);
    assertThat(page.nextToken()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 45, 100})
  void aLimitFrom1To100IsAccepted(int limit) {
    assertThat(PageRequest.parse(Optional.of(Integer.toString(limit)), Optional.empty()).limit()).isEqualTo(limit);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "101", "2147483647"})
  void aLimitOutOfRangeIsRefused(String limit) {
    var e = invalidField("limit", () -> PageRequest.parse(Optional.of(limit), Optional.empty()));

    assertThat(e.getMessage()).contains("between 1 and 100");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ten", "1.5", "1e1", " 5", "", "99999999999"})
  void aLimitThatIsNotAWholeNumberIsRefused(String limit) {
    invalidField("limit", () -> PageRequest.parse(Optional.of(limit), Optional.empty()));
  }

  @Test
  void theTokenIsCarriedAsGiven() {
    assertThat(PageRequest.parse(Optional.of("5"), Optional.of("abc")).nextToken()).contains("abc");
  }

  @Test
  void firstAsksForTheFirstPage() {
    assertThat(PageRequest.first(7)).isEqualTo(new PageRequest(7, Optional.empty()));
  }
}
