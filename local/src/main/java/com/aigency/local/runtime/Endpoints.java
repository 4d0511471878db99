package com.aigency.local.runtime;

import com.aigency.shared.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Where everything in the local stack listens, by service name ({@code meta} is the Meta
 * Marketing API simulator). Written as {@code endpoints.json}
 * in the data folder for scripts and tools ({@code ./aigency tenant create} reads it).
 */
public record Endpoints(
    String api,
    String dynamodb,
    String sqs,
    String s3,
    String kms,
    String secretsmanager,
    String eventbridge,
    String stepfunctions,
    String meta,
    String region,
    String dataDir,
    long pid) {

  public static final String FILE_NAME = "endpoints.json";

  public static Endpoints of(LocalPorts ports, Path dataDir, long pid) {
    String aws = "http://127.0.0.1:" + ports.awsJson();
    return new Endpoints(
        "http://127.0.0.1:" + ports.api(),
        "http://127.0.0.1:" + ports.dynamoDb(),
        "http://127.0.0.1:" + ports.sqs(),
        "http://127.0.0.1:" + ports.s3(),
        aws,
        aws,
        aws,
        aws,
        "http://127.0.0.1:" + ports.meta(),
        LocalAccount.REGION,
        dataDir == null ? null : dataDir.toAbsolutePath().toString(),
        pid);
  }

  public void writeTo(Path folder) throws IOException {
    Files.createDirectories(folder);
    Path temp = folder.resolve(FILE_NAME + ".tmp");
    Files.writeString(temp, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this));
    Files.move(temp, folder.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  public static Endpoints readFrom(Path folder) throws IOException {
    return Json.MAPPER.readValue(Files.readString(folder.resolve(FILE_NAME)), Endpoints.class);
  }
}
