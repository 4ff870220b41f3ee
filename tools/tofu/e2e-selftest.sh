#!/usr/bin/env bash
# Proves that e2e.sh fails, naming the resource and the provider's error, when one Terraform argument is broken.
# Each case breaks exactly one argument, runs e2e.sh on it and expects it to fail with the resource address and the
# provider's error text given below.
#   random:   testdata/broken-random-length (random_password.length = 0)
#   plan:     testdata/plan-not-clean (an argument that changes on every run: the plan after the apply is not clean)
# and, when the aws provider is built, on a copy of the golden aws-dev1 root with the repository's modules:
#   validate: aws_vpc.instance_tenancy = "shared" (the aws provider allows "default" or "dedicated")
#   apply:    a subnet outside its VPC's block (valid HCL and schema; the EC2 API - here moto - refuses it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
golden=$repo/generator/core/src/test/resources/golden/aws-dev1/expected/terraform/environments/dev1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A copy of the dev1 root with its modules, under <case>/terraform/.
fixture() { # case
  mkdir -p "$work/$1/terraform/environments"
  cp -r "$repo/terraform/modules" "$work/$1/terraform/modules"
  cp -r "$golden" "$work/$1/terraform/environments/dev1"
  echo "$work/$1/terraform"
}

expect_failure() { # case expected-address expected-error e2e-args...
  local name=$1 address=$2 error=$3; shift 3
  if bash "$here/e2e.sh" "$@" > "$work/$name.log" 2>&1; then
    cat "$work/$name.log"; echo "e2e-selftest: $name: e2e.sh passed a broken argument" >&2; exit 1
  fi
  local last
  last=$(grep '^tofu: FAILED' "$work/$name.log" | tail -1)
  if [[ $last == *"$address"* && $last == *"$error"* ]]; then
    echo "e2e-selftest: $name: fails as it should: ${last:0:300}"
  else
    cat "$work/$name.log"
    echo "e2e-selftest: $name: the failure does not name '$address' and '$error'" >&2; exit 1
  fi
}

mirror=${ENVFORGE_TOOLS:-/root/.cache/envforge/tools}/tf-mirror/registry.opentofu.org/hashicorp
cases=0

# Positive control: the same machinery passes a sound root (S3 backend on moto, apply, clean plan).
bash "$here/e2e.sh" --apply "$here/testdata/s3-backend" > "$work/control.log" 2>&1 \
  || { cat "$work/control.log"; echo "e2e-selftest: the sound fixture testdata/s3-backend failed" >&2; exit 1; }
echo "e2e-selftest: control: $(tail -1 "$work/control.log")"

# Needs only the random provider: a provider-side validator (not a type error of OpenTofu's own).
expect_failure random 'random_password.admin' 'Attribute length value must be at least 1' \
  "$here/testdata/broken-random-length"
cases=$((cases + 1))

# The plan after the apply must be clean: an argument that differs on every run fails it.
expect_failure plan 'terraform_data.always' 'not clean' --apply "$here/testdata/plan-not-clean"
cases=$((cases + 1))

if ! compgen -G "$mirror/aws/*/linux_amd64/terraform-provider-aws*" > /dev/null; then
  echo "e2e-selftest: aws cases skipped: the aws provider is not in $mirror (tools/tofu/build.sh aws)"
  echo "e2e-selftest: $cases broken argument(s) caught"; exit 0
fi

tf=$(fixture validate)
sed -i 's/^  cidr_block           = var.cidr$/&\n  instance_tenancy     = "shared"/' "$tf/modules/aws/network/main.tf"
grep -q 'instance_tenancy     = "shared"' "$tf/modules/aws/network/main.tf"
expect_failure validate 'module.network.aws_vpc.this' 'expected instance_tenancy to be one of' \
  "$tf/environments/dev1"

tf=$(fixture apply)
sed -i 's/"data-a"     = { cidr = "10.20.8.0\/23"/"data-a"     = { cidr = "10.99.8.0\/23"/' "$tf/environments/dev1/main.tf"
grep -q '10.99.8.0/23' "$tf/environments/dev1/main.tf"
expect_failure apply 'module.network.aws_subnet.this["data-a"]' 'InvalidSubnet.Range' \
  --apply "$tf/environments/dev1"
cases=$((cases + 2))
echo "e2e-selftest: $cases broken arguments caught"
