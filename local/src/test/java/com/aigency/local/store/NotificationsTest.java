package com.aigency.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aigency.shared.domain.Ids;
import com.aigency.shared.domain.Notification;
import com.aigency.shared.http.ApiException;
import com.aigency.shared.notifications.NewNotification;
import com.aigency.shared.notifications.NotificationService;
import com.aigency.shared.notifications.NotificationView;
import com.aigency.shared.store.NotificationStore;
import com.aigency.shared.store.Page;
import com.aigency.shared.store.PageRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notifications on DynamoDB Local: unread first, paginated, read marks, dedupe, tenant isolation. */
class NotificationsTest {
  private static final LocalDynamo dynamo = LocalDynamo.shared();

  private final SteppingClock clock = new SteppingClock(Instant.parse("2026-11-20T09:00:00Z"), Duration.ofSeconds(1));
  private final String tenantA = Ids.newId("t", clock);
  private final String tenantB = Ids.newId("t", clock);
  private NotificationService service;

  @BeforeEach
  void freshTable() {
    service = new NotificationService(new NotificationStore(dynamo.client, dynamo.freshTable()), clock);
  }

  private Notification raise(String tenant, String title) {
    return service.notify(tenant, NewNotification.about(null, Notification.Kind.AGENT_UPDATE, title, "body", null)).orElseThrow();
  }

  private List<String> allTitles(String tenant, int pageSize) {
    List<String> titles = new ArrayList<>();
    String token = null;
    do {
      Page<NotificationView> page = service.list(tenant, new PageRequest(pageSize, Optional.ofNullable(token)));
      page.items().forEach(n -> titles.add(n.title() + (n.read() ? " (read)" : "")));
      token = page.nextToken();
    } while (token != null);
    return titles;
  }

  @Test
  void unreadComeFirstNewestFirstWithinEachGroupAcrossPages() {
    List<Notification> raised = new ArrayList<>();
    for (int i = 1; i <= 7; i++) {
      raised.add(raise(tenantA, "n" + i));
    }
    service.markRead(tenantA, raised.get(1).id());
    service.markRead(tenantA, raised.get(4).id());

    assertThat(allTitles(tenantA, 3))
        .containsExactly("n7", "n6", "n4", "n3", "n1", "n5 (read)", "n2 (read)");
    assertThat(allTitles(tenantA, 100)).isEqualTo(allTitles(tenantA, 2));
  }

  @Test
  void markingReadIsIdempotentAndKeepsTheFirstReadTime() {
    Notification n = raise(tenantA, "once");
    NotificationView first = service.markRead(tenantA, n.id());
    NotificationView again = service.markRead(tenantA, n.id());
    assertThat(first.read()).isTrue();
    assertThat(first.readAt()).isNotNull();
    assertThat(again.readAt()).isEqualTo(first.readAt());
  }

  @Test
  void anotherTenantCannotSeeOrMarkIt() {
    Notification n = raise(tenantA, "private");
    assertThat(allTitles(tenantB, 10)).isEmpty();
    assertThatThrownBy(() -> service.markRead(tenantB, n.id()))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    assertThat(allTitles(tenantA, 10)).containsExactly("private");
  }

  @Test
  void unknownOrMalformedIdsAre404() {
    for (String id : List.of("n_01JD5NQTKN0T1F1CAT10N00001", "nope", "../x")) {
      assertThatThrownBy(() -> service.markRead(tenantA, id))
          .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(404));
    }
  }

  @Test
  void aDedupeKeyRaisesOnlyOnce() {
    NewNotification alert = NewNotification.about("p_1", Notification.Kind.ALERT, "Reconnect", "b", null).once("fb-invalid:p_1");
    assertThat(service.notify(tenantA, alert)).isPresent();
    assertThat(service.notify(tenantA, alert)).isEmpty();
    assertThat(service.notify(tenantB, alert)).as("keys are per tenant").isPresent();
    assertThat(allTitles(tenantA, 10)).containsExactly("Reconnect");
  }

  @Test
  void aPageTokenFromAnotherTenantIsRefused() {
    for (int i = 0; i < 3; i++) {
      raise(tenantA, "a" + i);
    }
    String token = service.list(tenantA, new PageRequest(1, Optional.empty())).nextToken();
    assertThat(token).isNotNull();
    assertThatThrownBy(() -> service.list(tenantB, new PageRequest(1, Optional.of(token))))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(400));
  }
}
