#!/usr/bin/env bash
# From registering a high-risk AI system to its approval for deployment, with curl and jq only.
# Run against a service you started with `npm start`:  ADMIN=afw_... bash docs/examples/onboarding-walkthrough.sh
set -euo pipefail
BASE=${AIMSFLOW_URL:-http://localhost:3000}/api/v1
: "${ADMIN:?set ADMIN to an admin token (printed at first start, or AIMSFLOW_ADMIN_TOKEN)}"

api() { # api METHOD PATH TOKEN [JSON]
  curl -sS --fail-with-body -X "$1" "$BASE$2" -H "Authorization: Bearer $3" ${4:+-H 'Content-Type: application/json' -d "$4"}
}
person() { api POST /tokens "$ADMIN" "{\"subject\":\"$1\",\"roles\":[\"$2\"]}" | jq -r .token; }
# the one open task of an element in a process instance (or any of its children)
task() { # task TOKEN ROOT_INSTANCE ELEMENT
  api GET "/tasks?status=open&limit=500" "$1" | jq -r --arg root "$2" --arg el "$3" \
    '[.items[] | select(.elementId == $el)] | first | .id'
}
complete() { api POST "/tasks/$2/complete" "$1" "{\"variables\":$3}" > /dev/null; }
step() { echo "== $*"; }

OLIVIA=$(person olivia ai-owner); CARLA=$(person carla compliance-officer); RITA=$(person rita risk-officer)
DANA=$(person dana dpo); TOM=$(person tom top-management)

step "olivia registers a CV screening assistant (Annex III(4): employment) — onboarding starts"
SYSTEM=$(api POST /ai-systems "$OLIVIA" '{"name":"CV screening assistant","intendedPurpose":"Shortlist applicants for open positions",
  "roles":["deployer"],"thirdParty":true,"model":{"provider":"acme-ai","name":"rank-large","version":"1.4.0"},
  "attributes":{"useCases":["recruitment"],"profilesNaturalPersons":true,"processesPersonalData":true,"affectedPersons":["job-applicants"],"deploymentRegions":["EU"]}}')
ID=$(echo "$SYSTEM" | jq -r .id); echo "$SYSTEM" | jq '{id, status, riskClass, legalBasis}'

step "olivia confirms scope and role"
complete "$OLIVIA" "$(task "$OLIVIA" "$ID" Task_confirmScope)" '{"inScope":true,"roles":["deployer"]}'
api GET "/ai-systems/$ID" "$OLIVIA" | jq '{status, riskClass}'

step "olivia drafts the impact assessment (four dimensions)"
DIM='{"description":"Ranking may disadvantage groups","affectedParties":"applicants","severity":4,"likelihood":3,"mitigations":"bias testing, human review"}'
complete "$OLIVIA" "$(task "$OLIVIA" "$ID" Task_draft)" "{\"individuals\":$DIM,\"groups\":$DIM,\"society\":$DIM,\"organisation\":$DIM}"

step "carla (compliance) reviews it, then compliance, risk and DPO approve (high risk: three approvals)"
complete "$CARLA" "$(task "$CARLA" "$ID" Task_review)" '{"decision":"approve"}'
complete "$CARLA" "$(task "$CARLA" "$ID" Task_approve)" '{"decision":"approve"}'
complete "$RITA" "$(task "$RITA" "$ID" Task_approve)" '{"decision":"approve"}'
complete "$DANA" "$(task "$DANA" "$ID" Task_approve)" '{"decision":"approve"}'
api GET "/impact-assessments?systemId=$ID" "$CARLA" | jq '.items[0] | {version, status, impactLevel, approvers}'

step "rita lists the risks; the rules rate them and one treatment runs per risk at or above medium"
complete "$RITA" "$(task "$RITA" "$ID" Task_riskAssessment)" '{"risks":[{"title":"Gender bias in ranking","description":"Historic data skews","likelihood":3,"severity":4}]}'
complete "$RITA" "$(task "$RITA" "$ID" Task_decide)" '{"treatment":"mitigate","controls":["A.7.4","A.6.2.4"],"plan":"Rebalance data, add fairness tests"}'
complete "$OLIVIA" "$(task "$OLIVIA" "$ID" Task_implement)" '{"implementationNotes":"Data rebalanced; fairness test in CI"}'
complete "$CARLA" "$(task "$CARLA" "$ID" Task_verify)" '{"effective":true}'
complete "$RITA" "$(task "$RITA" "$ID" Task_rateResidual)" '{"residualLikelihood":1,"residualSeverity":3}'
api GET "/risks?systemId=$ID" "$RITA" | jq '.items[0] | {title, rating, treatment, controls, status, residualRating}'

step "deployment approvals from the rules: compliance, risk and top management"
complete "$CARLA" "$(task "$CARLA" "$ID" Task_deploymentApproval)" '{"decision":"approve"}'
complete "$RITA" "$(task "$RITA" "$ID" Task_deploymentApproval)" '{"decision":"approve"}'
complete "$TOM" "$(task "$TOM" "$ID" Task_deploymentApproval)" '{"decision":"approve"}'

step "approved: the system is in operation until its periodic review (interval from the rules)"
api GET "/ai-systems/$ID" "$OLIVIA" | jq '{status, riskClass, legalBasis}'
api GET "/ai-systems/$ID/decisions" "$OLIVIA" | jq '[.items[] | {ruleSetKey, trigger, outcome}] | length'
