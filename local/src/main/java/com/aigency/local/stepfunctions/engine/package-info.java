/**
 * A local Step Functions (DESIGN.md, "The local stack"): an Amazon States Language interpreter
 * (JSONPath) with AWS's API semantics, served on the real wire protocol so the unchanged {@code
 * SfnClient} talks to it.
 *
 * <p>Wiring, as the local runner does it:
 *
 * <pre>{@code
 * LocalClock clock = new LocalClock();
 * StepFunctionsEngine engine = new StepFunctionsEngine(clock, dataFolderOrNull, taskResources);
 * server.register(new LocalStepFunctions(engine));   // X-Amz-Target: AWSStepFunctions.*
 * engine.createStateMachine("Launch", definitionWithSubstitutions, roleArn, null);
 * }</pre>
 *
 * <p>How it runs:
 *
 * <ul>
 *   <li>Each execution is an {@link com.aigency.local.stepfunctions.engine.ExecutionState}: its
 *       history and its live branches of control (top level, Parallel branches, Map iterations),
 *       each with an explicit program counter ({@code BranchState}: state name, phase, retry
 *       counters, token, timer instants). All changes happen under the execution's lock and are
 *       saved, as one JSON file replaced atomically, before the lock is released.
 *   <li>Work runs on virtual threads; resource calls ({@link
 *       com.aigency.local.stepfunctions.engine.TaskResources}) happen outside the lock.
 *   <li>Every wait is a timer on the {@link com.aigency.local.clock.LocalClock}: Wait states, retry
 *       intervals, Task TimeoutSeconds and HeartbeatSeconds, the machine's TimeoutSeconds.
 *       Advancing the clock fires what is due; {@link
 *       com.aigency.local.stepfunctions.engine.StepFunctionsEngine#nextTimer()} and {@link
 *       com.aigency.local.stepfunctions.engine.StepFunctionsEngine#quiescent()} let a test
 *       fast-forward: while not done, once quiescent, advance the clock to the next timer.
 *   <li>A new engine on the same data folder resumes running executions: timers from their saved
 *       instants, tokens still valid (their HMAC key is saved too), and a Task that was being
 *       invoked is invoked again (Step Functions delivers at least once).
 * </ul>
 */
package com.aigency.local.stepfunctions.engine;
