package com.aigency.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aigency.local.bench.ClassLoadProfile.Group;
import com.aigency.local.bench.ClassLoadProfile.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassLoadProfileTest {

  @Test
  void splitsTheLogIntoPhasesAndGroups() {
    List<String> log = List.of(
        "[0.019s][info][class,load] java.lang.Object source: shared objects file",
        "[0.040s][info][class,load] com.aigency.local.bench.LambdaBootstrap source: file:/x/bootstrap.jar",
        "[0.120s][info][class,load] com.aigency.api.projects.GetProjectHandler source: file:/x/api.jar",
        "[0.300s][info][class,load] software.amazon.awssdk.services.dynamodb.DynamoDbClient source: file:/x/api.jar",
        "[0.310s][info][class,load] java.util.concurrent.ConcurrentSkipListMap source: shared objects file",
        "[0.700s][info][class,load] com.fasterxml.jackson.databind.ObjectMapper source: file:/x/api.jar",
        "[0.710s][info][class,load] com.amazonaws.lambda.thirdparty.com.fasterxml.jackson.core.JsonFactory source: file:/x/s.jar",
        "[0.720s][info][class,load] org.apache.logging.log4j.LogManager source: file:/x/api.jar",
        "[0.730s][info][class,load] org.joda.time.DateTime source: file:/x/api.jar",
        "[0.950s][info][class,load] java.lang.management.ManagementFactory source: jrt:/java.management",
        "[0.951s][info][gc] not a class load line");

    ClassLoadProfile p = ClassLoadProfile.parse(log, 40.0, 500.0, 900.0);

    assertThat(p.count(Phase.JVM_START)).isEqualTo(2);
    assertThat(p.count(Phase.INIT)).isEqualTo(3);
    assertThat(p.count(Phase.FIRST_INVOKE)).isEqualTo(4);
    assertThat(p.count(Phase.AFTER)).isEqualTo(1);
    assertThat(p.count(Phase.INIT, Group.AWS_SDK)).isEqualTo(1);
    assertThat(p.count(Phase.INIT, Group.AIGENCY)).isEqualTo(1);
    assertThat(p.fromCds(Phase.INIT)).isEqualTo(1);
    assertThat(p.fromCds(Phase.JVM_START)).isEqualTo(1);
    assertThat(p.coldByGroup())
        .containsEntry(Group.JACKSON, 1)
        .containsEntry(Group.LAMBDA_RUNTIME_LIBS, 1)
        .containsEntry(Group.LOGGING, 1)
        .containsEntry(Group.OTHER, 1)
        .containsEntry(Group.JDK, 1);
    assertThat(p.countWithPrefix(Phase.INIT, "software.amazon.awssdk.services.")).isEqualTo(1);
    assertThat(p.topPackages(Phase.FIRST_INVOKE, 2))
        .extracting(java.util.Map.Entry::getKey)
        .containsExactly("com.amazonaws.lambda.thirdparty", "com.fasterxml.jackson");
  }

  @Test
  void packagesAreShortEnoughToGroupAndLongEnoughToName() {
    assertThat(ClassLoadProfile.packageOf("software.amazon.awssdk.regions.internal.Foo$Bar"))
        .isEqualTo("software.amazon.awssdk.regions");
    assertThat(ClassLoadProfile.packageOf("org.apache.logging.log4j.core.Logger")).isEqualTo("org.apache.logging");
    assertThat(ClassLoadProfile.packageOf("java.lang.Object")).isEqualTo("java.lang");
    assertThat(ClassLoadProfile.packageOf("Main")).isEqualTo("(default package)");
  }
}
