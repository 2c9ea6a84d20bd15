#!/usr/bin/env bash
# Copyright 2019 The Kanister Authors.
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


set -o errexit
set -o xtrace
set -o pipefail

if [ -z ${GITHUB_TOKEN} ]
then
	echo "Please set your GITHUB_TOKEN."
	echo "You can generate a token here: https://github.com/settings/tokens/new"
	exit 1
fi

## Set default changelog file
CHANGELOG_FILE=${CHANGELOG_FILE:-./CHANGELOG_CURRENT.md}

RELEASE_NOTES=""
if [ -n "${CHANGELOG_FILE:-}" ]
then
	RELEASE_NOTES="--release-notes ${CHANGELOG_FILE}"
fi

if [ -n "${GHCR_LOGIN_TOKEN}" ]
then
	docker login https://ghcr.io -u ${GHCR_LOGIN_USER:?"GHCR_LOGIN_USER not specified"} -p ${GHCR_LOGIN_TOKEN}
fi

goreleaser release --parallelism=1 --clean --debug --timeout 120m ${RELEASE_NOTES} ${GORELEASE_PARAMS}
