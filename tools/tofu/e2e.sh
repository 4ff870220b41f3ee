#!/usr/bin/env bash
# Terraform that runs: every Terraform root of the repository through the real OpenTofu and the real providers
# (built by build.sh beside this script into the tool cache), and the AWS roots applied against moto.
#   1. `tofu fmt -check` over terraform/ and the golden trees;
#   2. `tofu init -backend=false` + `tofu validate` on every root: terraform/environments/*, terraform/examples/*,
#      the golden trees' generator/core/src/test/resources/golden/*/expected/terraform/environments/*; a root whose
#      provider is not in the mirror is skipped and named;
#   3. each golden AWS root: `tofu init` with its S3 backend pointed at moto, `tofu apply` against moto (provider
#      override: moto_override.tf, every endpoint of the aws provider to moto), then `tofu plan -detailed-exitcode`
#      must show no changes, and no secret value that moto holds may appear in the state. Resource types moto lacks
#      (moto-unsupported.txt) are left out with `-exclude`, and counted.
# Steps 2 and 3 run concurrently (each apply root and two lanes of validations as jobs, see "Time" below); the
# results are read back and printed in the roots' order.
# Ends with one line: "tofu: N roots validated, M roots applied (R resources, X excluded), plan clean".
# On failure it prints tofu's own diagnostics (the provider's error and the "with <resource address>" line) and a
# last line naming the root. Arguments: roots to check instead of the default set; `--apply ROOT` adds a root to
# apply (used by the broken fixtures, see e2e-selftest.sh).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tools=${ENVFORGE_TOOLS:-/root/.cache/envforge/tools}
tofu=${TOFU:-$tools/bin/tofu}
moto_venv=$tools/moto-venv
export TF_CLI_CONFIG_FILE=$tools/tofurc TF_IN_AUTOMATION=1 TF_INPUT=0 CHECKPOINT_DISABLE=1
[ -x "$tofu" ] && [ -f "$TF_CLI_CONFIG_FILE" ] || { echo "tofu: $tofu missing; run tools/tofu/build.sh" >&2; exit 2; }

work=$(mktemp -d)
moto_pid= jobs_pids=()
# The roots run as concurrent jobs (see "Time" below), each in its own folder under $work with its own moto_server,
# whose pid it writes to moto.pid: a failure or an interrupt stops every job and every moto_server.
# A job's tofu and provider processes are killed too (by pid, children first: pgrep -P): tofu answers a TERM by
# finishing its operations in flight, which against a stopped moto_server would retry for minutes.
kill_tree() { # pid
  local c
  for c in $(pgrep -P "$1" || true); do kill_tree "$c"; done
  kill -KILL "$1" 2>/dev/null || true
}
cleanup() {
  local p f
  if [ -n "$moto_pid" ]; then kill "$moto_pid" 2>/dev/null || true; wait "$moto_pid" 2>/dev/null || true; fi
  for p in "${jobs_pids[@]}"; do kill_tree "$p"; done
  for f in "$work"/*/moto.pid; do [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null || true; done
  for p in "${jobs_pids[@]}"; do wait "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
# bash runs no EXIT trap when a signal ends it: turn TERM (TerraformIT's timeout) and INT into an exit.
trap 'exit 143' TERM
trap 'exit 130' INT

fail() { echo "tofu: FAILED $*" >&2; exit 1; }

# Prints tofu's log and fails naming the step and root; the log carries tofu's "Error:" and "with <address>" lines.
run_tofu() { # label dir args...
  local label=$1 dir=$2; shift 2
  if ! "$tofu" -chdir="$dir" "$@" -no-color > "$work/last.log" 2>&1; then
    cat "$work/last.log" >&2
    local errors
    # Each diagnostic as "Error: <summary> (with <address>) <first line of the provider's detail>".
    errors=$(awk '
      /^Error: /        { if (d != "") print d; d = $0; s = 1; next }
      s && /^  with /   { w = $0; sub(/^  with /, "", w); sub(/,$/, "", w); d = d " (with " w ")"; next }
      s && /^[^ \t│]/   { d = d " " $0; s = 0 }
      END               { if (d != "") print d }' "$work/last.log" | paste -sd ';' - | cut -c1-600)
    fail "$label ${dir#"$work"/*/}: $errors"
  fi
}

