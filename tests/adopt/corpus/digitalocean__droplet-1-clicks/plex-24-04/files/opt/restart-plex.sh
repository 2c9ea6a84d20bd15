#!/bin/bash

echo "Restarting Plex Media Server..."
systemctl restart plex
echo "Plex Media Server restarted."
