#!/usr/bin/env bash
# The README walkthrough: a window clerk signs in and starts a licensing case, issues a one-time correction
# notice, accepts the corrected application; a reviewer lets the review run over its limit; the supervisor
# advances the simulated clock and sees the red card.
#
# Start the service with a simulated clock first:
#   dotnet run --project Host -- --clock simulated --clock-start 2026-03-02T09:00+08:00
# then:  samples/walkthrough.sh [http://localhost:5080]
set -euo pipefail
BASE=${1:-http://localhost:5080}

# The value of the first "name":"…" in JSON read from stdin (enough for these replies; no jq needed).
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d '"' -f 4; }
# The id of the first open task in a case reply.
first_task() { grep -o '"tasks":\[{"taskId":"[^"]*"' | cut -d '"' -f 6; }
call() { curl -sS --fail-with-body -H 'Content-Type: application/json' "$@"; }
# Signs in and prints the token. The sample passwords must be changed at first sign-in: the reply then says
# "mustChangePassword":true and its token is good only for POST /api/auth/password, which answers with a full
# sign-in. On a later run (password already changed) the new password is used.
sign_in() {
  local user=$1 sample=$2 changed=$3 reply
  reply=$(curl -sS -H 'Content-Type: application/json' -X POST "$BASE/api/auth/login" -d "{\"username\":\"$user\",\"password\":\"$sample\"}")
  if echo "$reply" | grep -q '"mustChangePassword":true'; then
    echo "   首次登录须修改初始密码：$user 的新密码为 $changed" >&2
    reply=$(call -X POST "$BASE/api/auth/password" -H "Authorization: Bearer $(echo "$reply" | field token)" \
      -d "{\"currentPassword\":\"$sample\",\"newPassword\":\"$changed\"}")
  elif ! echo "$reply" | grep -q '"token"'; then
    reply=$(call -X POST "$BASE/api/auth/login" -d "{\"username\":\"$user\",\"password\":\"$changed\"}")
  fi
  echo "$reply" | field token
}

echo "1. 窗口工作人员登录"
CLERK=$(sign_in window 'window@2026' 'Walk-window#2026')

echo "2. 受理窗口收件：启动“行政审批”案件"
CASE_JSON=$(call -X POST "$BASE/api/cases" -H "Authorization: Bearer $CLERK" \
  -d '{"definitionId":"licensing-approval","data":{"applicant":"康宁妇产医院","contact":"0735-2222222","item":"母婴保健技术服务机构执业许可","kind":"承诺件"}}')
CASE=$(echo "$CASE_JSON" | field id)
TASK=$(echo "$CASE_JSON" | first_task)
echo "   案件 $(echo "$CASE_JSON" | field caseNo)（$CASE），当前待办 $TASK"

echo "3. 一次性告知补正：列明缺少的全部材料"
CASE_JSON=$(call -X POST "$BASE/api/cases/$CASE/tasks/$TASK/actions/request-correction" -H "Authorization: Bearer $CLERK" -H 'If-Match: "1"' \
  -d '{"data":{"materials":["application","identity"],"missingItems":["qualification","premises"],"correctionRequirements":"提交原件核验，复印件加盖公章"},"opinion":"请一次性补正：专业技术人员资格证书、场地设备情况说明"}')
TASK=$(echo "$CASE_JSON" | first_task)
echo "   进入“$(echo "$CASE_JSON" | field stepName)”，期间暂停计时"

echo "4. 申请人补正后回到受理，予以受理"
CASE_JSON=$(call -X POST "$BASE/api/cases/$CASE/tasks/$TASK/actions/corrected" -H "Authorization: Bearer $CLERK" \
  -d '{"data":{"materials":["application","identity","qualification","premises"]}}')
TASK=$(echo "$CASE_JSON" | first_task)
CASE_JSON=$(call -X POST "$BASE/api/cases/$CASE/tasks/$TASK/actions/accept" -H "Authorization: Bearer $CLERK" -d '{"data":{}}')
echo "   已受理，进入“$(echo "$CASE_JSON" | field stepName)”；法定时限届满于 $(echo "$CASE_JSON" | grep -o '"caseDeadline":{[^}]*' | grep -o '"dueAt":"[^"]*"' | cut -d '"' -f 4)"

echo "5. 监督人员登录，模拟时钟前进 5 天（审核环节时限 3 个工作日）"
SUPERVISOR=$(sign_in supervisor 'supervisor@2026' 'Walk-supervisor#2026')
call -X POST "$BASE/api/clock/advance" -H "Authorization: Bearer $SUPERVISOR" -d '{"duration":"P5D"}' >/dev/null
echo "   现在时间 $(call "$BASE/api/clock" -H "Authorization: Bearer $SUPERVISOR" | field now)"

echo "6. 电子监察：未处理的预警"
ALERTS=$(call "$BASE/api/alerts?status=open" -H "Authorization: Bearer $SUPERVISOR")
echo "$ALERTS" | grep -o '"caseNo":"[^"]*","caseTitle":"[^"]*"[^}]*"level":"[a-z]*","limit":"[a-z]*","dueAt":"[^"]*","raisedAt":"[^"]*"' \
  | sed -e 's/"//g' -e 's/,/  /g' | sed 's/^/   /'
if echo "$ALERTS" | grep -q "\"caseId\":\"$CASE\"[^}]*\"level\":\"red\""; then
  echo "红牌：案件 $CASE 的审核环节已超期。"
else
  echo "未见红牌预警" >&2
  exit 1
fi
