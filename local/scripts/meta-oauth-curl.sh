#!/usr/bin/env bash
# The Meta connection with nothing but curl, against ./aigency local and its Meta simulator:
# start -> Meta dialog (auto-consents locally) -> callback -> stored connection -> ad accounts ->
# account selected; then the same callback URL again, which must be refused and change nothing.
# Usage: ./aigency local (in another terminal), then local/scripts/meta-oauth-curl.sh [DATA_DIR]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
STATE="${1:-$ROOT/.aigency}"
[[ -f "$STATE/endpoints.json" ]] || { echo "error: no $STATE/endpoints.json; start ./aigency local first" >&2; exit 1; }
API=$(python3 -c "import json; print(json.load(open('$STATE/endpoints.json'))['api'])")
location() { curl -s -o /dev/null -w '%{redirect_url}' "$@"; }
field() { python3 -c "import json,sys; print(json.load(sys.stdin)$1)"; }

KEY=$("$ROOT/aigency" tenant create "OAuth curl check" --data "$STATE" | field '["apiKey"]')
PROJECT=$(curl -s -XPOST "$API/projects" -H "X-API-Key: $KEY" -d '{"name":"Corner Bakery"}' | field '["id"]')
echo "==> project $PROJECT"

DIALOG=$(location "$API/auth/facebook?projectId=$PROJECT" -H "X-API-Key: $KEY")
echo "==> GET /auth/facebook -> 302 ${DIALOG%%\?*}?client_id=...&state=...&scope=..."
CALLBACK=$(location "$DIALOG")
echo "==> Meta dialog -> 302 ${CALLBACK%%\?*}?code=...&state=..."
echo "==> callback -> 302 $(location "$CALLBACK")"

echo "==> GET /projects/$PROJECT/ad-accounts"
ACCOUNTS=$(curl -s "$API/projects/$PROJECT/ad-accounts" -H "X-API-Key: $KEY")
echo "$ACCOUNTS" | python3 -m json.tool
ACCOUNT=$(echo "$ACCOUNTS" | field '["adAccounts"][0]["id"]')
echo "==> PUT /projects/$PROJECT/ad-account $ACCOUNT"
curl -s -XPUT "$API/projects/$PROJECT/ad-account" -H "X-API-Key: $KEY" -d "{\"adAccountId\":\"$ACCOUNT\"}" | field '["adAccountId"]'

echo "==> the same callback URL again -> 302 $(location "$CALLBACK")"
AFTER=$(curl -s "$API/projects/$PROJECT/ad-accounts" -H "X-API-Key: $KEY" | field '["adAccountId"]')
[[ "$AFTER" == "$ACCOUNT" ]] && echo "    connection unchanged: $AFTER still selected"
