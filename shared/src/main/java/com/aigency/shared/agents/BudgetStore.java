package com.aigency.shared.agents;

import com.aigency.shared.store.Items;
import com.aigency.shared.store.Keys;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Per-tenant monthly AI budgets in micro-dollars. The month item {@code T#tenant} / {@code
 * BUDGET#yyyy-MM} (UTC month of the injected clock) holds limitMicros, usedMicros, reservedMicros
 * and remainingMicros, kept equal to {@code limit - used - reserved} by every write.
 *
 * <p>remainingMicros exists because DynamoDB conditions cannot add: "used + reserved + amount <=
 * limit" is written as {@code remainingMicros >= :amount} in the same UpdateItem that subtracts the
 * amount, so concurrent reservations are serialised by DynamoDB and can never together pass the
 * limit.
 *
 * <p>A month item is created on first use from the tenant's standing limit ({@code T#tenant} /
 * {@code BUDGETLIMIT}, set by {@link #setMonthlyLimit}), or from the default limit this store was
 * built with when the tenant never set one.
 */
public final class BudgetStore implements BudgetLedger {
  static final String MONTH_PREFIX = "BUDGET#";
  static final String STANDING_LIMIT_SK = "BUDGETLIMIT";
  /** $5 a month, the default for a tenant that never set a limit. */
  public static final long DEFAULT_MONTHLY_LIMIT_MICROS = 5_000_000L;

  private static final int MAX_CONFLICT_RETRIES = 10;

  private final DynamoDbClient dynamo;
  private final String table;
  private final Clock clock;
  private final long defaultLimitMicros;

  public BudgetStore(DynamoDbClient dynamo, String table, Clock clock, long defaultLimitMicros) {
    if (defaultLimitMicros < 0) {
      throw new IllegalArgumentException("default limit must not be negative");
    }
    this.dynamo = dynamo;
    this.table = table;
    this.clock = clock;
    this.defaultLimitMicros = defaultLimitMicros;
  }

  public String currentMonth() {
    return YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).toString();
  }

  @Override
  public BudgetDecision reserve(String tenantId, long micros) {
    return hold(new BudgetReservation(tenantId, currentMonth(), 0), micros);
  }

  @Override
  public BudgetDecision extend(BudgetReservation reservation, long extraMicros) {
    return hold(reservation, extraMicros);
  }

  private BudgetDecision hold(BudgetReservation base, long micros) {
    if (micros < 0) {
      throw new IllegalArgumentException("cannot reserve a negative amount");
    }
    for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      try {
        dynamo.updateItem(
            UpdateItemRequest.builder()
                .tableName(table)
                .key(monthKey(base.tenantId(), base.month()))
                .updateExpression(
                    "SET reservedMicros = reservedMicros + :amount, remainingMicros = remainingMicros - :amount, updatedAt = :now")
                .conditionExpression("remainingMicros >= :amount")
                .expressionAttributeValues(
                    Map.of(":amount", number(micros), ":now", AttributeValue.fromS(clock.instant().toString())))
                .build());
        return new BudgetDecision.Reserved(
            new BudgetReservation(base.tenantId(), base.month(), base.micros() + micros));
      } catch (ConditionalCheckFailedException refused) {
        Optional<MonthlyBudget> budget = find(base.tenantId(), base.month());
        if (budget.isPresent()) {
          MonthlyBudget b = budget.get();
          return new BudgetDecision.Exceeded(b.month(), micros, b.limitMicros(), b.usedMicros(), b.reservedMicros());
        }
        createMonth(base.tenantId(), base.month(), standingLimit(base.tenantId()));
      }
    }
    throw new IllegalStateException("Budget item for " + base.tenantId() + " could not be created");
  }

  /** Releases the whole reservation and charges what was really spent, in one UpdateItem. */
  @Override
  public void settle(BudgetReservation reservation, long actualMicros) {
    if (actualMicros < 0) {
      throw new IllegalArgumentException("cannot charge a negative amount");
    }
    dynamo.updateItem(
        UpdateItemRequest.builder()
            .tableName(table)
            .key(monthKey(reservation.tenantId(), reservation.month()))
            .updateExpression(
                "SET reservedMicros = reservedMicros - :held, usedMicros = usedMicros + :spent,"
                    + " remainingMicros = remainingMicros + :released, updatedAt = :now")
            .conditionExpression("attribute_exists(PK)")
            .expressionAttributeValues(
                Map.of(
                    ":held", number(reservation.micros()),
                    ":spent", number(actualMicros),
                    ":released", number(reservation.micros() - actualMicros),
                    ":now", AttributeValue.fromS(clock.instant().toString())))
            .build());
  }

  /**
   * Sets the tenant's monthly limit: the standing limit for months to come, and this month's limit
   * (remaining moves by the difference, so what is spent or held stays counted).
   */
  public void setMonthlyLimit(String tenantId, long limitMicros) {
    if (limitMicros < 0) {
      throw new IllegalArgumentException("limit must not be negative");
    }
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Items.item(Keys.tenant(tenantId), STANDING_LIMIT_SK)
                    .s("type", "BudgetLimit")
                    .s("tenantId", tenantId)
                    .n("limitMicros", limitMicros)
                    .instant("updatedAt", clock.instant())
                    .build())
            .build());
    String month = currentMonth();
    for (int attempt = 0; attempt < MAX_CONFLICT_RETRIES; attempt++) {
      Optional<MonthlyBudget> current = find(tenantId, month);
      if (current.isEmpty()) {
        if (createMonth(tenantId, month, limitMicros)) {
          return;
        }
        continue;
      }
      try {
        // conditional on the limit read, so a concurrent change is retried rather than lost
        dynamo.updateItem(
            UpdateItemRequest.builder()
                .tableName(table)
                .key(monthKey(tenantId, month))
                .updateExpression("SET limitMicros = :limit, remainingMicros = remainingMicros + :delta, updatedAt = :now")
                .conditionExpression("limitMicros = :old")
                .expressionAttributeValues(
                    Map.of(
                        ":limit", number(limitMicros),
                        ":old", number(current.get().limitMicros()),
                        ":delta", number(limitMicros - current.get().limitMicros()),
                        ":now", AttributeValue.fromS(clock.instant().toString())))
                .build());
        return;
      } catch (ConditionalCheckFailedException changedMeanwhile) {
        // read again and retry
      }
    }
    throw new IllegalStateException("Monthly limit of " + tenantId + " kept changing; not set");
  }

  public Optional<MonthlyBudget> current(String tenantId) {
    return find(tenantId, currentMonth());
  }

  public Optional<MonthlyBudget> find(String tenantId, String month) {
    var response =
        dynamo.getItem(GetItemRequest.builder().tableName(table).key(monthKey(tenantId, month)).consistentRead(true).build());
    if (!response.hasItem() || response.item().isEmpty()) {
      return Optional.empty();
    }
    var item = response.item();
    return Optional.of(
        new MonthlyBudget(
            tenantId, month, Items.n(item, "limitMicros"), Items.n(item, "usedMicros"), Items.n(item, "reservedMicros")));
  }

  private long standingLimit(String tenantId) {
    var response =
        dynamo.getItem(
            GetItemRequest.builder()
                .tableName(table)
                .key(Items.key(Keys.tenant(tenantId), STANDING_LIMIT_SK))
                .consistentRead(true)
                .build());
    return response.hasItem() && !response.item().isEmpty()
        ? Items.n(response.item(), "limitMicros")
        : defaultLimitMicros;
  }

  /** Creates the month item unless another call just did; true when this call created it. */
  private boolean createMonth(String tenantId, String month, long limitMicros) {
    try {
      dynamo.putItem(
          PutItemRequest.builder()
              .tableName(table)
              .item(
                  Items.item(Keys.tenant(tenantId), MONTH_PREFIX + month)
                      .s("type", "Budget")
                      .s("tenantId", tenantId)
                      .s("month", month)
                      .n("limitMicros", limitMicros)
                      .n("usedMicros", 0)
                      .n("reservedMicros", 0)
                      .n("remainingMicros", limitMicros)
                      .instant("updatedAt", clock.instant())
                      .build())
              .conditionExpression("attribute_not_exists(PK)")
              .build());
      return true;
    } catch (ConditionalCheckFailedException alreadyThere) {
      return false;
    }
  }

  private static Map<String, AttributeValue> monthKey(String tenantId, String month) {
    return Items.key(Keys.tenant(tenantId), MONTH_PREFIX + month);
  }

  private static AttributeValue number(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
