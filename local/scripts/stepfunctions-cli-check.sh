#!/usr/bin/env bash
# Drives the running local system's Step Functions API with the AWS CLI, as an operator would:
# create a machine whose task waits for a token, start it, see it RUNNING, complete it with
# send-task-success, read its history, and watch a second send-task-success with the same token fail.
# Usage: ./aigency local (in another terminal), then local/scripts/stepfunctions-cli-check.sh [DATA_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${1:-$ROOT/.aigency}"
command -v aws >/dev/null || { echo "error: the AWS CLI is not installed (Debian: apt-get install awscli)" >&2; exit 1; }
[[ -f "$STATE/endpoints.json" ]] || { echo "error: no $STATE/endpoints.json; start ./aigency local first" >&2; exit 1; }
endpoint() { python3 -c "import json,sys; print(json.load(open('$STATE/endpoints.json'))['$1'])"; }
export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1 AWS_PAGER=""
SFN=(aws stepfunctions --endpoint-url "$(endpoint stepfunctions)")
SQS=(aws sqs --endpoint-url "$(endpoint sqs)")
QUEUE_URL="$("${SQS[@]}" get-queue-url --queue-name OutboxQueue --query QueueUrl --output text)"

DEFINITION=$(cat <<JSON
{"StartAt":"AskOwner","States":{"AskOwner":{"Type":"Task",
 "Resource":"arn:aws:states:::sqs:sendMessage.waitForTaskToken",
 "Parameters":{"QueueUrl":"$QUEUE_URL","MessageBody":{"token.\$":"\$\$.Task.Token","campaign.\$":"\$.campaign"}},
 "TimeoutSeconds":604800,"ResultPath":"\$.decision","End":true}}}
JSON
)
NAME="cli-check-$(date +%s)"
echo "==> create-state-machine $NAME"
ARN=$("${SFN[@]}" create-state-machine --name "$NAME" --definition "$DEFINITION" \
  --role-arn arn:aws:iam::000000000000:role/Local --query stateMachineArn --output text)
echo "    $ARN"
echo "==> start-execution"
EXEC=$("${SFN[@]}" start-execution --state-machine-arn "$ARN" --input '{"campaign":"c-1"}' --query executionArn --output text)
echo "    $EXEC"
sleep 1
echo "==> describe-execution: $("${SFN[@]}" describe-execution --execution-arn "$EXEC" --query status --output text)"
TOKEN=$("${SQS[@]}" receive-message --queue-url "$QUEUE_URL" --wait-time-seconds 5 --query 'Messages[0].Body' --output text \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["token"])')
echo "==> send-task-success (token ${TOKEN:0:16}...)"
"${SFN[@]}" send-task-success --task-token "$TOKEN" --task-output '{"approved":true}'
sleep 1
"${SFN[@]}" describe-execution --execution-arn "$EXEC" --query '{status:status,output:output}'
echo "==> get-execution-history"
"${SFN[@]}" get-execution-history --execution-arn "$EXEC" --query 'events[].[id,type]' --output text
echo "==> send-task-success again with the same token (must fail as AWS fails)"
if "${SFN[@]}" send-task-success --task-token "$TOKEN" --task-output '{}'; then
  echo "error: the second send-task-success was accepted" >&2; exit 1
fi
echo "OK"
