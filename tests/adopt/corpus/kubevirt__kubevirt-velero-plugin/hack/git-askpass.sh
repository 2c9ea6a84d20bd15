#!/bin/bash
cat "$GITHUB_TOKEN_PATH"
