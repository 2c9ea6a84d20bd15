#!/bin/bash

# Builds docs in docs/.
#
# Run this in the container.

cd docs
make html
