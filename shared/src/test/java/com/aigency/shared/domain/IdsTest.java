package com.aigency.shared.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class IdsTest {
  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private static Clock at(long epochMillis) {
    return Clock.fixed(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }

  @Test
  void anIdIsThePrefixAnUnderscoreAnd26CrockfordCharacters() {
    String id = Ids.newId("p", at(1_763_458_212_417L));

    assertThat(id).hasSize(28).startsWith("p_");
    assertThat(id.substring(2).chars()).allMatch(c -> CROCKFORD.indexOf(c) >= 0);
  }

  @Test
  void theFirstTenCharactersEncodeTheCreationMillisecond() {
    long millis = 1_763_458_212_417L;
    String body = Ids.newId("t", at(millis)).substring(2);

    long decoded = 0;
    for (char c : body.substring(0, 10).toCharArray()) {
      decoded = decoded * 32 + CROCKFORD.indexOf(c);
    }
    assertThat(decoded).isEqualTo(millis);
  }

  @Test
  void idsSortInTheOrderTheyWereCreated() {
    // steps across 5-bit digit boundaries, a second, a day and years
    long[] instants = {0L, 1L, 31L, 32L, 1_023L, 1_024L, 60_000L, 86_400_000L,
        1_700_000_000_000L, 1_700_000_000_001L, 1_763_458_212_417L, 4_102_444_800_000L};
    List<String> created = new ArrayList<>();
    for (long millis : instants) {
      created.add(Ids.newId("p", at(millis)));
    }

    assertThat(created).isSorted();
  }

  @Test
  void idsFromTheSameMillisecondStillDiffer() {
    Clock clock = at(1_763_458_212_417L);
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 2_000; i++) {
      ids.add(Ids.newId("p", clock));
    }

    assertThat(ids).hasSize(2_000);
  }

  @Test
  void looksLikeAcceptsAGeneratedIdOfTheSamePrefix() {
    String id = Ids.newId("p", Clock.systemUTC());

    assertThat(Ids.looksLike("p", id)).isTrue();
  }

  @Test
  void looksLikeRefusesAnIdOfAnotherPrefix() {
    String tenantId = Ids.newId("t", Clock.systemUTC());

    assertThat(Ids.looksLike("p", tenantId)).isFalse();
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "p_",
        "p_01JD4C0RNERBAKERYPR0JECT0", // 25 characters
        "p_01JD4C0RNERBAKERYPR0JECT012", // 27 characters
        "p_01jd4c0rnerbakerypr0ject01", // lower case
        "p_01JD4C0RNERBAKERYPROJECT01", // O is not in the alphabet
        "p_01JD4C0RNERBAKERYPR0JECTI1", // I is not in the alphabet
        "p_01JD4C0RNERBAKERYPR0JECTL1", // L is not in the alphabet
        "p_01JD4C0RNERBAKERYPR0JECTU1", // U is not in the alphabet
        "P_01JD4C0RNERBAKERYPR0JECT01",
        "p-01JD4C0RNERBAKERYPR0JECT01",
        "01JD4C0RNERBAKERYPR0JECT01",
        "xp_01JD4C0RNERBAKERYPR0JECT01",
        "p_01JD4C0RNERBAKERYPR0JECT01 ",
        "p_01JD4C0RNERBAKERYPR0JECT01\n",
        "p_01JD4C0RNERBAKERYPR0JECT01/brief",
        "p_../../T#other"
      })
  void looksLikeRefusesAnythingElse(String value) {
    assertThat(Ids.looksLike("p", value)).isFalse();
  }

  @Test
  void looksLikeAcceptsAHandWrittenValidId() {
    assertThat(Ids.looksLike("p", "p_01JD4C0RNERBAKERYPR0JECT01")).isTrue();
  }
}
