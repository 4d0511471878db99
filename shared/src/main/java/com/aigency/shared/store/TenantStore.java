package com.aigency.shared.store;

import com.aigency.shared.domain.ApiKey;
import com.aigency.shared.domain.Scope;
import com.aigency.shared.domain.Tenant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Tenants and their API keys. Keys are found by the SHA-256 of the secret, never by the secret. */
public final class TenantStore {
  private static final String TENANT_SK = "TENANT";
  private static final String APIKEY_SK = "APIKEY";
  private static final String NEW_ITEM = "attribute_not_exists(PK)";

  private final DynamoDbClient dynamo;
  private final String table;

  public TenantStore(DynamoDbClient dynamo, String table) {
    this.dynamo = dynamo;
    this.table = table;
  }

  public void create(Tenant tenant) {
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Items.item(Keys.tenant(tenant.id()), TENANT_SK)
                    .s("type", "Tenant")
                    .s("id", tenant.id())
                    .s("name", tenant.name())
                    .s("status", tenant.status().name())
                    .instant("createdAt", tenant.createdAt())
                    .build())
            .conditionExpression(NEW_ITEM)
            .build());
  }

  public Optional<Tenant> find(String tenantId) {
    return get(Keys.tenant(tenantId), TENANT_SK)
        .map(
            item ->
                new Tenant(
                    Items.s(item, "id"),
                    Items.s(item, "name"),
                    Tenant.TenantStatus.valueOf(Items.s(item, "status")),
                    Items.instant(item, "createdAt")));
  }

  public void addKey(ApiKey key) {
    dynamo.putItem(
        PutItemRequest.builder()
            .tableName(table)
            .item(
                Items.item(Keys.apiKey(key.keyHash()), APIKEY_SK)
                    .s("type", "ApiKey")
                    .s("keyId", key.keyId())
                    .s("tenantId", key.tenantId())
                    .s("name", key.name())
                    .ss("scopes", key.scopes().stream().map(Scope::wireName).toList())
                    .bool("revoked", key.revoked())
                    .instant("createdAt", key.createdAt())
                    .s(Keys.GSI1PK, Keys.tenant(key.tenantId()))
                    .s(Keys.GSI1SK, "APIKEY#" + key.keyId())
                    .build())
            .conditionExpression(NEW_ITEM)
            .build());
  }

  public Optional<ApiKey> findKeyByHash(String keyHash) {
    return get(Keys.apiKey(keyHash), APIKEY_SK)
        .map(
            item ->
                new ApiKey(
                    Items.s(item, "keyId"),
                    Items.s(item, "tenantId"),
                    Items.optS(item, "name").orElse(""),
                    scopes(item),
                    keyHash,
                    Items.bool(item, "revoked"),
                    Items.instant(item, "createdAt")));
  }

  private static Set<Scope> scopes(Map<String, AttributeValue> item) {
    AttributeValue value = item.get("scopes");
    if (value == null || !value.hasSs()) {
      return Set.of();
    }
    return value.ss().stream()
        .map(Scope::fromWireName)
        .flatMap(Optional::stream)
        .collect(Collectors.toSet());
  }

  private Optional<Map<String, AttributeValue>> get(String pk, String sk) {
    var response =
        dynamo.getItem(
            GetItemRequest.builder().tableName(table).key(Items.key(pk, sk)).consistentRead(true).build());
    return response.hasItem() && !response.item().isEmpty()
        ? Optional.of(response.item())
        : Optional.empty();
  }
}
