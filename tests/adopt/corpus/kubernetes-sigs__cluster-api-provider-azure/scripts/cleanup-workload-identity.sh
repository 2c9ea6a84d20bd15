#!/usr/bin/env bash
# Copyright 2024 The Kubernetes Authors.
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#     http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

set -o errexit
set -o nounset
set -o pipefail

# Install kubectl and kind
REPO_ROOT=$(dirname "${BASH_SOURCE[0]}")/..
# shellcheck source=hack/ensure-azcli.sh
source "${REPO_ROOT}/hack/ensure-azcli.sh"

AZWI_RESOURCE_GROUP="${AZWI_RESOURCE_GROUP:-}"

if [[ -z "${AZWI_RESOURCE_GROUP}" ]]; then
  echo AZWI_RESOURCE_GROUP environment variable must be set
  exit 1
fi

echo "Cleaning up CI workload-identity infra..."
az group delete --no-wait -y -n "${AZWI_RESOURCE_GROUP}"
