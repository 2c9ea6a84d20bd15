#!/bin/bash

# Copyright 2018 The Kubernetes Authors.
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

# This shell script is used to sync Assume-role Policy from upstream to AWS IAM

set -o errexit
set -o nounset
set -o pipefail

echo "Downloading Trust-policy.json"
curl ${TRUST_POLICY} -o trust-policy.json
echo "Update AWS IAM role ${ROLE_NAME} assume role policy"
aws iam update-assume-role-policy --role-name ${ROLE_NAME} --policy-document file://trust-policy.json
