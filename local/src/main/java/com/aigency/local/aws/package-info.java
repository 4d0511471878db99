/**
 * Local stand-ins for the AWS services that have no published emulator (DESIGN.md, "The local
 * stack"), spoken on the real AWS JSON protocol so the unchanged SDK clients talk to them.
 *
 * <p>Wiring, as the local runner does it:
 *
 * <pre>{@code
 * LocalClock clock = new LocalClock();
 * Path data = Path.of(".aigency/data");                       // null: in memory
 * LocalKms kms = new LocalKms(clock, data);
 * LocalSecretsManager secrets = new LocalSecretsManager(clock, data);
 * LocalEventBridge events = new LocalEventBridge(clock, data);
 * AwsJsonServer server = AwsJsonServer.start(0)               // 0: any free port
 *     .register(kms).register(secrets).register(events);
 *
 * String keyId = kms.ensureKey("alias/aigency-data", "DataKey from template.yaml");
 * String secretArn = secrets.upsertSecretString("aigency/openai", "{\"apiKey\":\"...\"}");
 * events.addRule("CampaignEvents", pattern, event -> invokeLambda("CampaignFunction", event));
 * events.addSchedule("NightlySync", "cron(0 3 * * ? *)", null, event -> invokeLambda(...));
 * // functions get AWS_ENDPOINT_URL_KMS etc. = server.endpoint()
 *
 * server.close();
 * events.close();
 * }</pre>
 */
package com.aigency.local.aws;