# Copies a root into the work folder. A root under <base>/terraform/<kind>/<name> keeps that layout next to a copy of
# <base>/terraform/modules, or of the repository's where <base> has none (the golden trees), which its
# `source = "../../modules/..."` lines point at.
stage() { # root-dir -> prints the staged dir
  local src=$1 n rel modules=$repo/terraform/modules
  case $src in
    */terraform/*) rel=terraform/${src##*/terraform/}; [ -d "${src%/terraform/*}/terraform/modules" ] \
                     && modules=${src%/terraform/*}/terraform/modules ;;
    *) rel=${src##*/} ;;
  esac
  n=$(mktemp -d "$work/root.XXXX"); n=${n##*/}
  mkdir -p "$work/$n/$(dirname "$rel")"
  cp -r "$src" "$work/$n/$rel"
  if [ "${rel%%/*}" = terraform ]; then cp -r "$modules" "$work/$n/terraform/modules"; fi
  echo "$work/$n/$rel"
}

# The providers a root and the local modules it calls require ("namespace/type" from required_providers).
providers_of() { # dir
  local dir=$1 src
  grep -hoE '^\s*source\s*=\s*"[a-z0-9-]+/[a-z0-9-]+"' "$dir"/*.tf 2>/dev/null | grep -oE '[a-z0-9-]+/[a-z0-9-]+' || true
  for src in $(grep -hoE '^\s*source\s*=\s*"\.\.?/[^"]+"' "$dir"/*.tf 2>/dev/null | cut -d'"' -f2); do
    providers_of "$dir/$src"
  done
}

missing_provider() { # dir -> prints the required providers not in the mirror, comma-separated
  local p missing=()
  for p in $(providers_of "$1" | sort -u); do
    compgen -G "$tools/tf-mirror/registry.opentofu.org/$p/*/linux_amd64/terraform-provider-*" > /dev/null \
      || missing+=("$p")
  done
  (IFS=,; echo "${missing[*]}")
}

# --- the roots ---------------------------------------------------------------------------------------------------
roots=() apply_roots=()
while [ $# -gt 0 ]; do
  case $1 in
    --apply) apply_roots+=("$(cd "$2" && pwd)"); shift 2 ;;
    *) roots+=("$(cd "$1" && pwd)"); shift ;;
  esac
