#!/bin/bash
# ----------------------------------------------------------------------------
# Copyright 2025 The Netty Project
#
# The Netty Project licenses this file to you under the Apache License,
# version 2.0 (the "License"); you may not use this file except in compliance
# with the License. You may obtain a copy of the License at:
#
#   https://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS, WITHOUT
# WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied. See the
# License for the specific language governing permissions and limitations
# under the License.
# ----------------------------------------------------------------------------
set -e

if [ "$#" -ne 2 ]; then
    echo "Expected bundle name and directory"
    exit 1
fi

# Create a bundle zip that contains all jars.
# See https://central.sonatype.org/publish/publish-portal-upload/
pushd $2
zip -r $1 * -x maven-metadata-central-staging.xml
popd
