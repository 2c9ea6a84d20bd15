#!/bin/bash

# Copyright 2019 - 2023 Crunchy Data Solutions, Inc.
# Licensed under the Apache License, Version 2.0 (the "License");
# you may not use this file except in compliance with the License.
# You may obtain a copy of the License at
#
# http://www.apache.org/licenses/LICENSE-2.0
#
# Unless required by applicable law or agreed to in writing, software
# distributed under the License is distributed on an "AS IS" BASIS,
# WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
# See the License for the specific language governing permissions and
# limitations under the License.

DIR="$( cd "$( dirname "${BASH_SOURCE[0]}" )" && pwd )"

if [ -z $PGO_OPERATOR_NAMESPACE ];
then
	echo "error: \$PGO_OPERATOR_NAMESPACE must be set"
	exit 1
fi

if [ -z $PGO_INSTALLATION_NAME ];
then
	echo "error: \$PGO_INSTALLATION_NAME must be set"
	exit 1
fi

echo "deleting the namespaces the operator is deployed into ($PGO_OPERATOR_NAMESPACE)..."
$PGO_CMD delete namespace $PGO_OPERATOR_NAMESPACE > /dev/null 2> /dev/null
echo "namespace $PGO_OPERATOR_NAMESPACE deleted"

echo ""
echo "deleting the watched namespaces..."
$PGO_CMD delete namespace --selector="vendor=crunchydata,pgo-installation-name=$PGO_INSTALLATION_NAME"
