#!/bin/bash
#
# Copyright 2026 The Cloud Robotics Authors
#
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
#      http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

set -euo pipefail

GAPI_VERSION="${GAPI_VERSION:-v1.5.1}"
SCRIPT_DIR=$( cd -- "$( dirname -- "${BASH_SOURCE[0]}" )" &> /dev/null && pwd )
dst="${SCRIPT_DIR}/gatewayapi-crds.yaml"

echo "Downloading official Gateway API Standard Channel ${GAPI_VERSION} CRDs..."
curl -fsSL "https://github.com/kubernetes-sigs/gateway-api/releases/download/${GAPI_VERSION}/standard-install.yaml" -o "${dst}"

python3 "${SCRIPT_DIR}/process_gateway_api.py" "${dst}"

echo "Updated ${dst}"

