#!/bin/bash

# Folders
export TEST_DIR=$ROOT_DIR/tests
export TEMPLATES_DIR=$TEST_DIR/templates
export EXAMPLES_DIR=$ROOT_DIR/examples

# Tools
export GOMPLATE=$ROOT_DIR/bin/gomplate
export YQ=$ROOT_DIR/bin/yq
export KUTTL=$ROOT_DIR/bin/kubectl-kuttl
export KUSTOMIZE=$ROOT_DIR/bin/kustomize
