#!/usr/bin/env bash
set -euo pipefail

if [[ -n "${DEBUG-}" ]]; then
  set -x
fi

bosh_deployment="${PWD}/bosh-deployment"

rm -rf "/usr/local/bosh-deployment"
cp -r "${PWD}/bosh-deployment" "/usr/local/bosh-deployment"

export USE_LOCAL_RELEASES=false

ops_args=()
for f in ${DIRECTOR_OPS_FILES:-}; do
  ops_args+=(-o "/usr/local/bosh-deployment/${f}")
done

# shellcheck source=/dev/null
source start-bosh "${ops_args[@]+"${ops_args[@]}"}"
# shellcheck source=/dev/null
source /tmp/local-bosh/director/env

URL=$(cat stemcell/url)
SHA1=$(cat stemcell/sha1)

bosh upload-stemcell --sha1 "$SHA1" "$URL"

bosh -n update-runtime-config "${bosh_deployment}/runtime-configs/dns.yml"

echo "-----> $(date): Deploy"
bosh -n -d nats deploy "${bosh_deployment}/ci/assets/nats.yml" \
  -v stemcell_os="${STEMCELL_OS}"

echo "-----> $(date): Exercise deployment"
bosh -n -d nats run-errand smoke-tests

echo "-----> $(date): Exercise deployment"
bosh -n -d nats recreate

echo "-----> $(date): Clean up disks, etc."
bosh -n -d nats clean-up --all
