#!/bin/bash
echo "Stopping GitHub Actions Runner..."
systemctl stop actions-runner
echo "GitHub Actions Runner stopped."