done
if [ ${#roots[@]} -eq 0 ] && [ ${#apply_roots[@]} -eq 0 ]; then
  shopt -s nullglob
  roots=("$repo"/terraform/environments/*/ "$repo"/terraform/examples/*/
         "$repo"/generator/core/src/test/resources/golden/*/expected/terraform/environments/*/)
  roots=("${roots[@]%/}")
  for r in "$repo"/generator/core/src/test/resources/golden/*/expected/terraform/environments/*/; do
    grep -qs '"hashicorp/aws"' "$r"versions.tf && apply_roots+=("${r%/}")
  done
  shopt -u nullglob
  # 1. fmt, as CI's reviewers see the files.
  "$tofu" fmt -check -recursive -list=true "$repo/terraform" > "$work/fmt.log" 2>&1 \
    || { cat "$work/fmt.log" >&2; fail "fmt: files not in canonical format (tofu fmt lists them above)"; }
  for r in "$repo"/generator/core/src/test/resources/golden/*/expected/terraform; do
    "$tofu" fmt -check -recursive -list=true "$r" > "$work/fmt.log" 2>&1 \
      || { cat "$work/fmt.log" >&2; fail "fmt: ${r#"$repo"/} not in canonical format"; }
  done
fi

# --- 2. init + validate -------------------------------------------------------------------------------------------
# Time: a root's init + validate is about 4 s of CPU (validate loads the aws provider's schema), the applies of
# step 3 mostly wait (the aws provider's waiters sleep: RDS instance 1 min, Route 53 change 15 s before their first
# poll), so the validations run in two lanes (the CI machine has 2 cores) while the applies run, each root in its own
# folder; the results are read back in the roots' order below.
validate_lane() { # lane lanes
  local i root
  # Niced (util-linux renice): the applies' own CPU steps (init, schema, plan) come first, so that their waiters
  # start sleeping sooner (measured: the applies start about 20 s earlier).
  renice -n 10 -p "$BASHPID" > /dev/null || true
  for i in "${!roots[@]}"; do
    [ $((i % $2)) -eq "$1" ] || continue
    root=${roots[$i]}
    mkdir -p "$work/v$i"
    missing=$(missing_provider "$root")
    if [ -n "$missing" ]; then echo "${root#"$repo"/} ($missing not built)" > "$work/v$i/skipped"; continue; fi
    ( work=$work/v$i
      dir=$(stage "$root")
      run_tofu init "$dir" init -backend=false -input=false
      run_tofu validate "$dir" validate
      touch "$work/ok" ) > "$work/v$i/log" 2>&1 || true
  done
}
# --- 3. apply against moto ----------------------------------------------------------------------------------------
start_moto() { # account-id
  local port
  port=$("$moto_venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  # moto_server's -H/-p (moto/server.py); MOTO_ACCOUNT_ID is the account moto answers for (moto/core/responses.py);
  # MOTO_IAM_LOAD_MANAGED_POLICIES loads AWS's managed policies (moto/settings.py), which the EKS roles attach.
  MOTO_IAM_LOAD_MANAGED_POLICIES=true MOTO_ACCOUNT_ID=$1 "$moto_venv/bin/moto_server" -H 127.0.0.1 -p "$port" > "$work/moto.log" 2>&1 &
  moto_pid=$!
  echo "$moto_pid" > "$work/moto.pid"
  moto_url=http://127.0.0.1:$port
  for _ in $(seq 100); do
    curl -sf "$moto_url/moto-api/" > /dev/null 2>&1 && return
    kill -0 "$moto_pid" 2>/dev/null || { cat "$work/moto.log" >&2; fail "moto_server did not start"; }
    sleep 0.2
  done
  fail "moto_server did not answer on $moto_url"
}
stop_moto() { kill "$moto_pid"; wait "$moto_pid" 2>/dev/null || true; moto_pid=; rm -f "$work/moto.pid"; }

boto() { # python code, with `c(service)` a boto3 client on moto
  AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_DEFAULT_REGION=$region MOTO_URL=$moto_url \
    "$moto_venv/bin/python" -c "import boto3, json, os, sys
c = lambda s: boto3.client(s, endpoint_url=os.environ['MOTO_URL'])
$1" "${@:2}"
}

# moto_override.tf: the aws provider of a root talks to moto. Every endpoint the provider has (from its own schema,
# deprecated ones left out) goes to moto, so a resource of a service added later is covered too.
# skip_requesting_account_id stays false: the roots set allowed_account_ids, which the provider checks against the
# account STS returns (aws-sdk-go-base VerifyAccountIDAllowed), so moto's STS answers.
write_moto_override() { # dir
  local endpoints
  "$tofu" -chdir="$1" providers schema -json > "$work/schema.json"
  endpoints=$("$moto_venv/bin/python" -c '
import json, sys
p = json.load(open(sys.argv[1]))["provider_schemas"]["registry.opentofu.org/hashicorp/aws"]["provider"]["block"]
attrs = p["block_types"]["endpoints"]["block"]["attributes"]
print("\n".join(f"    {k} = \"{sys.argv[2]}\"" for k, v in sorted(attrs.items()) if not v.get("deprecated")))
' "$work/schema.json" "$moto_url")
  cat > "$1/moto_override.tf" <<EOF
# Written by tools/tofu/e2e.sh: this root's aws provider talks to moto on $moto_url.
provider "aws" {
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_metadata_api_check     = true
  s3_use_path_style           = true

  endpoints {
$endpoints
  }
}
EOF
}

apply_root() { # root: in its own folder ($work is the job's) with its own moto_server
  local root=$1
  dir=$(stage "$root")
  region=$(cat "$dir"/providers.tf "$dir"/*.tf 2>/dev/null | grep -oE '^\s*region\s*=\s*"[a-z0-9-]+"' | head -1 \
    | cut -d'"' -f2 || true)
  account=$(grep -hoE 'allowed_account_ids\s*=\s*\["[0-9]{12}"' "$dir"/*.tf | grep -oE '[0-9]{12}' | head -1 || true)
  start_moto "${account:-123456789012}"

  # The S3 backend itself, pointed at moto (OpenTofu's s3 backend arguments: endpoints, use_path_style, skip_*).
  bucket=
  if grep -qs 'backend "s3"' "$dir"/*.tf; then
    bucket=$(grep -A3 'backend "s3"' "$dir"/versions.tf | grep -oE 'bucket\s*=\s*"[^"]+"' | cut -d'"' -f2)
    boto 'c("s3").create_bucket(Bucket=sys.argv[1], CreateBucketConfiguration={"LocationConstraint": sys.argv[2]})' \
      "$bucket" "$region"
    cat > "$work/backend.hcl" <<EOF
endpoints                   = { s3 = "$moto_url", sts = "$moto_url", iam = "$moto_url" }
use_path_style              = true
access_key                  = "test"
secret_key                  = "test"
skip_credentials_validation = true
skip_requesting_account_id  = true
skip_metadata_api_check     = true
skip_region_validation      = true
EOF
    run_tofu init "$dir" init -input=false -backend-config="$work/backend.hcl"
  else
    run_tofu init "$dir" init -input=false
  fi

  if providers_of "$dir" | grep -qx hashicorp/aws; then write_moto_override "$dir"; fi

  # Root variables a person would give: the cluster's IAM OIDC provider, created in moto first.
  vars=()
  if grep -qs 'variable "oidc_provider_arn"' "$dir"/variables.tf; then
    arn=$(boto 'print(c("iam").create_open_id_connect_provider(Url=sys.argv[1], ClientIDList=["sts.amazonaws.com"],
      ThumbprintList=["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"])["OpenIDConnectProviderArn"])' \
      "https://oidc.eks.$region.amazonaws.com/id/ENVFORGE")
    vars+=(-var "oidc_provider_arn=$arn")
  fi

  # Leave out the types moto lacks: every planned instance of them.
  run_tofu plan "$dir" plan -input=false -out=tfplan "${vars[@]}"
  "$tofu" -chdir="$dir" show -json tfplan > "$work/plan.json"
  excludes=()
  mapfile -t excludes < <("$moto_venv/bin/python" -c '
import json, sys
skip = {l.split()[0] for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")}
for rc in json.load(open(sys.argv[1])).get("resource_changes", []):
    if rc["type"] in skip and rc["mode"] == "managed":
        print("-exclude=" + rc["address"])
' "$work/plan.json" "$here/moto-unsupported.txt")
  run_tofu apply "$dir" apply -input=false -auto-approve "${vars[@]}" "${excludes[@]}"

  # A second plan must find nothing to do, except for the types moto does not read back (moto-readback.txt).
  "$tofu" -chdir="$dir" plan -input=false -no-color -out=tfplan2 "${vars[@]}" "${excludes[@]}" > "$work/plan2.log" 2>&1 \
    || { cat "$work/plan2.log" >&2; fail "plan after apply ${root#"$repo"/}: $(grep '^Error: ' "$work/plan2.log" | head -1)"; }
  "$tofu" -chdir="$dir" show -json tfplan2 > "$work/plan2.json"
  changed=$("$moto_venv/bin/python" -c '
import json, sys
tolerated = {l.split()[0] for l in open(sys.argv[2]) if l.strip() and not l.startswith("#")}
for rc in json.load(open(sys.argv[1])).get("resource_changes", []):
    if rc["change"]["actions"] not in (["no-op"], ["read"]) and rc["type"] not in tolerated:
        print(rc["address"] + " (" + "/".join(rc["change"]["actions"]) + ")")
' "$work/plan2.json" "$here/moto-readback.txt" | paste -sd ';' -)
  if [ -n "$changed" ]; then
    cat "$work/plan2.log" >&2
    fail "plan after apply ${root#"$repo"/}: not clean: $changed"
  fi

  # No secret value that Secrets Manager holds is in the state (write-only arguments and ephemeral passwords): the
  # whole secret string, or each password/key field of a JSON secret (usernames, host names and ARNs are not secret).
  "$tofu" -chdir="$dir" state pull > "$work/state.json"
  leaked=$(boto '
import re
sm = c("secretsmanager"); state = open(sys.argv[1]).read()
for s in sm.list_secrets()["SecretList"]:
    v = sm.get_secret_value(SecretId=s["ARN"])["SecretString"]
    fields = json.loads(v) if v.startswith("{") else {}
    # an ARN pointing at another secret (password_secret_arn: RDS keeps the managed password) is not a secret value
    values = [str(x) for k, x in fields.items() if re.search("password|key|secret|token", k, re.I)
              and not str(x).startswith("arn:")] if fields else [v]
    if any(x in state for x in values): print(s["Name"])
' "$work/state.json" | sort -u | paste -sd ' ' -)
  [ -z "$leaked" ] || fail "state of ${root#"$repo"/} holds the value of secret(s) $leaked"

  # Every CloudWatch Logs group the root created keeps its logs as long as the root's module calls say
  # (log_retention_days = spec.observability.logRetentionDays): none is left to "never expire" (DescribeLogGroups,
  # retentionInDays). The value is read from the root's configuration in the plan (outputs are not written by an
  # apply with -exclude).
  days=$("$moto_venv/bin/python" -c '
import json, sys
calls = json.load(open(sys.argv[1]))["configuration"]["root_module"].get("module_calls", {})
found = {c["expressions"]["log_retention_days"].get("constant_value") for c in calls.values()
         if "log_retention_days" in c.get("expressions", {})}
print(found.pop() if len(found) == 1 else "")' "$work/plan2.json")
  if [ -n "$days" ]; then
    groups=$(boto '
groups = c("logs").describe_log_groups()["logGroups"]
print(" ".join(g["logGroupName"] + "=" + str(g.get("retentionInDays", "never")) for g in groups))' | tr ' ' '\n')
    [ -n "$groups" ] || fail "${root#"$repo"/}: no CloudWatch Logs group created (log_retention_days $days)"
    wrong=$(grep -v "=$days\$" <<< "$groups" | paste -sd ' ' - || true)
    [ -z "$wrong" ] || fail "${root#"$repo"/}: log groups without the retention $days: $wrong"
    echo "tofu: ${root#"$repo"/}: $(wc -l <<< "$groups") log groups kept $days days"
  fi

  # The state is in moto's bucket under the root's key, and its S3 lock file was released.
  if [ -n "${bucket:-}" ]; then
    key=$(grep -A6 'backend "s3"' "$dir"/versions.tf | grep -oE 'key\s*=\s*"[^"]+"' | cut -d'"' -f2)
    objects=$(boto 'print(" ".join(o["Key"] for o in c("s3").list_objects_v2(Bucket=sys.argv[1]).get("Contents", [])))' \
      "$bucket")
    [ "$objects" = "$key" ] || fail "state of ${root#"$repo"/}: bucket $bucket holds [$objects], expected [$key]"
  fi

  # VPN roots: the pipeline's peer file (.ci/onprem-peer) from this state names both tunnels' outside addresses and
  # the IKE/IPsec proposal the applied connection carries.
  if "$tofu" -chdir="$dir" output -json onprem_peer 2>/dev/null | grep -q '"tunnels"'; then
    TERRAFORM=$tofu ENVFORGE_TF_ROOT=$dir bash "$repo/.ci/onprem-peer" e2e "$work/peer.json" > /dev/null \
      || fail "onprem-peer of ${root#"$repo"/}"
    "$moto_venv/bin/python" -c '
import json, sys
peer = json.load(open(sys.argv[1]))
state = json.load(open(sys.argv[2]))
conn = [r for r in state["resources"] if r["type"] == "aws_vpn_connection"][0]["instances"][0]["attributes"]
want = [conn["tunnel1_address"], conn["tunnel2_address"]]
got = [t["cloud_outside_ip"] for t in peer["tunnels"]]
assert got == want and all(got), f"tunnel addresses {got} != {want}"
p1, p2 = peer["ike"]["phase1"], peer["ike"]["phase2"]
for n in ("1", "2"):
    assert conn[f"tunnel{n}_phase1_encryption_algorithms"] == [p1["encryption"]], conn[f"tunnel{n}_phase1_encryption_algorithms"]
    assert conn[f"tunnel{n}_phase1_integrity_algorithms"] == [p1["integrity"]]
    assert conn[f"tunnel{n}_phase1_dh_group_numbers"] == [p1["dh_group"]]
    assert conn[f"tunnel{n}_phase2_dh_group_numbers"] == [p2["pfs_dh_group"]]
    assert conn[f"tunnel{n}_phase2_lifetime_seconds"] == p2["lifetime_seconds"]
assert "preshared_key" not in json.dumps(peer).replace("pre_shared_key_source", ""), "a key value in the peer file"
' "$work/peer.json" "$work/state.json" || fail "onprem-peer of ${root#"$repo"/}: does not match the applied connection"
    echo "tofu: onprem-peer of ${root#"$repo"/}: both tunnels' addresses and the IKE/IPsec proposal match the state"
  fi

  n=$("$tofu" -chdir="$dir" state list | grep -cv '^data\.\|\.data\.' || true)
  echo "tofu: applied ${root#"$repo"/}: $n resources, ${#excludes[@]} excluded (moto-unsupported.txt), plan clean"
  echo "$n ${#excludes[@]}" > "$work/applied"
  stop_moto
}

# Start the applies (each root's moto_server on its own port), validate meanwhile, then collect in the roots' order.
for i in "${!apply_roots[@]}"; do
  root=${apply_roots[$i]}
  missing=$(missing_provider "$root")
  mkdir -p "$work/a$i"
  if [ -n "$missing" ]; then echo "apply of ${root#"$repo"/} ($missing not built)" > "$work/a$i/skipped"; continue; fi
  ( work=$work/a$i
    trap 'if [ -n "$moto_pid" ]; then stop_moto; fi' EXIT
    apply_root "$root" ) > "$work/a$i/log" 2>&1 &
  jobs_pids+=($!)
done
validate_lane 0 2 & jobs_pids+=($!)
validate_lane 1 2 & jobs_pids+=($!)
for p in "${jobs_pids[@]}"; do wait "$p" || true; done
jobs_pids=()

validated=0 skipped=() failed=()
for i in "${!roots[@]}"; do
  if [ -f "$work/v$i/skipped" ]; then skipped+=("$(cat "$work/v$i/skipped")")
  elif [ -f "$work/v$i/ok" ]; then validated=$((validated + 1))
  else failed+=("$work/v$i/log"); fi
done
applied=0 resources=0 excluded=0
for i in "${!apply_roots[@]}"; do
  if [ -f "$work/a$i/skipped" ]; then skipped+=("$(cat "$work/a$i/skipped")"); continue; fi
  if [ -f "$work/a$i/applied" ]; then
    cat "$work/a$i/log"
    read -r n x < "$work/a$i/applied"
    applied=$((applied + 1)) resources=$((resources + n)) excluded=$((excluded + x))
  else failed+=("$work/a$i/log"); fi
done
# A failed root: its log as it came (tofu's diagnostics, then its "tofu: FAILED" line), and exit 1.
if [ ${#failed[@]} -gt 0 ]; then
  for f in "${failed[@]}"; do cat "$f" >&2; done
  exit 1
fi

for s in "${skipped[@]}"; do echo "tofu: skipped $s"; done
line="tofu: $validated roots validated"
[ ${#skipped[@]} -eq 0 ] || line+=", ${#skipped[@]} skipped"
[ $applied -eq 0 ] || line+=", $applied roots applied against moto ($resources resources, $excluded excluded), plan clean"
echo "$line"
