#!/bin/bash

echo "Stopping Plex Media Server..."
systemctl stop plex
echo "Plex Media Server stopped."
